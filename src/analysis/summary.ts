/**
 * The `summary --json` document: per-file accounts, totals and breakdowns. Every `by*` breakdown sums to
 * `totals.findings`; every `openRisks.by*` sums to `openRisks.total`, which equals `byStatus.open`.
 */
import type { Finding } from '../model/finding';
import {
  CATEGORIES,
  LAYERS,
  OWNERS,
  SEVERITIES,
  STATUSES,
  zeroCounts,
  type Category,
  type Layer,
  type Owner,
  type Severity,
  type Status,
} from '../model/vocabulary';
import type { FileAccount } from '../ingest/account';
import { isUnreadable } from '../ingest/account';
import type { Dataset } from '../ingest/dataset';
import { walledGardenSummary, type WalledGardenSummary } from './walled-garden';

export interface SummaryFile {
  path: string;
  format: string | null;
  records: number;
  findings: number;
  duplicates: number;
  rejected: number;
  errors: { record?: number; path?: string; code: string; message: string }[];
  notes: string[];
}

export interface Breakdowns {
  bySeverity: Record<Severity, number>;
  byCategory: Record<Category, number>;
  byOwner: Record<Owner, number>;
  byLayer: Record<Layer, number>;
}

export interface Summary extends Breakdowns {
  files: SummaryFile[];
  totals: {
    files: number;
    unreadableFiles: number;
    records: number;
    findings: number;
    duplicates: number;
    rejected: number;
  };
  byStatus: Record<Status, number>;
  openRisks: { total: number } & Breakdowns;
  walledGarden: WalledGardenSummary;
}

function emptyBreakdowns(): Breakdowns {
  return {
    bySeverity: zeroCounts(SEVERITIES),
    byCategory: zeroCounts(CATEGORIES),
    byOwner: zeroCounts(OWNERS),
    byLayer: zeroCounts(LAYERS),
  };
}

function addTo(breakdowns: Breakdowns, finding: Finding): void {
  breakdowns.bySeverity[finding.severity]++;
  breakdowns.byCategory[finding.category]++;
  breakdowns.byOwner[finding.owner]++;
  breakdowns.byLayer[finding.layer]++;
}

function summariseFile(account: FileAccount): SummaryFile {
  return {
    path: account.path,
    format: account.format,
    records: account.records,
    findings: account.findings,
    duplicates: account.duplicates,
    rejected: account.rejected,
    errors: account.errors.map((error) => ({ ...error })),
    notes: [...account.notes],
  };
}

/** The summary without the walled-garden practices: what the overview shows. */
export type SummaryCounts = Omit<Summary, 'walledGarden'>;

export function summarize(dataset: Dataset): Summary {
  return { ...summarizeCounts(dataset), walledGarden: walledGardenSummary(dataset.findings) };
}

/** Returns the accounts, totals and breakdowns, skipping the walled-garden rules, which cost more. */
export function summarizeCounts(dataset: Dataset): SummaryCounts {
  const all = emptyBreakdowns();
  const open = emptyBreakdowns();
  const byStatus = zeroCounts(STATUSES);
  let openTotal = 0;

  for (const finding of dataset.findings) {
    byStatus[finding.status]++;
    addTo(all, finding);
    if (finding.status === 'open') {
      openTotal++;
      addTo(open, finding);
    }
  }

  const files = dataset.files.map(summariseFile);
  const sum = (key: 'records' | 'findings' | 'duplicates' | 'rejected') =>
    dataset.files.reduce((total, file) => total + file[key], 0);

  return {
    files,
    totals: {
      files: files.length,
      unreadableFiles: dataset.files.filter(isUnreadable).length,
      records: sum('records'),
      findings: dataset.findings.length,
      duplicates: sum('duplicates'),
      rejected: sum('rejected'),
    },
    byStatus,
    ...all,
    openRisks: { total: openTotal, ...open },
  };
}
