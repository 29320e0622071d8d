/**
 * From bytes to FormatInputs: container expansion, decoding and one structural parse per entry.
 */
import type { Problem } from '../model/problem';
import { parseDocument, type BadLine } from './document';
import { readParquetRows } from './parquet';
import { readEntries, type BinaryEntry, type SourceEntry } from './source';
import type { FormatInput } from './types';

export interface ReadEntry {
  input: FormatInput;
  byteLength: number;
  badLines: BadLine[];
  /** File-level problems that still left records to read, such as a truncated file. */
  problems: Problem[];
}

export type ReadResult = { ok: true; entry: ReadEntry } | { ok: false; problem: Problem; byteLength: number };

/**
 * Reads one file into one entry per contained document (several for zip archives). Async because Parquet
 * decoding (hyparquet) is; text entries are parsed synchronously.
 */
export async function readInputs(fileName: string, bytes: Uint8Array): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  for (const source of readEntries(fileName, bytes)) {
    results.push('binary' in source ? await readParquetEntry(source.binary) : readTextEntry(source, bytes.length));
  }
  return results;
}

/** Decodes a Parquet entry into a `rows` document; formats then detect and parse the rows. */
async function readParquetEntry(binary: BinaryEntry): Promise<ReadResult> {
  const byteLength = binary.bytes.length;
  try {
    const rows = await readParquetRows(binary.bytes);
    return { ok: true, entry: { input: { fileName: binary.name, doc: { kind: 'rows', rows } }, byteLength, badLines: [], problems: [] } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { code: 'read_failed', file: binary.name, detail: `Parquet decoding failed (${message})` }, byteLength };
  }
}

function readTextEntry(source: Exclude<SourceEntry, { binary: BinaryEntry }>, fileBytes: number): ReadResult {
  if (!source.ok) return { ok: false, problem: source.problem, byteLength: fileBytes };
  const { name, text, byteLength } = source.entry;
  const parsed = parseDocument(name, text);
  if (!parsed.ok) return { ok: false, problem: parsed.problem, byteLength };
  return { ok: true, entry: { input: { fileName: name, doc: parsed.doc }, byteLength, badLines: parsed.badLines, problems: parsed.problems ?? [] } };
}
