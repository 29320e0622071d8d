/**
 * Amazon Inspector Classic findings (`aws inspector describe-findings`).
 *
 * Source: `describe-findings` output as in the AWS CLI documentation example (finding schema version 1).
 * Shape read: `{"failedItems": {}, "findings": [...]}` (also inside a cloud-custodian placebo recording, or
 * a bare array of findings) with `arn`, `id`, `title`, `description`, `recommendation`, `severity`,
 * `numericSeverity`, `assetType`, `assetAttributes`, `serviceAttributes`, `attributes`, and epoch-seconds
 * `createdAt`/`updatedAt`.
 * A `list-findings` file (`{"findingArns": [...]}`) contains ARNs only, so it yields one `not_findings` outcome.
 * Inspector Classic findings have no status: every finding is open. A finding with a CVE id (its `id` or a
 * `CVE_ID` attribute) is a vulnerability, any other a configuration finding.
 * Ignored on purpose: `confidence`, `indicatorOfCompromise`, `userAttributes`, network interface details.
 */
import type { Severity } from '../model/vocabulary';
import { arnAccount, arnRegion, arr, isObject, own, rawText, str, strings, tagsOf, type JsonObject } from './fields';
import { severityWord } from './lookup';
import { accept, eachRecord, makeFinding, reject } from './record';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';
import { jsonValues, notFindings, recordedTimestamp, recordsOf, sampleObjects, unwrapRecorded } from './wrappers';

const CVE_ID = /^CVE-\d{4}-\d+$/i;

/** Records of one top-level value: a describe-findings page or a finding itself. */
function expand(value: unknown): unknown[] {
  const findings = own(unwrapRecorded(value), 'findings');
  return Array.isArray(findings) ? findings : [value];
}

function isFinding(record: JsonObject): boolean {
  const arn = str(own(record, 'arn')) ?? '';
  if (/^arn:[^:]+:inspector:/.test(arn)) return true;
  return own(record, 'assetType') !== undefined && isObject(own(record, 'serviceAttributes'));
}

/** Returns true for a describe-findings page: `findings` next to `failedItems`, which only this API writes. */
function isPage(value: unknown): boolean {
  const page = unwrapRecorded(value);
  return Array.isArray(own(page, 'findings')) && isObject(own(page, 'failedItems'));
}

function isArnList(value: unknown): boolean {
  const arns = own(unwrapRecorded(value), 'findingArns');
  return Array.isArray(arns) && arns.every((arn) => typeof arn === 'string');
}

function detect(input: FormatInput): Detection {
  const values = jsonValues(input);
  if (values.length === 0) return { match: false, reason: 'it is not JSON' };
  if (values.length === 1 && (isPage(values[0]) || isArnList(values[0]))) return { match: true };
  if (sampleObjects(values, expand).some(isFinding)) return { match: true };
  return { match: false, reason: 'no Inspector Classic finding (an inspector finding ARN, or assetType and serviceAttributes)' };
}

function parse(input: FormatInput): Iterable<RecordOutcome> {
  const values = jsonValues(input);
  if (values.length === 1 && isArnList(values[0])) {
    const detail = 'it is an Inspector Classic list-findings result with finding ARNs only; export `aws inspector describe-findings` for them';
    return [notFindings(detail)];
  }
  return eachRecord(recordsOf(values, expand), parseRecord);
}

function parseRecord(record: unknown, index: number): RecordOutcome {
  if (!isObject(record)) return reject(index, 'wrong_type', 'the finding is not a JSON object');
  const arn = str(own(record, 'arn'));
  if (arn === null) return reject(index, 'missing_field', 'the finding has no ARN', 'arn');

  const ruleId = str(own(record, 'id'));
  const cves = strings([ruleId, ...attributeValues(record, 'CVE_ID')]).filter((id) => CVE_ID.test(id));
  const asset = own(record, 'assetAttributes');

  return accept(
    index,
    makeFinding({
      id: arn,
      title: str(own(record, 'title')) ?? ruleId ?? arn,
      description: str(own(record, 'description')),
      status: 'open',
      severity: readSeverity(record),
      kind: cves.length > 0 ? 'vulnerability' : 'configuration',
      checkId: ruleId,
      resourceType: str(own(record, 'assetType')),
      resourceId: str(own(asset, 'agentId')) ?? str(own(asset, 'hostname')),
      accountId: arnAccount(arn),
      region: arnRegion(arn),
      sourceTool: 'Inspector',
      remediation: str(own(record, 'recommendation')),
      firstSeen: recordedTimestamp(own(record, 'createdAt')),
      lastUpdated: recordedTimestamp(own(record, 'updatedAt')),
      tags: tagsOf(own(asset, 'tags')),
      cves,
      hints: { productName: 'Inspector' },
      raw: rawText(record),
    }),
  );
}

/**
 * Severity words High, Medium, Low, Informational. `Undefined` falls back to `numericSeverity` (0-10), read
 * in the CVSS bands without critical, which Inspector Classic does not have.
 */
function readSeverity(record: JsonObject): Severity {
  const word = severityWord(own(record, 'severity'));
  if (word !== null) return word;
  const score = own(record, 'numericSeverity');
  if (typeof score !== 'number' || !Number.isFinite(score)) return 'informational';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'informational';
}

function attributeValues(record: JsonObject, key: string): unknown[] {
  return arr(own(record, 'attributes'))
    .filter((attribute) => own(attribute, 'key') === key)
    .map((attribute) => own(attribute, 'value'));
}

export const inspectorClassicFormat: FormatModule = {
  id: 'inspector-classic',
  title: 'Amazon Inspector Classic findings',
  versions: 'describe-findings output (finding schema version 1)',
  ignores: 'confidence, indicatorOfCompromise, userAttributes, network interface details; list-findings ARN files',
  fileNameHint: /inspector/i,
  detect,
  parse,
};
