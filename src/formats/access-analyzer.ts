/**
 * IAM Access Analyzer findings.
 *
 * Source: IAM Access Analyzer API reference, `FindingSummary` (ListFindings), `FindingSummaryV2`
 * (ListFindingsV2) and `GetFindingV2`. Shapes read: `{"findings": [...]}` pages of `list-findings` and
 * `list-findings-v2` (also inside a cloud-custodian placebo recording, with placebo datetimes), a bare array,
 * JSON Lines, one `get-finding`/`get-finding-v2` result, and EventBridge events
 * (`source: aws.access-analyzer`) whose `detail` is the finding.
 * v1 findings are external access findings (`principal`, `action`, `condition`, `isPublic`); v2 findings
 * name their `findingType`: ExternalAccess, InternalAccess, UnusedIAMRole, UnusedIAMUserAccessKey,
 * UnusedIAMUserPassword, UnusedPermission.
 * Status: ACTIVE open, ARCHIVED suppressed (an archive rule or a user accepted the access), RESOLVED resolved.
 * Access Analyzer has no severity. This module sets one: public access high, other external access medium,
 * internal and unused access low, findings whose analysis failed (`error`) informational.
 * Ignored on purpose: `sources`, `resourceControlPolicyRestriction`, `findingDetails` beyond what the
 * description shows; they stay in the raw record.
 */
import type { Severity, Status } from '../model/vocabulary';
import { arnAccount, arnRegion, arr, isObject, own, rawText, str, strings, type JsonObject } from './fields';
import { lookup, ownTable } from './lookup';
import { accept, eachRecord, makeFinding, reject } from './record';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';
import { eventDetail, jsonValues, recordedTimestamp, recordsOf, sampleObjects, unwrapRecorded } from './wrappers';

const EVENT_SOURCE = 'aws.access-analyzer';

/** v1 `list-findings` findings carry no `findingType`: they are all external access findings. */
const V1_FINDING_TYPE = 'ExternalAccess';

const STATUS_BY_STATE: Record<string, Status> = ownTable({
  ACTIVE: 'open',
  ARCHIVED: 'suppressed',
  RESOLVED: 'resolved',
});

/** Title and severity of each finding type. `name` is the last part of the resource ARN. */
const FINDING_TYPES: Record<string, { title: (name: string, resourceType: string) => string; severity: Severity }> = {
  ExternalAccess: { title: (name, type) => `External access to ${type} ${name}`, severity: 'medium' },
  InternalAccess: { title: (name, type) => `Internal access to ${type} ${name}`, severity: 'low' },
  UnusedIAMRole: { title: (name) => `Unused IAM role ${name}`, severity: 'low' },
  UnusedIAMUserAccessKey: { title: (name) => `Unused access key of IAM user ${name}`, severity: 'low' },
  UnusedIAMUserPassword: { title: (name) => `Unused console password of IAM user ${name}`, severity: 'low' },
  UnusedPermission: { title: (name) => `Unused permissions of ${name}`, severity: 'low' },
};

/** Records of one top-level value: a findings page, a get-finding result, an event, or a finding itself. */
function expand(value: unknown): unknown[] {
  const page = unwrapRecorded(value);
  const findings = own(page, 'findings');
  if (Array.isArray(findings)) return findings;
  const single = own(page, 'finding');
  if (isObject(single)) return [single];
  return [eventDetail(value, EVENT_SOURCE) ?? page];
}

function isFinding(record: JsonObject): boolean {
  const resourceType = str(own(record, 'resourceType')) ?? '';
  const status = str(own(record, 'status'));
  const knownStatus = lookup(STATUS_BY_STATE, status) !== undefined;
  const shaped = own(record, 'id') !== undefined && resourceType.startsWith('AWS::') && knownStatus;
  const external = own(record, 'isPublic') !== undefined || own(record, 'principal') !== undefined;
  return shaped && (external || typeof own(record, 'findingType') === 'string');
}

function detect(input: FormatInput): Detection {
  const values = jsonValues(input);
  if (values.length === 0) return { match: false, reason: 'it is not JSON' };
  if (sampleObjects(values, expand).some(isFinding)) return { match: true };
  const reason = 'no Access Analyzer finding (id, AWS:: resourceType, status, and principal, isPublic or findingType)';
  return { match: false, reason };
}

