/**
 * From bytes to FormatInputs: container expansion, decoding and one structural parse per entry.
 */
import type { Problem } from '../model/problem';
import { parseDocument, type BadLine } from './document';
import { readEntries } from './source';
import type { FormatInput } from './types';

export interface ReadEntry {
  input: FormatInput;
  byteLength: number;
  badLines: BadLine[];
}

export type ReadResult = { ok: true; entry: ReadEntry } | { ok: false; problem: Problem; byteLength: number };

/** Reads one file into one entry per contained document (several for zip archives). */
export function readInputs(fileName: string, bytes: Uint8Array): ReadResult[] {
  return readEntries(fileName, bytes).map((source): ReadResult => {
    if (!source.ok) return { ok: false, problem: source.problem, byteLength: bytes.length };
    if ('binary' in source) {
      // NOTE: Parquet rows are decoded by the parquet module before detection; until it is registered the
      // file is reported as unrecognised.
      return {
        ok: false,
        problem: { code: 'unrecognised_format', file: source.binary.name, detail: 'Parquet files are not read yet' },
        byteLength: source.binary.bytes.length,
      };
    }
    const { name, text, byteLength } = source.entry;
    const parsed = parseDocument(name, text);
    if (!parsed.ok) return { ok: false, problem: parsed.problem, byteLength };
    return { ok: true, entry: { input: { fileName: name, doc: parsed.doc }, byteLength, badLines: parsed.badLines } };
  });
}
