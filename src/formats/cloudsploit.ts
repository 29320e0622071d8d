/**
 * CloudSploit scan results (github.com/aquasecurity/cloudsploit, `index.js --json <file>`).
 *
 * Versions read: the JSON array CloudSploit writes, one entry per plugin, resource and region:
 * `{ plugin, category, title, description, resource, region, status, message }`. Status OK is passed,
 * FAIL and WARN are open, UNKNOWN is unknown.
 *
 * CloudSploit results carry no severity, so severity follows the status: FAIL medium, WARN low, others
 * informational (a `severity` field, if a newer version writes one, wins). `category` is CloudSploit's
 * service name (`EC2`, `S3`, `CloudFormation`) and becomes the service hint.
 *
 * Ignored on purpose: `N/A` resources and the `global` region, which mean none.
 */
import type { ParsedFinding } from '../model/finding';
import type { Severity, Status } from '../model/vocabulary';
import { arnAccount, arnRegion, isObject, own, rawText, str, type JsonObject } from './fields';
import { severityFromWord } from './normalise';
import { accept, eachRecord, makeFinding, reject } from './record';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';
import { ownTable } from './lookup';

const STATUS: Record<string, { status: Status; severity: Severity }> = ownTable({
  OK: { status: 'passed', severity: 'informational' },
  PASS: { status: 'passed', severity: 'informational' },
  WARN: { status: 'open', severity: 'low' },
  FAIL: { status: 'open', severity: 'medium' },
  UNKNOWN: { status: 'unknown', severity: 'informational' },
});

const NO_VALUE = new Set(['n/a', 'global', 'unknown']);

function detect({ doc }: FormatInput): Detection {
  if (doc.kind !== 'json' || !Array.isArray(doc.value)) return { match: false, reason: 'it is not a JSON array' };
  const first = doc.value.find((item) => isObject(item));
  if (first === undefined) return { match: false, reason: 'the array holds no objects' };
  return typeof own(first, 'plugin') === 'string' && 'category' in first && 'status' in first
    ? { match: true }
    : { match: false, reason: 'the first entry has no plugin, category and status' };
}

function* parse({ doc }: FormatInput): Iterable<RecordOutcome> {
  if (doc.kind !== 'json' || !Array.isArray(doc.value)) return;
  yield* eachRecord(doc.value, (entry, index) => {
    if (!isObject(entry)) return reject(index, 'wrong_type', 'the entry is not an object');
    const plugin = str(own(entry, 'plugin'));
    if (plugin === null) return reject(index, 'missing_field', 'the entry has no plugin', 'plugin');
    return accept(index, fromEntry(entry, plugin));
  });
}

function meaningful(value: unknown): string | null {
  const text = str(value);
  return text !== null && !NO_VALUE.has(text.toLowerCase()) ? text : null;
}

function fromEntry(entry: JsonObject, plugin: string): ParsedFinding {
  const resource = meaningful(own(entry, 'resource'));
  const region = meaningful(own(entry, 'region')) ?? arnRegion(resource);
  const category = str(own(entry, 'category'));
  const outcome = STATUS[(str(own(entry, 'status')) ?? 'UNKNOWN').toUpperCase()] ?? STATUS.UNKNOWN;
  const title = str(own(entry, 'title')) ?? plugin;

  return makeFinding({
    id: `cloudsploit:${plugin}:${resource ?? ''}:${region ?? ''}`,
    title,
    description: [str(own(entry, 'description')), str(own(entry, 'message'))].filter(Boolean).join(' '),
    status: outcome.status,
    severity: severityFromWord(own(entry, 'severity')) ?? outcome.severity,
    kind: 'configuration',
    checkId: plugin,
    resourceId: resource,
    accountId: arnAccount(resource),
    region,
    sourceTool: 'CloudSploit',
    hints: {
      ruleKey: plugin,
      ...(category ? { serviceName: category.toLowerCase() } : {}),
      ...(resource ? { resourceIds: [resource] } : {}),
    },
    raw: rawText(entry),
  });
}

export const cloudsploitFormat: FormatModule = {
  id: 'cloudsploit',
  title: 'CloudSploit results (JSON)',
  versions: 'CloudSploit --json output',
  ignores: 'N/A resources and the global region',
  fileNameHint: /cloudsploit/i,
  detect,
  parse,
};
