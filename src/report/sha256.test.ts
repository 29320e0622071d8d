import { createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHmacSha256, sha256, toHex } from './sha256';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('sha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(toHex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(sha256(utf8('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(sha256(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches node:crypto around block boundaries', () => {
    for (const length of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000]) {
      const message = randomBytes(length);
      expect(toHex(sha256(new Uint8Array(message))), `length ${length}`).toBe(createHash('sha256').update(message).digest('hex'));
    }
  });
});

describe('createHmacSha256', () => {
  it('matches RFC 4231 test case 2', () => {
    const hmac = createHmacSha256(utf8('Jefe'));
    expect(toHex(hmac(utf8('what do ya want for nothing?')))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('matches node:crypto for short and long keys', () => {
    for (const keyLength of [0, 16, 64, 65, 200]) {
      const key = randomBytes(keyLength);
      const message = randomBytes(77);
      expect(toHex(createHmacSha256(new Uint8Array(key))(new Uint8Array(message))), `key length ${keyLength}`).toBe(
        createHmac('sha256', key).update(message).digest('hex'),
      );
    }
  });
});
