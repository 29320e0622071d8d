/**
 * Helpers for formats that arrive as CSV: a row as an object keyed by header name, and header checks
 * for `detect`.
 */
import type { CsvRow } from './csv';

/** Returns one CSV row as `{ header: cell }`. Missing cells become empty strings and extra cells are dropped. */
export function rowObject(header: readonly string[], row: CsvRow): Record<string, string> {
  // fromEntries defines own properties, so a column named `__proto__` stays plain data.
  return Object.fromEntries(header.map((name, index) => [name, row.cells[index] ?? '']));
}

/** Lists the required columns a header lacks, compared case-insensitively. */
export function missingColumns(header: readonly string[], required: readonly string[]): string[] {
  const present = new Set(header.map((name) => name.trim().toLowerCase()));
  return required.filter((name) => !present.has(name.toLowerCase()));
}
