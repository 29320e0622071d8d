import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeWithFixtures, fixturePath } from '../test-support/fixtures';
import { readParquetRows, toJsonValue } from './parquet';
import { readInputs } from './read';

describe('toJsonValue', () => {
  it('turns safe int64 values into numbers', () => {
    expect(toJsonValue(1659636559100n)).toBe(1659636559100);
  });

  it('keeps unsafe int64 values as decimal text', () => {
    expect(toJsonValue(2n ** 63n - 1n)).toBe('9223372036854775807');
  });

  it('unwraps the Avro list wrapper', () => {
    expect(toJsonValue({ array: [{ uid: 'a' }] })).toEqual([{ uid: 'a' }]);
  });

  it('turns dates and maps into JSON values', () => {
    expect(toJsonValue(new Date('2024-01-02T03:04:05Z'))).toBe('2024-01-02T03:04:05.000Z');
    expect(toJsonValue(new Map([['k', 1n]]))).toEqual({ k: 1 });
  });

  it('keeps a __proto__ column as data', () => {
    const value = toJsonValue(JSON.parse('{"__proto__": {"polluted": true}}')) as object;
    expect(Object.prototype.hasOwnProperty.call(value, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('readInputs with Parquet', () => {
  it('reports a corrupt file as unreadable', async () => {
    const bytes = new Uint8Array([0x50, 0x41, 0x52, 0x31, 1, 2, 3, 4, 0x50, 0x41, 0x52, 0x31]);
    const [result] = await readInputs('broken.parquet', bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.code).toBe('read_failed');
      expect(result.problem.detail).toMatch(/^Parquet decoding failed/);
    }
  });
});

describeWithFixtures('parquet fixtures', () => {
  it('decodes the Security Lake GZIP sample', async () => {
    const bytes = new Uint8Array(readFileSync(fixturePath('security-lake/aslv-SH_FINDINGS-example0.json.gz.parquet')));
    const rows = await readParquetRows(bytes);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ class_uid: 2001, time: 1659636559100, cloud: { account_uid: '123456789100' } });
    expect(Array.isArray((rows[0] as { resources: unknown }).resources)).toBe(true);
  });
});
