/**
 * Powerpipe and Steampipe benchmark results (github.com/turbot/powerpipe, `powerpipe benchmark run
 * --export json|csv`; Steampipe's deprecated `steampipe check --export json|csv`), for example the AWS
 * Compliance mod.
 *
 * Versions read: the JSON result tree, nested to any depth: `group_id` or `name`, `groups[]`, and
 * `controls[]` with `control_id` or `name`, `title`, `severity`, `tags`, `run_error` and `results[]` of
 * `{ reason, resource, status, dimensions[] }`. Also the CSV export with any separator: columns
 * `group_id`, `title`, `control_id`, `control_title`, `reason`, `resource`, `status`, `severity`, then
 * one column per dimension such as `account_id` and `region`.
 *
 * Each result row is one record. Status alarm is open, ok passed, skip suppressed, info and error
 * unknown. A control that failed to run and returned no rows is one record with status unknown, so the
 * failure stays visible. The control's `service` tag (`AWS/S3`) becomes the service hint.
 *
 * Ignored on purpose: `summary` counts (derived from the rows), snapshots (`.pps`, a dashboard format),
 * `documentation`.
 */
import type { ParsedFinding } from '../model/finding';
import type { Status } from '../model/vocabulary';
import { arnAccount, arnRegion, arr, isObject, own, rawText, str, tagsOf, type JsonObject } from './fields';
import { severityFromWord } from './normalise';
import { accept, eachRecord, makeFinding, reject } from './record';
import { missingColumns, rowObject } from './tabular';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';
import { ownTable } from './lookup';

const STATUS: Record<string, Status> = ownTable({
  alarm: 'open',
  ok: 'passed',
  skip: 'suppressed',
  info: 'unknown',
  error: 'unknown',
});

const CSV_COLUMNS = ['control_id', 'reason', 'resource', 'status'];
/** CSV columns that describe the group and control rather than dimensions of the row. */
const CSV_FIXED = new Set([
  'group_id',
  'title',
  'description',
  'control_id',
  'control_title',
  'control_description',
  'reason',
  'resource',
  'status',
  'severity',
]);

function detect({ doc }: FormatInput): Detection {
  if (doc.kind === 'csv') {
    const missing = missingColumns(doc.header, CSV_COLUMNS);
    return missing.length === 0 ? { match: true } : { match: false, reason: `the CSV header lacks ${missing.join(', ')}` };
  }
  if (doc.kind !== 'json' || !isObject(doc.value)) return { match: false, reason: 'it is not a JSON object or CSV' };
  const root = doc.value;
  const hasTree = Array.isArray(own(root, 'groups')) || Array.isArray(own(root, 'controls'));
  const hasSummary = isObject(own(own(root, 'summary'), 'status'));
  return hasTree && hasSummary
    ? { match: true }
    : { match: false, reason: 'it has no groups or controls with a summary.status' };
}

/** One result row with the control it belongs to; `result` is null for a control that failed to run. */
interface ResultItem {
  control: JsonObject;
  result: unknown;
}

/** Walks the group tree depth first with an explicit stack, so a deeply nested file cannot overflow the call stack. */
function collect(root: unknown, items: ResultItem[]): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const group = stack.pop();
    for (const control of arr(own(group, 'controls'))) {
      if (!isObject(control)) continue;
      const results = arr(own(control, 'results'));
      if (results.length === 0 && str(own(control, 'run_error')) !== null) items.push({ control, result: null });
      for (const result of results) items.push({ control, result });
    }
    // Pushed in reverse so that groups are visited in file order.
    const children = arr(own(group, 'groups'));
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
}

function* parse({ doc }: FormatInput): Iterable<RecordOutcome> {
  if (doc.kind === 'csv') {
    const rows = doc.rows.map((row) => rowObject(doc.header, row));
    yield* eachRecord(rows, (row, index) => accept(index, fromCsvRow(row as Record<string, string>)));
    return;
  }
  if (doc.kind !== 'json') return;
  const items: ResultItem[] = [];
  collect(doc.value, items);
  yield* eachRecord(items, (item, index) => {
    const { control, result } = item as ResultItem;
    if (result !== null && !isObject(result)) return reject(index, 'wrong_type', 'the result row is not an object');
    return accept(index, fromResult(control, result));
  });
}

