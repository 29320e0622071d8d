/**
 * Reads the command line's input files into one dataset: large JSON files through the streaming reader,
 * the rest whole, with progress on stderr for large inputs.
 */
import { closeSync, createReadStream, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { rawCapture } from '../formats/fields';
import { formatBytes } from '../formats/source';
import type { FileAccount } from '../ingest/account';
import { DatasetBuilder, type Dataset } from '../ingest/dataset';
import { addJsonStream, canStream, STREAM_HEAD_BYTES } from '../ingest/stream';
import { UsageError } from './usage';

/** Inputs at least this large report progress on stderr. */
const PROGRESS_THRESHOLD_BYTES = 20 * 1024 * 1024;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point here.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Replaces terminal control characters with visible escapes (`\x1b`), so text from an input (a title, a
 * resource id, a file name) cannot move the cursor, clear the screen or plant a link in a terminal.
 * Line feeds and tabs are kept.
 */
export function printable(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Wraps the streams so every write passes through `printable`, for human-readable output. */
export function printableIo(io: Io): Io {
  return { stdout: (text) => io.stdout(printable(text)), stderr: (text) => io.stderr(printable(text)) };
}

/** Checks before any work that an output file can be created: its folder exists and is a folder. */
export function assertWritableOutput(path: string): void {
  const folder = dirname(path);
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    // Reported below.
  }
  if (!isFolder) throw new UsageError(`cannot write ${path}: the folder ${folder} does not exist; create it or choose another -o path`);
}

export interface LoadOptions {
  quiet: boolean;
  /** Keep each finding's raw record; only the report shows them, so the other commands skip the work. */
  keepRaw?: boolean;
}

export async function loadInputs(files: readonly string[], options: LoadOptions, io: Pick<Io, 'stderr'>): Promise<Dataset> {
  if (files.length === 0) throw new UsageError('no input files given');
  rawCapture.enabled = options.keepRaw ?? false;
  const builder = new DatasetBuilder();
  for (const folder of files.filter(isEmptyFolder)) {
    builder.addUnreadable(folder, 'the folder holds no files; name the folder of the exports, or the files themselves');
  }
  for (const path of expandFolders(files)) {
    let size: number;
    try {
      size = statSync(path).size;
    } catch (error) {
      builder.addUnreadable(path, error instanceof Error ? error.message : String(error));
      continue;
    }
    const verbose = !options.quiet && size >= PROGRESS_THRESHOLD_BYTES;
    if (verbose) io.stderr(`srd: reading ${path} (${formatBytes(size)})\n`);
    const accounts = shouldStream(path, size) ? [await streamFile(builder, path, size, verbose, io)] : await readWhole(builder, path, verbose, io);
    if (verbose) for (const account of accounts) io.stderr(`srd: ${account.path}: ${account.findings} findings\n`);
  }
  return builder.build();
}

/** True for a folder with no file anywhere below it, which would otherwise pass silently. */
function isEmptyFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory() && expandFolders([path]).length === 0;
  } catch {
    return false;
  }
}

/**
 * Replaces each folder by the files below it, in name order, as the page's folder picker does. Paths that
 * do not exist are kept, so they are reported as unreadable.
 */
export function expandFolders(paths: readonly string[]): string[] {
  const files: string[] = [];
  const pending = [...paths].reverse();
  while (pending.length > 0) {
    const path = pending.pop() as string;
    let isFolder = false;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      // Reported by the caller as unreadable.
    }
    if (!isFolder) {
      files.push(path);
      continue;
    }
    const children = readdirSync(path).sort().map((name) => join(path, name));
    pending.push(...children.reverse());
  }
  return files;
}

/**
 * The CLI streams JSON files from this size on. Below it, one `JSON.parse` of the whole text is faster
 * than parsing record by record, and peak memory stays under 2x that of a bare parse (measured on a 205 MB
 * ASFF export in docs/BENCHMARKS.md). The page streams from a lower size, STREAM_THRESHOLD_BYTES, because
 * there streaming also keeps raw records out of memory.
 */
export const CLI_STREAM_THRESHOLD_BYTES = 256 * 1024 * 1024;

/** Large JSON files go through the streaming reader, which never keeps the whole text as one string. */
function shouldStream(path: string, size: number): boolean {
  if (size < CLI_STREAM_THRESHOLD_BYTES) return false;
  const head = Buffer.alloc(STREAM_HEAD_BYTES);
  const descriptor = openSync(path, 'r');
  try {
    const length = readSync(descriptor, head, 0, head.length, 0);
    return canStream(new Uint8Array(head.buffer, head.byteOffset, length));
  } finally {
    closeSync(descriptor);
  }
}

async function streamFile(builder: DatasetBuilder, path: string, size: number, verbose: boolean, io: Pick<Io, 'stderr'>): Promise<FileAccount> {
  let nextReport = 0;
  return addJsonStream(builder, path, createReadStream(path, { highWaterMark: 1 << 20 }), size, (progress) => {
    if (!verbose || progress.bytesRead < nextReport) return;
    nextReport = progress.bytesRead + size / 10;
    io.stderr(`srd: ${path}: ${formatBytes(progress.bytesRead)} read, ${progress.records} records\n`);
  });
}

async function readWhole(builder: DatasetBuilder, path: string, verbose: boolean, io: Pick<Io, 'stderr'>): Promise<FileAccount[]> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (error) {
    return [builder.addUnreadable(path, error instanceof Error ? error.message : String(error))];
  }
  let calls = 0;
  return builder.addFile(path, bytes, (progress) => {
    if (verbose && ++calls % 50 === 0) io.stderr(`srd: ${progress.file}: ${progress.records} records\n`);
  });
}

