/**
 * Turns the bytes of a dropped file into named text entries: unwraps gzip and zip, decodes UTF-8 and
 * UTF-16 by their byte order marks, and flags binary content. Runs the same in Node and in a Web Worker.
 */
import { Gunzip, Inflate, Unzip, type AsyncFlateStreamHandler, type FlateError, type UnzipDecoder } from 'fflate';
import type { Problem } from '../model/problem';

/**
 * Maximum bytes one decompressed entry may expand to; larger entries are refused (zip bombs). Text past
 * about 512 MiB could not be decoded into one JavaScript string anyway.
 */
export const MAX_ENTRY_BYTES = 512 * 1024 * 1024;
/**
 * Maximum bytes all entries of one zip archive may expand to together. Every entry is decoded before any
 * is parsed, so this bounds the memory one archive takes.
 */
export const MAX_ARCHIVE_BYTES = MAX_ENTRY_BYTES;
/** Maximum entries read from one zip archive. */
export const MAX_ZIP_ENTRIES = 10_000;
/** Maximum containers inside each other (a .gz in a .zip is 2). Deeper input is refused, and so are quines. */
export const MAX_CONTAINER_DEPTH = 4;
/**
 * Compressed bytes handed to the inflater at a time. DEFLATE expands at most about 1032:1, so one step
 * yields at most about 64 MiB before the size cap is checked again.
 */
const INFLATE_STEP_BYTES = 64 * 1024;

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

interface Limits {
  entryBytes: number;
  archiveBytes: number;
}

/**
 * Expands one file into its entries (one for plain files, several for zip archives). `maxEntryBytes` caps
 * each decompressed entry and `maxArchiveBytes` all entries of one zip archive together.
 */
export function readEntries(
  name: string,
  bytes: Uint8Array,
  maxEntryBytes = MAX_ENTRY_BYTES,
  maxArchiveBytes = MAX_ARCHIVE_BYTES,
): SourceEntry[] {
  return expand(name, bytes, { entryBytes: maxEntryBytes, archiveBytes: maxArchiveBytes }, 0);
}

function expand(name: string, bytes: Uint8Array, limits: Limits, depth: number): SourceEntry[] {
  if (bytes.length === 0) return [{ ok: false, problem: { code: 'empty_file', file: name } }];
  const isZip = startsWith(bytes, ZIP_MAGIC);
  const isGzip = startsWith(bytes, GZIP_MAGIC);
  if ((isZip || isGzip) && depth >= MAX_CONTAINER_DEPTH) {
    const detail = `it nests more than ${MAX_CONTAINER_DEPTH} .gz or .zip containers inside each other`;
    return [{ ok: false, problem: { code: 'archive_refused', file: name, detail } }];
  }
  if (isZip) return readZip(name, bytes, limits, depth);
  if (isGzip) {
    const inflated = gunzipCapped(name, bytes, limits.entryBytes);
    if (!inflated.ok) return [inflated];
    return expand(name.replace(/\.gz$/i, ''), inflated.bytes, limits, depth + 1);
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
    for (let offset = 0; offset < bytes.length && !overCap; offset += INFLATE_STEP_BYTES) {
      const end = Math.min(offset + INFLATE_STEP_BYTES, bytes.length);
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

/**
 * fflate's DEFLATE decoder for zip entries with the `terminate` that fflate's synchronous `UnzipInflate`
 * lacks, so that an entry refused for its size stops inflating instead of expanding to the end.
 */
class StoppableInflate implements UnzipDecoder {
  static readonly compression = 8;
  ondata: AsyncFlateStreamHandler = () => undefined;
  private stopped = false;
  private readonly inflate = new Inflate((chunk, final) => this.ondata(null, chunk, final));

  push(chunk: Uint8Array, final: boolean): void {
    if (this.stopped) return;
    try {
      this.inflate.push(chunk, final);
    } catch (error) {
      this.stopped = true;
      this.ondata(error as FlateError, new Uint8Array(0), final);
    }
  }

  terminate = (): void => {
    this.stopped = true;
  };
}

interface ZipEntryState {
  entryName: string;
  chunks: Uint8Array[];
  total: number;
  /** Problem that stops the entry, or null while it reads well. */
  failure: Problem | null;
}

function readZip(name: string, bytes: Uint8Array, limits: Limits, depth: number): SourceEntry[] {
  const { entryBytes: cap, archiveBytes: archiveCap } = limits;
  const results: SourceEntry[] = [];
  const pending: ZipEntryState[] = [];
  let entries = 0;
  let archiveTotal = 0;
  const tooLarge = (state: ZipEntryState, detail: string): Problem => ({ code: 'too_large', file: state.entryName, detail });
  const unzip = new Unzip((file) => {
    entries++;
    const entryName = `${name}/${file.name}`;
    if (file.name.endsWith('/')) return;
    if (entries > MAX_ZIP_ENTRIES) {
      results.push({ ok: false, problem: { code: 'archive_refused', file: entryName, detail: `the archive holds more than ${MAX_ZIP_ENTRIES} entries` } });
      return;
    }
    const state: ZipEntryState = { entryName, chunks: [], total: 0, failure: null };
    pending.push(state);
    if (file.originalSize !== undefined && file.originalSize > cap) {
      state.failure = tooLarge(state, `the entry declares ${formatBytes(file.originalSize)}, more than the limit of ${formatBytes(cap)}`);
      return;
    }
    const stopEntry = (problem: Problem) => {
      state.failure = problem;
      state.chunks = [];
      file.terminate();
    };
    file.ondata = (error, chunk) => {
      if (state.failure) return;
      if (error) return stopEntry({ code: 'read_failed', file: entryName, detail: `the zip entry is corrupt (${errorText(error)})` });
      state.total += chunk.length;
      archiveTotal += chunk.length;
      if (state.total > cap) return stopEntry(tooLarge(state, `the entry expands to more than ${formatBytes(cap)}`));
      if (archiveTotal > archiveCap) return stopEntry(tooLarge(state, `the archive expands to more than ${formatBytes(archiveCap)} in total`));
      state.chunks.push(chunk);
    };
    try {
      file.start();
    } catch (error) {
      state.failure = { code: 'read_failed', file: entryName, detail: `the zip entry cannot be read (${errorText(error)})` };
    }
  });
  unzip.register(StoppableInflate);
  try {
    for (let offset = 0; offset < bytes.length; offset += INFLATE_STEP_BYTES) {
      const end = Math.min(offset + INFLATE_STEP_BYTES, bytes.length);
      unzip.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch (error) {
    return [{ ok: false, problem: { code: 'read_failed', file: name, detail: `zip data is corrupt (${errorText(error)})` } }];
  }
  for (const state of pending) {
    if (state.failure) {
      results.push({ ok: false, problem: state.failure });
      continue;
    }
    results.push(...expand(state.entryName, concat(state.chunks, state.total), limits, depth + 1));
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
  } catch (error) {
    // A fatal decoding error is a TypeError. Any other error is the engine rejecting a string this long.
    if (error instanceof TypeError) {
      return { ok: false, problem: { code: 'invalid_encoding', file: name, detail: `it is not valid ${encoding.toUpperCase()}` } };
    }
    const detail = `its ${formatBytes(body.length)} of text do not fit in one JavaScript string (${errorText(error)})`;
    return { ok: false, problem: { code: 'too_large', file: name, detail } };
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
