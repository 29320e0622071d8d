/**
 * Ingest problems as data. Each carries a code, the file, and where known the record index and the field
 * path; `describeProblem` writes the human message in one place.
 */

export type ProblemCode =
  | 'empty_file'
  | 'binary_file'
  | 'invalid_encoding'
  | 'invalid_json'
  | 'truncated_json'
  | 'unrecognised_format'
  | 'not_findings'
  | 'missing_field'
  | 'wrong_type'
  | 'invalid_record'
  | 'too_large'
  | 'archive_refused'
  | 'read_failed';

export interface Problem {
  code: ProblemCode;
  file: string;
  /** Zero-based index of the record in the file, when the problem concerns one record. */
  record?: number;
  /** Dotted path into the record, e.g. `Resources[0].Id`. */
  path?: string;
  /** Code-specific detail: what was found, expected, or tried. */
  detail?: string;
}

const ADVICE: Record<ProblemCode, string> = {
  empty_file: 'Export the findings again; the file has no content.',
  binary_file: 'Drop the JSON, CSV or JS export itself, or a .gz or .zip archive of it.',
  invalid_encoding: 'Save the file as UTF-8 (or UTF-16 with a byte order mark) and try again.',
  invalid_json: 'Check that the file is complete JSON; a hand-edited file may have a stray comma or quote.',
  truncated_json: 'The file ends early: export it again or copy it whole.',
  unrecognised_format: 'Run `srd formats` to see which exports are read, and export in one of those formats.',
  not_findings: 'This file holds no finding records; export the findings themselves.',
  missing_field: 'The record was skipped; the rest of the file loaded. Fix the record or re-export.',
  wrong_type: 'The record was skipped; the rest of the file loaded. Fix the record or re-export.',
  invalid_record: 'The record was skipped; the rest of the file loaded. Fix the record or re-export.',
  too_large: 'Split the input or raise the limit; nothing past the limit was read.',
  archive_refused: 'Unpack the archive yourself and drop the files it holds.',
  read_failed: 'Check that the file still exists and is readable, then try again.',
};

const SUMMARY: Record<ProblemCode, string> = {
  empty_file: 'The file is empty',
  binary_file: 'The file is binary, not a text export',
  invalid_encoding: 'The file is not valid text',
  invalid_json: 'The file is not valid JSON',
  truncated_json: 'The JSON is truncated',
  unrecognised_format: 'The format was not recognised',
  not_findings: 'The file holds no findings',
  missing_field: 'A required field is missing',
  wrong_type: 'A field has the wrong type',
  invalid_record: 'The record is invalid',
  too_large: 'The input is over the size limit',
  archive_refused: 'The archive was refused',
  read_failed: 'The file could not be read',
};

/** Writes the message for a problem: what failed, where, and what to do. */
export function describeProblem(problem: Problem): string {
  const where: string[] = [];
  if (problem.record !== undefined) where.push(`record ${problem.record}`);
  if (problem.path) where.push(`field ${problem.path}`);
  const location = where.length > 0 ? ` (${where.join(', ')})` : '';
  const detail = problem.detail ? `: ${problem.detail}` : '';
  return `${problem.file}${location}: ${SUMMARY[problem.code]}${detail}. ${ADVICE[problem.code]}`;
}

/** Problems that stop a whole file from being read (as opposed to one record). */
export function isFileLevel(code: ProblemCode): boolean {
  return !['missing_field', 'wrong_type', 'invalid_record'].includes(code);
}
