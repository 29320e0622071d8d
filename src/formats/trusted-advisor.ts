/**
 * AWS Trusted Advisor check results (`aws support describe-trusted-advisor-check-result`).
 *
 * Source: `TrustedAdvisorCheckResult` output as in the AWS CLI documentation example and cloud-custodian's
 * test data. Shape read: `{"result": {"checkId", "timestamp", "status", "flaggedResources": [...]}}`, also
 * inside a cloud-custodian placebo recording. One record per flagged resource. Status: ok passed, warning open
 * (medium), error open (high), a suppressed resource (`isSuppressed`) suppressed, anything else unknown.
 * The result names the check only by id. A resource's `metadata` is a list of values whose column names are
 * in the check catalog, so the values are kept in the description. The first AWS id or ARN among them becomes
 * the resource id, else Trusted Advisor's own opaque `resourceId` does.
 * The check catalog (`describe-trusted-advisor-checks`, `{"checks": [...]}`) describes checks, not
 * results: it yields one `not_findings` outcome.
 * Ignored on purpose: `resourcesSummary`, `categorySpecificSummary` (cost savings).
 */
import type { Severity, Status } from '../model/vocabulary';
import { arr, isObject, own, rawText, str, type JsonObject } from './fields';
import { lookup } from './lookup';
import { accept, eachRecord, makeFinding, reject } from './record';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';
import { jsonValues, notFindings, recordedTimestamp, unwrapRecorded } from './wrappers';

const RESULT_BY_STATUS: Record<string, { status: Status; severity: Severity }> = {
  ok: { status: 'passed', severity: 'informational' },
  warning: { status: 'open', severity: 'medium' },
  error: { status: 'open', severity: 'high' },
};

/** An ARN, or an id with a resource prefix and 8 or 17 hex digits (`vol-0d6a4c64551afc66e`, `i-99999999`). */
const AWS_ID = /^(arn:[^:\s]+:[^:\s]+:|[a-z]+(-[a-z]+)*-([0-9a-f]{8}|[0-9a-f]{17})$)/;

function checkResult(value: unknown): JsonObject | null {
  const result = own(unwrapRecorded(value), 'result');
  return isObject(result) && typeof own(result, 'checkId') === 'string' && Array.isArray(own(result, 'flaggedResources'))
    ? result
    : null;
}

function isCatalog(value: unknown): boolean {
  const checks = own(unwrapRecorded(value), 'checks');
  if (!Array.isArray(checks) || checks.length === 0) return false;
  return checks.every((check) => isObject(check) && own(check, 'id') !== undefined && own(check, 'category') !== undefined);
}

function detect(input: FormatInput): Detection {
  const values = jsonValues(input);
  if (values.length === 1 && (checkResult(values[0]) !== null || isCatalog(values[0]))) return { match: true };
  const reason = 'it is neither a Trusted Advisor check result (result.checkId, result.flaggedResources) nor the check catalog';
  return { match: false, reason };
}

function parse(input: FormatInput): Iterable<RecordOutcome> {
  const value = jsonValues(input)[0];
  const result = checkResult(value);
  if (result === null) {
    const detail = 'it is the Trusted Advisor check catalog, not results; export describe-trusted-advisor-check-result for each check';
    return [notFindings(detail)];
  }
  const checkId = str(own(result, 'checkId')) ?? '';
  const checkedAt = recordedTimestamp(own(result, 'timestamp'));
  const resources = arr(own(result, 'flaggedResources'));
  return eachRecord(resources, (resource, index) => parseResource(resource, index, checkId, checkedAt));
}

function parseResource(resource: unknown, index: number, checkId: string, checkedAt: string | null): RecordOutcome {
  if (!isObject(resource)) return reject(index, 'wrong_type', 'the flagged resource is not a JSON object');
  const advisorId = str(own(resource, 'resourceId'));
  if (advisorId === null) return reject(index, 'missing_field', 'the flagged resource has no id', 'resourceId');
  const state = str(own(resource, 'status')) ?? '';
  const mapped = lookup(RESULT_BY_STATUS, state.toLowerCase());

  const values = arr(own(resource, 'metadata')).map((item) => str(item) ?? '');
  const awsId = values.find((item) => AWS_ID.test(item)) ?? null;

  return accept(
    index,
    makeFinding({
      id: `trusted-advisor:${checkId}:${advisorId}`,
      title: awsId ? `Trusted Advisor check ${checkId}: ${awsId}` : `Trusted Advisor check ${checkId}`,
      description: describeResource(state, values),
      status: own(resource, 'isSuppressed') === true ? 'suppressed' : mapped?.status ?? 'unknown',
      severity: mapped?.severity ?? 'informational',
      kind: 'configuration',
      checkId,
      resourceId: awsId ?? advisorId,
      region: str(own(resource, 'region')),
      sourceTool: 'Trusted Advisor',
      lastUpdated: checkedAt,
      hints: { productName: 'Trusted Advisor', ruleKey: checkId },
      raw: rawText(resource),
    }),
  );
}

function describeResource(state: string, values: string[]): string {
  const lines = [`Trusted Advisor status: ${state || 'not given'}.`];
  const nonEmptyValues = values.filter((item) => item !== '');
  if (nonEmptyValues.length > 0) lines.push(`Values: ${nonEmptyValues.join(' | ')}`);
  return lines.join('\n');
}

export const trustedAdvisorFormat: FormatModule = {
  id: 'trusted-advisor',
  title: 'AWS Trusted Advisor check result',
  versions: 'describe-trusted-advisor-check-result output (one check per file)',
  ignores: 'resourcesSummary, categorySpecificSummary; the check catalog file holds no results',
  fileNameHint: /trusted-?advisor/i,
  detect,
  parse,
};
