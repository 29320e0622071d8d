/**
 * Turns the bytes of a dropped file into named text entries: unwraps gzip and zip, decodes UTF-8 and
 * UTF-16 by their byte order marks, and flags binary content. Runs the same in Node and in a Web Worker.
 */
import { Gunzip, Unzip, UnzipInflate } from 'fflate';
import type { Problem } from '../model/problem';

/** Maximum bytes one decompressed entry may expand to; larger entries are refused (zip bombs). */
export const MAX_ENTRY_BYTES = 1024 * 1024 * 1024;
/** Maximum entries read from one zip archive. */
export const MAX_ZIP_ENTRIES = 10_000;

export interface TextEntry {
  /** File name, with `archive.zip/` in front for zip entries. */
  name: string;
  text: string;
  byteLength: number;
}

export interface BinaryEntry {
  name: string;
  bytes: Uint8Array;
  kind: 'parquet';
}

export type SourceEntry = { ok: true; entry: TextEntry } | { ok: true; binary: BinaryEntry } | { ok: false; problem: Problem };

const GZIP_MAGIC = [0x1f, 0x8b];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

/** Expands one file into its entries (one for plain files, several for zip archives). */
export function readEntries(name: string, bytes: Uint8Array, maxEntryBytes = MAX_ENTRY_BYTES): SourceEntry[] {
  if (bytes.length === 0) return [{ ok: false, problem: { code: 'empty_file', file: name } }];
  if (startsWith(bytes, ZIP_MAGIC)) return readZip(name, bytes, maxEntryBytes);
  if (startsWith(bytes, GZIP_MAGIC)) {
    const inflated = gunzipCapped(name, bytes, maxEntryBytes);
    if (!inflated.ok) return [inflated];
    return readEntries(name.replace(/\.gz$/i, ''), inflated.bytes, maxEntryBytes);
  }
  if (startsWith(bytes, PARQUET_MAGIC)) return [{ ok: true, binary: { name, bytes, kind: 'parquet' } }];
  return [decodeText(name, bytes)];
}

function gunzipCapped(
  name: string,
  bytes: Uint8Array,
  cap: number,
): { ok: true; bytes: Uint8Array } | { ok: false; problem: Problem } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let overCap = false;
  const gunzip = new Gunzip((chunk) => {
    if (overCap) return;
    total += chunk.length;
    if (total > cap) overCap = true;
    else chunks.push(chunk);
  });
  try {
    const step = 1024 * 1024;
    for (let offset = 0; offset < bytes.length && !overCap; offset += step) {
      const end = Math.min(offset + step, bytes.length);
      gunzip.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch (error) {
    return { ok: false, problem: { code: 'read_failed', file: name, detail: `gzip data is corrupt (${errorText(error)})` } };
  }
  if (overCap) {
    return { ok: false, problem: { code: 'too_large', file: name, detail: `it expands to more than ${formatBytes(cap)}` } };
  }
  return { ok: true, bytes: concat(chunks, total) };
}

function readZip(name: string, bytes: Uint8Array, cap: number): SourceEntry[] {
  const results: SourceEntry[] = [];
  const pending: { entryName: string; chunks: Uint8Array[]; total: number; refused: boolean }[] = [];
  let entries = 0;
  const unzip = new Unzip((file) => {
    entries++;
    const entryName = `${name}/${file.name}`;
    if (file.name.endsWith('/')) return;
    if (entries > MAX_ZIP_ENTRIES) {
      results.push({ ok: false, problem: { code: 'archive_refused', file: entryName, detail: `the archive holds more than ${MAX_ZIP_ENTRIES} entries` } });
      return;
    }
    const state = { entryName, chunks: [] as Uint8Array[], total: 0, refused: false };
    pending.push(state);
    if (file.originalSize !== undefined && file.originalSize > cap) {
      state.refused = true;
      return;
    }
    file.ondata = (error, chunk) => {
      if (error) {
        state.refused = true;
        return;
      }
      if (state.refused) return;
      state.total += chunk.length;
      if (state.total > cap) {
        state.refused = true;
        state.chunks = [];
      } else {
        state.chunks.push(chunk);
      }
    };
    try {
      file.start();
    } catch {
      state.refused = true;
    }
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch (error) {
    return [{ ok: false, problem: { code: 'read_failed', file: name, detail: `zip data is corrupt (${errorText(error)})` } }];
  }
  for (const state of pending) {
    if (state.refused) {
      results.push({
        ok: false,
        problem: { code: 'too_large', file: state.entryName, detail: `the entry expands to more than ${formatBytes(cap)} or is corrupt` },
      });
      continue;
    }
    results.push(...readEntries(state.entryName, concat(state.chunks, state.total), cap));
  }
  if (results.length === 0) return [{ ok: false, problem: { code: 'empty_file', file: name, detail: 'the zip archive holds no files' } }];
  return results;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Decodes text by BOM (UTF-8, UTF-16 LE/BE), defaulting to UTF-8; NUL bytes in UTF-8 text mean binary. */
export function decodeText(name: string, bytes: Uint8Array): SourceEntry {
  let encoding = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    start = 2;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    start = 2;
  }
  const body = bytes.subarray(start);
  if (encoding === 'utf-8' && hasNulByte(body)) {
    return { ok: false, problem: { code: 'binary_file', file: name, detail: 'it contains NUL bytes' } };
  }
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(body);
    return { ok: true, entry: { name, text, byteLength: bytes.length } };
  } catch {
    return { ok: false, problem: { code: 'invalid_encoding', file: name, detail: `it is not valid ${encoding.toUpperCase()}` } };
  }
}

function hasNulByte(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length, 65_536);
  for (let i = 0; i < limit; i++) if (bytes[i] === 0) return true;
  return false;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
