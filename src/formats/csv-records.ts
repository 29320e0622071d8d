/**
 * Reading CSV rows by column name. Cells are kept in a Map keyed by the header text, so a header such as
 * `__proto__` stays plain data.
 */
import type { CsvRow } from './csv';
import { reject } from './record';
import type { RecordOutcome } from './types';

export type CsvRecord = { ok: true; cells: Map<string, string> } | { ok: false; outcome: RecordOutcome };

/** Pairs a row's cells with the header. A row with another number of cells is rejected with its line number. */
export function csvRecord(header: readonly string[], row: CsvRow, index: number): CsvRecord {
  if (row.cells.length !== header.length) {
    const detail = `line ${row.line} has ${row.cells.length} cells but the header has ${header.length} columns`;
    return { ok: false, outcome: reject(index, 'invalid_record', detail) };
  }
  const cells = new Map<string, string>();
  header.forEach((column, position) => cells.set(column, row.cells[position].trim()));
  return { ok: true, cells };
}

/** Returns the first non-empty cell among the named columns, or null. */
export function cellOf(cells: Map<string, string>, ...columns: string[]): string | null {
  for (const column of columns) {
    const value = cells.get(column);
    if (value !== undefined && value !== '') return value;
  }
  return null;
}

/** Returns the columns of `required` that the header lacks. */
export function missingColumns(header: readonly string[], required: readonly string[]): string[] {
  return required.filter((column) => !header.includes(column));
}
