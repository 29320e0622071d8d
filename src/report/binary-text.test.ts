import { describe, expect, it } from 'vitest';
import { BinaryTextError, decodeBinaryText, encodeBinaryText } from './binary-text';

/** Deterministic bytes that cover every value. */
function sampleBytes(length: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

/** Packs 7-bit groups into bytes, dropping the bits of a last partial byte. */
function fromGroups(groups: readonly number[]): Uint8Array {
  const bits = groups.map((group) => group.toString(2).padStart(7, '0')).join('');
  return Uint8Array.from({ length: Math.floor(bits.length / 8) }, (_, index) => parseInt(bits.slice(index * 8, index * 8 + 8), 2));
}

describe('binary text', () => {
  it('round-trips every length up to 64', () => {
    for (let length = 0; length <= 64; length++) {
      const bytes = sampleBytes(length, length + 1);
      expect(decodeBinaryText(encodeBinaryText(bytes), length)).toEqual(bytes);
    }
  });

  it('round-trips every byte value', () => {
    const bytes = Uint8Array.from({ length: 256 * 3 }, (_, index) => index % 256);
    expect(decodeBinaryText(encodeBinaryText(bytes), bytes.length)).toEqual(bytes);
  });

  it('round-trips runs of forbidden groups', () => {
    const runs = [Array(16).fill(0x00), Array(16).fill(0x0a), Array(16).fill(0x0d), Array(16).fill(0x3c), [0x0d, 0x00, 0x0a, 0x3c, 0x3c, 0x0a, 0x00]];
    for (const groups of runs) {
      const bytes = fromGroups(groups);
      expect(decodeBinaryText(encodeBinaryText(bytes), bytes.length)).toEqual(bytes);
    }
  });

  it('pads a forbidden group at the end', () => {
    // The byte 0x02 is the groups 0x01 and 0x00 (NUL, its last bit and padding); no group follows that NUL.
    const text = encodeBinaryText(Uint8Array.from([0x02]));
    expect(text).toBe('\u0001\u0100');
    expect(decodeBinaryText(text, 1)).toEqual(Uint8Array.from([0x02]));
  });

  it('never writes unsafe characters', () => {
    const text = encodeBinaryText(sampleBytes(200_000));
    const written = new Set(Array.from(text, (character) => character.charCodeAt(0)));
    for (const unsafe of [0x00, 0x0a, 0x0d, 0x3c, 0x2028, 0x2029]) expect(written.has(unsafe)).toBe(false);
    expect([...written].filter((code) => (code >= 0x80 && code < 0x100) || code >= 0x300)).toEqual([]);
  });

  it('takes 8/7 of the bytes in UTF-8', () => {
    const bytes = sampleBytes(70_000);
    const utf8Bytes = new TextEncoder().encode(encodeBinaryText(bytes)).length;
    expect(utf8Bytes).toBeGreaterThanOrEqual(80_000);
    expect(utf8Bytes).toBeLessThanOrEqual(80_002);
  });

  it('ignores text after the data', () => {
    const bytes = sampleBytes(100);
    expect(decodeBinaryText(`${encodeBinaryText(bytes)}; \n`, 100)).toEqual(bytes);
  });

  it('starts at the given character', () => {
    const bytes = sampleBytes(100);
    expect(decodeBinaryText(`2:100:${encodeBinaryText(bytes)}`, 100, 6)).toEqual(bytes);
  });

  it('rejects characters it never writes', () => {
    expect(() => decodeBinaryText('abc\ndef', 5)).toThrow(BinaryTextError);
    expect(() => decodeBinaryText('abc\ndef', 5)).toThrow('character 3 is U+000A');
    expect(() => decodeBinaryText('ab\u00e9', 3)).toThrow('character 2 is U+00E9');
    expect(() => decodeBinaryText('ab\u0300', 3)).toThrow('character 2 is U+0300');
  });

  it('rejects text that ends early', () => {
    const text = encodeBinaryText(sampleBytes(100));
    expect(() => decodeBinaryText(text.slice(0, 50), 100)).toThrow(/the text ends after 4\d of 100 bytes/);
  });
});
