/**
 * Decodes Parquet bytes (Amazon Security Lake objects) into plain row objects with hyparquet, which is
 * pure JavaScript and runs in Node and in a Web Worker.
 *
 * Codecs read: UNCOMPRESSED and SNAPPY (built into hyparquet), GZIP (through fflate). The Security Lake
 * sample in aws-samples/amazon-security-lake-ocsf-validation (`*.gz.parquet`, parquet-mr 1.10) uses GZIP.
 * NOTE: ZSTD, BROTLI and LZ4 pages fail with hyparquet's message naming the codec. Reading them needs a
 * decompressor package (hyparquet-compressors or fzstd) added to the project.
 *
 * Values become JSON-like data, so formats read them as they read parsed JSON. An int64 (bigint) becomes
 * a number when it is a safe integer and a decimal string otherwise, and a date becomes ISO 8601 text.
 * The Avro-style list wrapper `{ "array": [...] }`, which parquet-mr writes for lists of structs,
 * becomes the array itself.
 */
import { gunzipSync } from 'fflate';
import { parquetReadObjects, type Compressors } from 'hyparquet';

const COMPRESSORS: Compressors = {
  GZIP: (input, outputLength) => gunzipSync(input, { out: new Uint8Array(outputLength) }),
};

/** Reads every row of a Parquet file. Throws with the decoder's message when the file cannot be read. */
export async function readParquetRows(bytes: Uint8Array): Promise<unknown[]> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const rows = await parquetReadObjects({ file: buffer, compressors: COMPRESSORS });
  return rows.map((row) => toJsonValue(row));
}

/** Converts one decoded value into JSON-like data (see the file header for the rules). */
export function toJsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (Array.isArray(value)) return value.map((item) => toJsonValue(item));
  if (value instanceof Map) return toJsonValue(Object.fromEntries(value));
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    const record = value as Record<string, unknown>;
    if (keys.length === 1 && keys[0] === 'array' && Array.isArray(record.array)) return toJsonValue(record.array);
    // fromEntries defines own properties, so a column named `__proto__` stays plain data.
    return Object.fromEntries(keys.map((key) => [key, toJsonValue(record[key])]));
  }
  return value;
}
