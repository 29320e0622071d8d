/**
 * The count a generator prints when it finishes, so that tests and benchmarks can compare the dataset's
 * summary with what was written. Status and severity use the project's vocabulary, and `source` keeps the
 * raw field values the generator chose.
 */
import { SEVERITIES, STATUSES, zeroCounts, type Severity, type Status } from '../../src/model/vocabulary';

export interface Tally {
  format: 'asff' | 'prowler-ocsf';
  seed: number;
  /** Records written. Every record has a distinct identity, so all of them are findings. */
  records: number;
  bytes: number;
  byStatus: Record<Status, number>;
  bySeverity: Record<Severity, number>;
  byProduct: Record<string, number>;
  accounts: number;
  regions: number;
  /** Raw source values, keyed by field name, then value. */
  source: Record<string, Record<string, number>>;
}

export function emptyTally(format: Tally['format'], seed: number, accounts: number, regions: number): Tally {
  return {
    format,
    seed,
    records: 0,
    bytes: 0,
    byStatus: zeroCounts(STATUSES),
    bySeverity: zeroCounts(SEVERITIES),
    byProduct: {},
    accounts,
    regions,
    source: {},
  };
}

export function countSource(tally: Tally, field: string, value: string | undefined): void {
  const counts = (tally.source[field] ??= {});
  const key = value ?? '(absent)';
  counts[key] = (counts[key] ?? 0) + 1;
}

export function countProduct(tally: Tally, product: string): void {
  tally.byProduct[product] = (tally.byProduct[product] ?? 0) + 1;
}
