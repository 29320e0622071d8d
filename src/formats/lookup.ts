/**
 * Table lookups keyed by text from input files. Plain object tables inherit `constructor`, `toString` ...
 * from Object.prototype, so a record whose status is "constructor" would otherwise read a function.
 */
import { isSeverity, type Severity } from '../model/vocabulary';
import { severityFromWord } from './normalise';

/**
 * Builds a lookup table without a prototype, so indexing it with `constructor` or `__proto__` from an input gives
 * undefined instead of an inherited member.
 */
export function ownTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/** Returns the table's value for `key` when the table itself has that key, else undefined. */
export function lookup<T>(table: Readonly<Record<string, T>>, key: string | null | undefined): T | undefined {
  if (key === null || key === undefined || !Object.prototype.hasOwnProperty.call(table, key)) return undefined;
  return table[key];
}

/** Maps a severity word like `severityFromWord` does, keeping only values of the severity vocabulary. */
export function severityWord(value: unknown): Severity | null {
  const severity: unknown = severityFromWord(value);
  return isSeverity(severity) ? severity : null;
}