function parse(input: FormatInput): Iterable<RecordOutcome> {
  return eachRecord(recordsOf(jsonValues(input), expand), parseRecord);
}

function parseRecord(record: unknown, index: number): RecordOutcome {
  if (!isObject(record)) return reject(index, 'wrong_type', 'the finding is not a JSON object');
  const id = str(own(record, 'id'));
  if (id === null) return reject(index, 'missing_field', 'the finding has no id', 'id');
  const state = str(own(record, 'status'));
  if (state === null) return reject(index, 'missing_field', 'the finding has no status', 'status');
  const status = lookup(STATUS_BY_STATE, state.toUpperCase());
  if (status === undefined) {
    return reject(index, 'invalid_record', `status "${state}" is not ACTIVE, ARCHIVED or RESOLVED`, 'status');
  }

  const findingType = str(own(record, 'findingType')) ?? V1_FINDING_TYPE;
  const resource = str(own(record, 'resource'));
  const resourceType = str(own(record, 'resourceType'));
  const isPublic = own(record, 'isPublic') === true;
  const error = str(own(record, 'error'));

  return accept(
    index,
    makeFinding({
      id,
      title: titleOf(findingType, resource, resourceType, isPublic),
      description: describeAccess(record, error),
      status,
      severity: severityOf(findingType, isPublic, error),
      kind: 'configuration',
      checkId: findingType,
      resourceType,
      resourceId: resource,
      accountId: str(own(record, 'resourceOwnerAccount')) ?? arnAccount(resource),
      region: arnRegion(resource),
      sourceTool: 'IAM Access Analyzer',
      firstSeen: recordedTimestamp(own(record, 'createdAt')),
      lastUpdated: recordedTimestamp(own(record, 'updatedAt') ?? own(record, 'analyzedAt')),
      hints: {
        productName: 'IAM Access Analyzer',
        types: [findingType],
        resourceTypes: resourceType ? [resourceType] : undefined,
        resourceIds: resource ? [resource] : undefined,
      },
      raw: rawText(record),
    }),
  );
}

function titleOf(findingType: string, resource: string | null, resourceType: string | null, isPublic: boolean): string {
  const name = resource?.split(/[:/]/).pop() || resource || 'unknown resource';
  const type = resourceType ?? 'resource';
  if (findingType === V1_FINDING_TYPE && isPublic) return `Public access to ${type} ${name}`;
  const entry = lookup(FINDING_TYPES, findingType);
  return entry ? entry.title(name, type) : `${findingType} finding for ${type} ${name}`;
}

function severityOf(findingType: string, isPublic: boolean, error: string | null): Severity {
  if (error !== null) return 'informational';
  if (isPublic) return 'high';
  return lookup(FINDING_TYPES, findingType)?.severity ?? 'medium';
}

/** Describes who may do what under which condition, from the v1 fields or the v2 external access details. */
function describeAccess(record: JsonObject, error: string | null): string {
  const details = arr(own(record, 'findingDetails')).map((item) => own(item, 'externalAccessDetails')).find(isObject);
  const source = details ?? record;
  const lines: string[] = [];
  if (error !== null) lines.push(`The analysis failed: ${error}.`);
  const principal = own(source, 'principal');
  if (isObject(principal)) lines.push(`Principal: ${compactJson(principal)}`);
  const actions = strings(own(source, 'action'));
  if (actions.length > 0) lines.push(`Actions: ${actions.join(', ')}`);
  const condition = own(source, 'condition');
  if (isObject(condition) && Object.keys(condition).length > 0) lines.push(`Condition: ${compactJson(condition)}`);
  if (own(source, 'isPublic') === true) lines.push('The resource is public.');
  return lines.join('\n');
}

export const accessAnalyzerFormat: FormatModule = {
  id: 'access-analyzer',
  title: 'IAM Access Analyzer findings',
  versions: 'list-findings (v1), list-findings-v2 and get-finding(-v2) output, arrays, JSON Lines, EventBridge events',
  ignores: 'sources, resourceControlPolicyRestriction, findingDetails beyond principal, action and condition',
  fileNameHint: /access-?analyzer/i,
  detect,
  parse,
};

/** JSON text of a policy fragment; a value nested too deep for JSON.stringify is described instead. */
function compactJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return '(too deeply nested to show)';
  }
}
