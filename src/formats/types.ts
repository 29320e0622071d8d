import type { ParsedFinding } from '../model/finding';
import type { ProblemCode } from '../model/problem';
import type { CsvRow } from './csv';

/**
 * A file's content after decoding and one structural parse. Formats detect and parse from this, so the
 * text is parsed once however many formats are tried.
 */
export type InputDocument =
  | { kind: 'json'; value: unknown }
  | { kind: 'jsonl'; values: unknown[]; lines: number[] }
  | { kind: 'csv'; delimiter: string; header: string[]; rows: CsvRow[] }
  /** A JavaScript file that assigns one JSON value to a variable (ScoutSuite reports). */
  | { kind: 'js'; variable: string; value: unknown }
  /** Rows of a columnar file (Parquet), as plain objects. */
  | { kind: 'rows'; rows: unknown[] }
  | { kind: 'empty' };

export interface FormatInput {
  fileName: string;
  doc: InputDocument;
}

export type Detection = { match: true } | { match: false; reason: string };

/** A record-level problem; ingest adds the file name. */
export interface RecordProblem {
  code: Extract<ProblemCode, 'missing_field' | 'wrong_type' | 'invalid_record' | 'not_findings'>;
  record: number;
  path?: string;
  detail: string;
}

/** Outcome of one record of the input. Every record yields exactly one outcome. */
export type RecordOutcome = { ok: true; record: number; finding: ParsedFinding } | { ok: false; problem: RecordProblem };

export interface FormatModule {
  /** Stable key used in summaries and exports, e.g. `asff`. */
  id: string;
  /** Human name, e.g. "AWS Security Hub findings (ASFF)". */
  title: string;
  /** Versions and shapes read. */
  versions: string;
  /** Parts of the input the module ignores on purpose. */
  ignores: string;
  /** File name patterns that usually hold this format; used only to break ties on empty documents. */
  fileNameHint?: RegExp;
  detect(input: FormatInput): Detection;
  parse(input: FormatInput): Iterable<RecordOutcome>;
}
