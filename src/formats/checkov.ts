/**
 * Checkov JSON reports (github.com/bridgecrewio/checkov, `checkov -o json`).
 *
 * Versions read: Checkov 1.x-3.x. Shapes: one report object (`check_type`, `results.{failed_checks,
 * passed_checks, skipped_checks}`, `summary`), or an array of such reports (one per framework when
 * several run). Checkov 2 writes a summary-only object when nothing was scanned (`passed`, `failed`,
 * `resource_count`/`resourcecount`, `checkov_version`); it contains no records.
 *
 * Each check result is one record: failed is open, passed is passed, skipped (a `checkov:skip` comment)
 * is suppressed. The resource type comes from the Terraform address (`aws_s3_bucket.data`) or the
 * CloudFormation name (`AWS::S3::Bucket.MyBucket`); the resource id is the code location `file:line`.
 * Severity is Checkov's own (set with a Bridgecrew/Prisma API key) and medium when it is null.
 *
 * Ignored on purpose: `code_block` (kept in the raw record), `parsing_errors`, `evaluations`,
 * `fixed_definition`, `vulnerability_details` of SCA results.
 */
import type { ParsedFinding } from '../model/finding';
import type { Status } from '../model/vocabulary';
import { arr, isObject, own, rawText, safeUrl, str, type JsonObject } from './fields';
import { codeLocation, iacResourceType, lineNumber } from './iac';
import { severityFromWord } from './normalise';
import { accept, eachRecord, makeFinding, reject } from './record';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';

const RESULT_LISTS: readonly { key: string; status: Status }[] = [
  { key: 'failed_checks', status: 'open' },
  { key: 'passed_checks', status: 'passed' },
  { key: 'skipped_checks', status: 'suppressed' },
];

function isReport(value: unknown): boolean {
  const results = own(value, 'results');
  return isObject(results) && ('failed_checks' in results || 'passed_checks' in results) && 'check_type' in (value as object);
}

function isSummaryOnly(value: unknown): boolean {
  return isObject(value) && typeof own(value, 'checkov_version') === 'string' && typeof own(value, 'failed') === 'number';
}

function reportsOf(doc: FormatInput['doc']): unknown[] {
  if (doc.kind !== 'json') return [];
  return Array.isArray(doc.value) ? doc.value : [doc.value];
}

function detect({ doc }: FormatInput): Detection {
  if (doc.kind !== 'json') return { match: false, reason: 'it is not JSON' };
  const reports = reportsOf(doc);
  if (reports.length === 0) return { match: false, reason: 'the array is empty' };
  if (reports.every((report) => isReport(report) || isSummaryOnly(report))) return { match: true };
  return { match: false, reason: 'it has no check_type with results.failed_checks or passed_checks' };
}

interface CheckItem {
  checkType: string | null;
  status: Status;
  check: unknown;
}

function checkItems(doc: FormatInput['doc']): CheckItem[] {
  return reportsOf(doc).flatMap((report) => {
    const checkType = str(own(report, 'check_type'));
    const results = own(report, 'results');
    return RESULT_LISTS.flatMap(({ key, status }) =>
      arr(own(results, key)).map((check) => ({ checkType, status, check })),
    );
  });
}

function* parse({ doc }: FormatInput): Iterable<RecordOutcome> {
  yield* eachRecord(checkItems(doc), (item, index) => {
    const { checkType, status, check } = item as CheckItem;
    if (!isObject(check)) return reject(index, 'wrong_type', 'the check result is not an object');
    const checkId = str(own(check, 'check_id'));
    if (checkId === null) return reject(index, 'missing_field', 'the check result has no check_id', 'check_id');
    return accept(index, fromCheck(check, checkId, status, checkType));
  });
}

function fromCheck(check: JsonObject, checkId: string, status: Status, checkType: string | null): ParsedFinding {
  const resource = str(own(check, 'resource_address')) ?? str(own(check, 'resource'));
  const file = str(own(check, 'repo_file_path')) ?? str(own(check, 'file_path'));
  const line = lineNumber(arr(own(check, 'file_line_range'))[0]);
  const resourceType = iacResourceType(resource);
  const title = str(own(check, 'check_name')) ?? checkId;
  const where = [resource, file ? `in ${codeLocation(file, line)}` : null].filter(Boolean).join(' ');

  return makeFinding({
    id: `checkov:${checkId}:${file ?? ''}:${resource ?? ''}`,
    title,
    description: [str(own(check, 'description')) ?? title, where ? `Resource: ${where}.` : null, checkType ? `Framework: ${checkType}.` : null]
      .filter(Boolean)
      .join(' '),
    status,
    severity: severityFromWord(own(check, 'severity')) ?? 'medium',
    kind: 'iac',
    checkId,
    resourceType,
    resourceId: codeLocation(file, line),
    sourceTool: 'Checkov',
    remediationUrl: safeUrl(own(check, 'guideline')),
    standards: benchmarkNames(own(check, 'benchmarks')),
    hints: {
      ruleKey: checkId,
      ...(resourceType ? { resourceTypes: [resourceType] } : {}),
      ...(resource ? { resourceIds: [resource] } : {}),
    },
    raw: rawText(check),
  });
}

/** `benchmarks: { "CIS GCP V1.1": [{ name: "5.2" }] }` as `CIS GCP V1.1 5.2`. */
function benchmarkNames(benchmarks: unknown): string[] {
  if (!isObject(benchmarks)) return [];
  return Object.entries(benchmarks).flatMap(([benchmark, items]) =>
    arr(items).map((item) => `${benchmark} ${str(own(item, 'name')) ?? ''}`.trim()),
  );
}

export const checkovFormat: FormatModule = {
  id: 'checkov',
  title: 'Checkov report (JSON)',
  versions: 'Checkov 1.x-3.x JSON: one report, a list of reports, or the summary-only object',
  ignores: 'code blocks (raw record only), parsing errors, evaluations, fixed definitions',
  fileNameHint: /checkov/i,
  detect,
  parse,
};
