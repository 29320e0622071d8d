/**
 * Orca Security alerts exported from the Orca console, as CSV or JSON.
 *
 * Versions read: the 12-column CSV (`OrcaScore`, `Title`, `Category`, `Inventory`, `Inventory.Name`,
 * `CloudAccount`, `CloudAccount.Name`, `Source`, `Status`, `CreatedAt`, `LastSeen`, `Labels`) and the
 * JSON array with the same fields, where `CloudAccount` and `Inventory` are objects with a `Name`.
 *
 * Severity comes from OrcaScore (0-10) in CVSS-style bands: 9 and above critical, 7 high, 4 medium,
 * above 0 low, 0 informational. Status open and in_progress are open, closed resolved, dismissed and
 * snoozed suppressed. The export has no alert id, so the id is built from title, asset, account and
 * source.
 *
 * Ignored on purpose: the `Inventory` and `CloudAccount` columns that hold a count or type rather than a
 * name.
 */
import type { ParsedFinding } from '../model/finding';
import type { Status } from '../model/vocabulary';
import { arr, isObject, own, rawText, str, strAt, timestamp } from './fields';
import { severityFromCvss } from './normalise';
import { accept, eachRecord, makeFinding, reject } from './record';
import { fingerprint } from './secret-finding';
import { missingColumns, rowObject } from './tabular';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';
import { ownTable } from './lookup';

const CSV_COLUMNS = ['OrcaScore', 'Title', 'Status'];

const STATUS: Record<string, Status> = ownTable({
  open: 'open',
  in_progress: 'open',
  closed: 'resolved',
  dismissed: 'suppressed',
  snoozed: 'suppressed',
});

function detect({ doc }: FormatInput): Detection {
  if (doc.kind === 'csv') {
    const missing = missingColumns(doc.header, CSV_COLUMNS);
    return missing.length === 0 ? { match: true } : { match: false, reason: `the CSV header lacks ${missing.join(', ')}` };
  }
  if (doc.kind !== 'json' || !Array.isArray(doc.value)) return { match: false, reason: 'it is not a JSON array or CSV' };
  const first = doc.value.find((item) => isObject(item));
  if (first === undefined) return { match: false, reason: 'the array holds no objects' };
  return 'OrcaScore' in first && 'Title' in first
    ? { match: true }
    : { match: false, reason: 'the first entry has no OrcaScore and Title' };
}

/** The fields of one alert, whichever shape it came in. */
interface Alert {
  score: number | null;
  title: string | null;
  category: string | null;
  asset: string | null;
  account: string | null;
  source: string | null;
  status: string | null;
  createdAt: unknown;
  lastSeen: unknown;
  labels: string[];
  raw: unknown;
}

function* parse({ doc }: FormatInput): Iterable<RecordOutcome> {
  let alerts: unknown[] = [];
  if (doc.kind === 'csv') alerts = doc.rows.map((row) => fromCsv(rowObject(doc.header, row)));
  else if (doc.kind === 'json' && Array.isArray(doc.value)) alerts = doc.value.map((item) => (isObject(item) ? fromJson(item) : item));
  yield* eachRecord(alerts, (alert, index) => {
    if (!isObject(alert)) return reject(index, 'wrong_type', 'the alert is not an object');
    const typed = alert as unknown as Alert;
    if (typed.title === null) return reject(index, 'missing_field', 'the alert has no Title', 'Title');
    return accept(index, toFinding(typed, typed.title));
  });
}

function fromCsv(row: Record<string, string>): Alert {
  return {
    score: score(row.OrcaScore),
    title: str(row.Title),
    category: str(row.Category),
    asset: str(row['Inventory.Name']),
    account: str(row['CloudAccount.Name']),
    source: str(row.Source),
    status: str(row.Status),
    createdAt: row.CreatedAt,
    lastSeen: row.LastSeen,
    labels: parseLabels(row.Labels),
    raw: row,
  };
}

function fromJson(item: Record<string, unknown>): Alert {
  return {
    score: score(own(item, 'OrcaScore')),
    title: str(own(item, 'Title')),
    category: str(own(item, 'Category')),
    asset: strAt(item, 'Inventory.Name'),
    account: strAt(item, 'CloudAccount.Name'),
    source: str(own(item, 'Source')),
    status: str(own(item, 'Status')),
    createdAt: own(item, 'CreatedAt'),
    lastSeen: own(item, 'LastSeen'),
    labels: arr(own(item, 'Labels')).map((label) => str(label)).filter((label): label is string => label !== null),
    raw: item,
  };
}

function score(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

/** CSV labels are a JSON array in one cell (`["CSPM","source: Orca Scan"]`). */
function parseLabels(text: string | undefined): string[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return arr(value).map((label) => str(label)).filter((label): label is string => label !== null);
  } catch {
    return [];
  }
}

function toFinding(alert: Alert, title: string): ParsedFinding {
  const account = alert.account && /^\d{12}$/.test(alert.account) ? alert.account : null;
  const scoreText = alert.score !== null ? `OrcaScore: ${alert.score}` : null;
  return makeFinding({
    id: `orca:${fingerprint([title, alert.asset ?? '', alert.account ?? '', alert.source ?? ''])}`,
    title,
    description: [title, alert.category ? `Category: ${alert.category}.` : null, scoreText].filter(Boolean).join(' '),
    status: STATUS[(alert.status ?? '').toLowerCase()] ?? 'unknown',
    severity: alert.score !== null ? severityFromCvss(alert.score) : 'medium',
    kind: 'configuration',
    checkId: title,
    resourceId: alert.asset ?? alert.source,
    accountId: account,
    sourceTool: 'Orca',
    firstSeen: timestamp(alert.createdAt),
    lastUpdated: timestamp(alert.lastSeen),
    tags: Object.fromEntries(alert.labels.map((label) => [label, ''])),
    hints: {
      productName: 'Orca',
      ruleKey: [title, alert.category].filter(Boolean).join(' / '),
    },
    raw: rawText(alert.raw),
  });
}

export const orcaFormat: FormatModule = {
  id: 'orca',
  title: 'Orca Security alerts (CSV, JSON)',
  versions: 'Orca console alert export, CSV (12 columns) and JSON',
  ignores: 'Inventory and CloudAccount count columns',
  fileNameHint: /orca/i,
  detect,
  parse,
};
