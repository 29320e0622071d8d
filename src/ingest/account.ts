import { isFileLevel, type ProblemCode } from '../model/problem';

/** One problem as the per-file account shows it: where, what, and the message with what to do. */
export interface FileError {
  code: ProblemCode;
  record?: number;
  path?: string;
  message: string;
}

/**
 * Account of every record of one input file (or zip entry):
 * `records = findings + duplicates + rejected` always holds.
 */
export interface FileAccount {
  path: string;
  /** Format id, `empty` for a document with no records, or null when no format matched. */
  format: string | null;
  formatTitle: string | null;
  records: number;
  findings: number;
  duplicates: number;
  rejected: number;
  errors: FileError[];
  /** Information that is not an error, e.g. "the file is an empty JSON array". */
  notes: string[];
  bytes: number;
}

export function emptyAccount(path: string, bytes: number): FileAccount {
  return {
    path,
    format: null,
    formatTitle: null,
    records: 0,
    findings: 0,
    duplicates: 0,
    rejected: 0,
    errors: [],
    notes: [],
    bytes,
  };
}

/**
 * True when the file could not be read completely: its format was not recognised, it could not be read
 * at all, or it broke part way (a truncated file whose earlier records were kept). CLI exit code 3.
 */
export function isUnreadable(account: FileAccount): boolean {
  return account.format === null || account.errors.some((error) => isFileLevel(error.code));
}

export function isBalanced(account: FileAccount): boolean {
  return account.records === account.findings + account.duplicates + account.rejected;
}