interface Row {
  controlId: string;
  controlTitle: string | null;
  controlDescription: string | null;
  severity: unknown;
  serviceTag: string | null;
  reason: string | null;
  resource: string | null;
  status: Status;
  dimensions: Record<string, string>;
  tags: Record<string, string>;
  raw: unknown;
}

function fromResult(control: JsonObject, result: JsonObject | null): ParsedFinding {
  const tags = tagsOf(own(control, 'tags'));
  // fromEntries defines own properties, so a dimension named `__proto__` stays plain data.
  const dimensions: Record<string, string> = Object.fromEntries(
    arr(own(result, 'dimensions'))
      .map((dimension) => [str(own(dimension, 'key')), str(own(dimension, 'value')) ?? ''])
      .filter((entry): entry is [string, string] => entry[0] !== null),
  );
  const runError = str(own(control, 'run_error'));
  return toFinding({
    controlId: str(own(control, 'control_id')) ?? str(own(control, 'name')) ?? 'unknown',
    controlTitle: str(own(control, 'title')),
    controlDescription: str(own(control, 'description')),
    severity: own(control, 'severity'),
    serviceTag: tags.service ?? null,
    reason: result ? str(own(result, 'reason')) : `The control could not run: ${runError}`,
    resource: result ? str(own(result, 'resource')) : null,
    status: result ? (STATUS[str(own(result, 'status')) ?? ''] ?? 'unknown') : 'unknown',
    dimensions,
    tags,
    raw: result ? { control: { ...control, results: undefined }, result } : { ...control, results: undefined },
  });
}

function fromCsvRow(row: Record<string, string>): ParsedFinding {
  const dimensions: Record<string, string> = Object.fromEntries(
    Object.entries(row).filter(([key, value]) => !CSV_FIXED.has(key) && value !== ''),
  );
  return toFinding({
    controlId: str(row.control_id) ?? 'unknown',
    controlTitle: str(row.control_title),
    controlDescription: str(row.control_description),
    severity: row.severity,
    serviceTag: dimensions.service ?? null,
    reason: str(row.reason),
    resource: str(row.resource),
    status: STATUS[(row.status ?? '').trim().toLowerCase()] ?? 'unknown',
    dimensions,
    tags: {},
    raw: row,
  });
}

function toFinding(row: Row): ParsedFinding {
  const accountId = row.dimensions.account_id ?? arnAccount(row.resource);
  const region = row.dimensions.region ?? arnRegion(row.resource);
  const service = /^AWS\/(.+)$/i.exec(row.serviceTag ?? '')?.[1]?.toLowerCase();
  return makeFinding({
    id: `powerpipe:${row.controlId}:${row.resource ?? ''}:${accountId ?? ''}:${region ?? ''}`,
    title: row.controlTitle ?? row.controlId,
    description: [row.reason, row.controlDescription].filter(Boolean).join('\n\n'),
    status: row.status,
    severity: severityFromWord(row.severity) ?? 'medium',
    kind: 'configuration',
    checkId: row.controlId,
    resourceId: row.resource,
    accountId,
    region,
    sourceTool: 'Powerpipe',
    tags: row.tags,
    hints: {
      ruleKey: row.controlId,
      ...(service ? { serviceName: service } : {}),
      ...(row.resource ? { resourceIds: [row.resource] } : {}),
    },
    raw: rawText(row.raw),
  });
}

export const powerpipeFormat: FormatModule = {
  id: 'powerpipe',
  title: 'Powerpipe / Steampipe benchmark results (JSON, CSV)',
  versions: 'Powerpipe benchmark run and Steampipe check exports, JSON and CSV',
  ignores: 'summary counts, snapshots, documentation',
  fileNameHint: /powerpipe|steampipe/i,
  detect,
  parse,
};
