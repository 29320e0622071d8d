/**
 * tfsec JSON output (github.com/aquasecurity/tfsec, `tfsec --format json`).
 *
 * Versions read: v1.x (`rule_id` AVD id, `long_id`, `rule_service`, `resource`, `status` 0/1/2 or text),
 * v0.58-0.63 (`rule_id` long name such as `aws-vpc-no-excessive-port-access`, `legacy_rule_id`,
 * `status: "failed"`), and the legacy v0.x shape (`rule_id` like `AWS050`, `link`, `passed: false`).
 * `{"results": null}` is tfsec's report with no findings and gives no records.
 *
 * `checkId` is `rule_id` as tfsec wrote it. The id and resource id use the code location, because tfsec
 * reports one rule on the same file and line once per module instance that uses the code. Those
 * reports are one finding, and ingest counts the repeats as duplicates. The resource type comes from `resource` or
 * from the address quoted in the description ("Resource 'module.x:aws_eks_cluster.this' ...").
 *
 * Ignored on purpose: `links` after the first, `rule_provider` (the resource type names the provider).
 */
import type { ParsedFinding } from '../model/finding';
import type { Status } from '../model/vocabulary';
import { arr, isObject, own, rawText, safeUrl, str, strAt, type JsonObject } from './fields';
import { addressInText, codeLocation, iacResourceType, lineNumber } from './iac';
import { severityFromWord } from './normalise';
import { accept, eachRecord, makeFinding, reject } from './record';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';
import { ownTable } from './lookup';

/** defsec's numeric scan status as tfsec v1 writes it. */
const NUMERIC_STATUS: Record<number, Status> = { 0: 'open', 1: 'passed', 2: 'suppressed' };
const TEXT_STATUS: Record<string, Status> = ownTable({ failed: 'open', passed: 'passed', ignored: 'suppressed' });

function detect({ doc }: FormatInput): Detection {
  if (doc.kind !== 'json' || !isObject(doc.value)) return { match: false, reason: 'it is not a JSON object' };
  const results = own(doc.value, 'results');
  if (results === null && Object.keys(doc.value).length === 1) return { match: true };
  if (!Array.isArray(results)) return { match: false, reason: 'it has no results array' };
  const first = results.find((item) => isObject(item));
  if (first === undefined) return { match: false, reason: 'results holds no objects' };
  return typeof own(first, 'rule_id') === 'string' && isObject(own(first, 'location'))
    ? { match: true }
    : { match: false, reason: 'the first result has no rule_id with a location' };
}

function* parse({ doc }: FormatInput): Iterable<RecordOutcome> {
  if (doc.kind !== 'json') return;
  yield* eachRecord(arr(own(doc.value, 'results')), (result, index) => {
    if (!isObject(result)) return reject(index, 'wrong_type', 'the result is not an object');
    const ruleId = str(own(result, 'rule_id'));
    if (ruleId === null) return reject(index, 'missing_field', 'the result has no rule_id', 'rule_id');
    return accept(index, fromResult(result, ruleId));
  });
}

function statusOf(result: JsonObject): Status {
  const status = own(result, 'status');
  if (typeof status === 'number') return NUMERIC_STATUS[status] ?? 'unknown';
  if (typeof status === 'string') return TEXT_STATUS[status.toLowerCase()] ?? 'unknown';
  return own(result, 'passed') === true ? 'passed' : 'open';
}

function fromResult(result: JsonObject, ruleId: string): ParsedFinding {
  const file = strAt(result, 'location.filename');
  const line = lineNumber(strAt(result, 'location.start_line'));
  const description = str(own(result, 'description'));
  const address = str(own(result, 'resource')) ?? addressInText(description);
  const resourceType = iacResourceType(address);
  const longId = str(own(result, 'long_id'));
  const link = str(arr(own(result, 'links'))[0]) ?? linkInText(str(own(result, 'link')));

  return makeFinding({
    id: `tfsec:${ruleId}:${codeLocation(file, line) ?? ''}`,
    title: str(own(result, 'rule_description')) ?? longId ?? ruleId,
    description: [description, str(own(result, 'impact'))].filter(Boolean).join(' Impact: '),
    status: statusOf(result),
    severity: severityFromWord(own(result, 'severity')) ?? 'medium',
    kind: 'iac',
    checkId: ruleId,
    resourceType,
    resourceId: codeLocation(file, line),
    sourceTool: 'tfsec',
    remediation: str(own(result, 'resolution')),
    remediationUrl: safeUrl(link),
    hints: {
      ruleKey: longId ?? ruleId,
      ...(str(own(result, 'rule_service')) ? { serviceName: str(own(result, 'rule_service')) as string } : {}),
      ...(resourceType ? { resourceTypes: [resourceType] } : {}),
      ...(address ? { resourceIds: [address] } : {}),
    },
    raw: rawText(result),
  });
}

/** Legacy `link`: "See https://tfsec.dev/docs/general/GEN003/ for more information." */
function linkInText(text: string | null): string | null {
  return text ? (/https?:\/\/\S+/.exec(text)?.[0] ?? null) : null;
}

export const tfsecFormat: FormatModule = {
  id: 'tfsec',
  title: 'tfsec report (JSON)',
  versions: 'tfsec v1.x, v0.58-0.63 and legacy v0.x JSON',
  ignores: 'links after the first',
  fileNameHint: /tfsec/i,
  detect,
  parse,
};
