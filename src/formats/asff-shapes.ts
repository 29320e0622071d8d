/**
 * Finds ASFF findings inside the container shapes that Security Hub exports come in:
 * - `aws securityhub get-findings` output `{"Findings": [...], "NextToken": ...}`, or `{"findings": [...]}`;
 * - a bare array of findings, or one finding object;
 * - JSON Lines with one finding (or one event, or one page) per line;
 * - EventBridge events (detail-type "Security Hub Findings - Imported" or "- Custom Action") holding
 *   `detail.findings`, alone or in an array;
 * - a recorded API response that nests the page under `data` (`{"status_code": 200, "data": {...}}`, as
 *   cloud-custodian's placebo recordings store it).
 * A "Security Hub Insight Results" event contains aggregate counts and no findings. It becomes a
 * `no_findings` entry, so that the file can explain why it has no records.
 */
import { isObject, own, str } from './fields';
import type { InputDocument } from './types';
import { unwrapRecorded } from './wrappers';

/** One finding found in the document, or a Security Hub event that contains none. */
export type AsffEntry =
  | { kind: 'finding'; record: unknown; index: number; line: number | null }
  | { kind: 'no_findings'; detail: string };

export type FindingEntry = Extract<AsffEntry, { kind: 'finding' }>;

export type AsffContent = { ok: true; entries: AsffEntry[] } | { ok: false; reason: string };

/**
 * Top-level keys of an ASFF finding. A record needs MIN_ASFF_KEYS of them to count as ASFF: GuardDuty's
 * own `get-findings` records share only `SchemaVersion`, and Prowler v3 JSON records only `Compliance`.
 */
const ASFF_KEYS = [
  'ProductArn',
  'GeneratorId',
  'AwsAccountId',
  'Resources',
  'Types',
  'SchemaVersion',
  'ProductFields',
  'FindingProviderFields',
  'RecordState',
  'Compliance',
  'Workflow',
  'WorkflowState',
] as const;
const MIN_ASFF_KEYS = 3;

const INSIGHT_DETAIL_TYPE = 'Security Hub Insight Results';

export function countAsffKeys(value: unknown): number {
  if (!isObject(value)) return 0;
  return ASFF_KEYS.filter((key) => own(value, key) !== undefined).length;
}

export function looksLikeAsffFinding(value: unknown): boolean {
  return countAsffKeys(value) >= MIN_ASFF_KEYS;
}

/** Contents of one JSON value once its wrappers are removed. */
type Unit =
  | { kind: 'page'; records: unknown[]; key: string }
  | { kind: 'event'; records: unknown[] }
  | { kind: 'no_findings'; detail: string }
  | { kind: 'single'; record: unknown };

function isSecurityHubEvent(value: unknown): boolean {
  if (!isObject(own(value, 'detail'))) return false;
  const detailType = str(own(value, 'detail-type')) ?? '';
  return str(own(value, 'source')) === 'aws.securityhub' || detailType.startsWith('Security Hub');
}

function unwrapEvent(event: unknown): Unit {
  const detail = own(event, 'detail');
  const findings = own(detail, 'findings');
  if (Array.isArray(findings)) return { kind: 'event', records: findings };
  const detailType = str(own(event, 'detail-type')) ?? 'Security Hub event';
  if (detailType === INSIGHT_DETAIL_TYPE || own(detail, 'insightResults') !== undefined) {
    const insight = str(own(detail, 'insightName'));
    const name = insight ? ` for the insight "${insight}"` : '';
    return {
      kind: 'no_findings',
      detail: `this is a "${INSIGHT_DETAIL_TYPE}" event${name}: it holds aggregate counts, not findings. Export the findings with \`aws securityhub get-findings\` instead`,
    };
  }
  return { kind: 'no_findings', detail: `this "${detailType}" event holds no detail.findings list` };
}

function unwrap(wrapped: unknown): Unit {
  const value = unwrapRecorded(wrapped);
  if (!isObject(value)) return { kind: 'single', record: value };
  if (isSecurityHubEvent(value)) return unwrapEvent(value);
  for (const key of ['Findings', 'findings']) {
    const list = own(value, key);
    if (Array.isArray(list)) return { kind: 'page', records: list, key };
  }
  return { kind: 'single', record: value };
}

/** Collects entries from top-level values; `lines` contains JSON Lines line numbers when the document has them. */
function collect(values: readonly unknown[], lines: readonly number[] | null): { entries: AsffEntry[]; units: Unit[] } {
  const entries: AsffEntry[] = [];
  const units: Unit[] = [];
  let next = 0;
  values.forEach((value, position) => {
    const line = lines ? lines[position] : null;
    const unit = unwrap(value);
    units.push(unit);
    if (unit.kind === 'no_findings') {
      entries.push({ kind: 'no_findings', detail: unit.detail });
      return;
    }
    for (const record of unit.kind === 'single' ? [unit.record] : unit.records) {
      // JSON Lines records are numbered by line, like the lines that failed to parse.
      entries.push({ kind: 'finding', record, index: line !== null ? line - 1 : next, line });
      next++;
    }
  });
  return { entries, units };
}

function topLevelValues(doc: InputDocument): { values: unknown[]; lines: number[] | null } | null {
  if (doc.kind === 'jsonl') return { values: doc.values, lines: doc.lines };
  if (doc.kind !== 'json') return null;
  // A bare array may hold findings, events or pages side by side; anything else is one value.
  return { values: Array.isArray(doc.value) ? doc.value : [doc.value], lines: null };
}

/** Returns null when the entries are ASFF, else the reason they are not. */
function judge(entries: AsffEntry[], units: Unit[]): string | null {
  const first = entries.find((entry): entry is FindingEntry => entry.kind === 'finding' && isObject(entry.record));
  if (first) {
    if (looksLikeAsffFinding(first.record)) return null;
    return `the first record has ${countAsffKeys(first.record)} of the ASFF finding keys (ProductArn, GeneratorId, AwsAccountId, Resources, Types, SchemaVersion, ...), and at least ${MIN_ASFF_KEYS} are needed`;
  }
  if (entries.some((entry) => entry.kind === 'no_findings')) return null;
  if (entries.length > 0) return 'no record is a JSON object';

  // An empty Security Hub event or `Findings` page is claimed; an empty GuardDuty get-findings page looks
  // the same, but either way it contains no records.
  if (units.some((unit) => unit.kind === 'event' || (unit.kind === 'page' && unit.key === 'Findings'))) return null;
  if (units.some((unit) => unit.kind === 'page')) {
    return 'the `findings` list is empty, and Inspector and IAM Access Analyzer write the same empty list';
  }
  return 'the document holds no records';
}

const cache = new WeakMap<InputDocument, AsffContent>();

/** Locates the ASFF entries of a document, or the reason it contains none. Results are cached per document. */
export function findAsffContent(doc: InputDocument): AsffContent {
  const cached = cache.get(doc);
  if (cached) return cached;
  const content = locate(doc);
  cache.set(doc, content);
  return content;
}

function locate(doc: InputDocument): AsffContent {
  const top = topLevelValues(doc);
  if (!top) return { ok: false, reason: `the input is ${doc.kind}, not JSON or JSON Lines` };
  const { entries, units } = collect(top.values, top.lines);
  const reason = judge(entries, units);
  return reason === null ? { ok: true, entries } : { ok: false, reason };
}
