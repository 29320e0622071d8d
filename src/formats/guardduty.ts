/**
 * Amazon GuardDuty findings in their native shape (not ASFF).
 *
 * Source: get-findings output and EventBridge events as in the AWS CLI example and public sample events
 * (finding schema version 2.0); resource detail names as the GuardDuty API reference lists them. Shapes read:
 * `aws guardduty get-findings` output `{"Findings": [...]}` (also inside a cloud-custodian placebo
 * recording), a bare array of findings, one finding, JSON Lines, and EventBridge events
 * (`source: aws.guardduty`, `detail-type: GuardDuty Finding`) whose `detail` is the finding, alone or in an
 * array. The API and the CLI write PascalCase keys, EventBridge writes camelCase; both are read.
 * A `list-findings` file (`{"FindingIds": [...]}`) contains ids only, so it yields one `not_findings` outcome.
 * Status: `Service.Archived` true is resolved, else open. Severity is the numeric 0.1-10 score.
 * The finding's own `AccountId` and `Region` win over an event envelope's; in sample events the two differ.
 * Ignored on purpose: `Service.Action` details (IPs, API calls, ports), `Service.Evidence`,
 * `Service.AdditionalInfo`, runtime and malware-scan details; they stay in the raw record.
 */
import type { Severity } from '../model/vocabulary';
import { arnAccount, arnRegion, isObject, own, rawText, str, tagsOf, type JsonObject } from './fields';
import { lookup, severityWord } from './lookup';
import { severityFromGuardDuty } from './normalise';
import { accept, eachRecord, makeFinding, reject } from './record';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';
import { eventDetail, jsonValues, notFindings, recordedTimestamp, recordsOf, sampleObjects, unwrapRecorded } from './wrappers';

const EVENT_SOURCE = 'aws.guardduty';

/** How to read the affected resource of one `Resource.ResourceType` (PascalCase paths). */
interface ResourceReader {
  /** Path of the details object under `Resource`. */
  details: string;
  /** Fields of the details object that hold an ARN, then plain ids, in order of preference. */
  ids: string[];
  tags?: string;
}

const RESOURCE_READERS: Record<string, ResourceReader> = {
  Instance: { details: 'InstanceDetails', ids: ['InstanceId'], tags: 'Tags' },
  AccessKey: { details: 'AccessKeyDetails', ids: ['UserName', 'PrincipalId'] },
  S3Bucket: { details: 'S3BucketDetails.0', ids: ['Arn', 'Name'], tags: 'Tags' },
  S3Object: { details: 'S3BucketDetails.0', ids: ['Arn', 'Name'], tags: 'Tags' },
  EKSCluster: { details: 'EksClusterDetails', ids: ['Arn', 'Name'], tags: 'Tags' },
  ECSCluster: { details: 'EcsClusterDetails', ids: ['Arn', 'Name'], tags: 'Tags' },
  Container: { details: 'ContainerDetails', ids: ['Id', 'Name'] },
  Lambda: { details: 'LambdaDetails', ids: ['FunctionArn', 'FunctionName'], tags: 'Tags' },
  RDSDBInstance: { details: 'RdsDbInstanceDetails', ids: ['DbInstanceArn', 'DbInstanceIdentifier'], tags: 'Tags' },
  RDSLimitlessDB: { details: 'RdsLimitlessDbDetails', ids: ['DbShardGroupArn', 'DbShardGroupIdentifier'], tags: 'Tags' },
};

/** Instance tags that EKS puts on its worker nodes. */
const EKS_NODE_TAGS = ['eks:cluster-name', 'aws:eks:cluster-name'];

/** Reads a PascalCase path (`Resource.ResourceType`) from PascalCase or camelCase data. */
function field(record: unknown, path: string): unknown {
  let current = record;
  for (const segment of path.split('.')) {
    if (Array.isArray(current)) {
      current = current[Number(segment)];
    } else {
      current = own(current, segment) ?? own(current, segment.charAt(0).toLowerCase() + segment.slice(1));
    }
    if (current === undefined || current === null) return undefined;
  }
  return current;
}

function text(record: unknown, path: string): string | null {
  return str(field(record, path));
}

/** Records of one top-level value: a get-findings page, an event, or a finding itself. */
function expand(value: unknown): unknown[] {
  const page = unwrapRecorded(value);
  const findings = field(page, 'Findings');
  if (Array.isArray(findings)) return findings;
  const detail = eventDetail(value, EVENT_SOURCE);
  return [detail ?? value];
}

function isFinding(record: JsonObject): boolean {
  return (
    typeof field(record, 'Type') === 'string' &&
    field(record, 'SchemaVersion') !== undefined &&
    isObject(field(record, 'Service')) &&
    text(record, 'Resource.ResourceType') !== null &&
    // ASFF findings from GuardDuty carry these and belong to the ASFF module.
    own(record, 'ProductArn') === undefined &&
    own(record, 'GeneratorId') === undefined
  );
}

function isIdList(value: unknown): boolean {
  const ids = own(unwrapRecorded(value), 'FindingIds');
  return Array.isArray(ids) && ids.every((id) => typeof id === 'string');
}

function detect(input: FormatInput): Detection {
  const values = jsonValues(input);
  if (values.length === 0) return { match: false, reason: 'it is not JSON' };
  if (values.length === 1 && isIdList(values[0])) return { match: true };
  const sample = sampleObjects(values, expand);
  if (sample.some(isFinding)) return { match: true };
  return { match: false, reason: 'no GuardDuty finding (Type, SchemaVersion, Service, Resource.ResourceType, no ProductArn)' };
}

function parse(input: FormatInput): Iterable<RecordOutcome> {
  const values = jsonValues(input);
  if (values.length === 1 && isIdList(values[0])) {
    const detail = 'it is a GuardDuty list-findings result with finding ids only; export `aws guardduty get-findings` for those ids';
    return [notFindings(detail)];
  }
  return eachRecord(recordsOf(values, expand), parseRecord);
}

function parseRecord(record: unknown, index: number): RecordOutcome {
  if (!isObject(record)) return reject(index, 'wrong_type', 'the finding is not a JSON object');
  const id = text(record, 'Id');
  if (id === null) return reject(index, 'missing_field', 'the finding has no id', 'Id');
  const type = text(record, 'Type');
  if (type === null) return reject(index, 'missing_field', 'the finding has no type', 'Type');
  const severity = readSeverity(field(record, 'Severity'));
  if (severity === null) return reject(index, 'invalid_record', 'the severity is missing or not a number', 'Severity');

  const resourceType = text(record, 'Resource.ResourceType');
  const resource = readResource(record, resourceType);
  const arn = text(record, 'Arn');

  return accept(
    index,
    makeFinding({
      id,
      title: text(record, 'Title') ?? type,
      description: text(record, 'Description'),
      status: field(record, 'Service.Archived') === true ? 'resolved' : 'open',
      severity,
      kind: 'threat',
      checkId: type,
      resourceType,
      resourceId: resource.id,
      accountId: text(record, 'AccountId') ?? arnAccount(arn),
      region: text(record, 'Region') ?? arnRegion(arn),
      sourceTool: 'GuardDuty',
      firstSeen: recordedTimestamp(field(record, 'Service.EventFirstSeen') ?? field(record, 'CreatedAt')),
      lastUpdated: recordedTimestamp(field(record, 'UpdatedAt') ?? field(record, 'Service.EventLastSeen')),
      tags: resource.tags,
      hints: {
        productName: 'GuardDuty',
        threatType: type,
        resourceRole: text(record, 'Service.ResourceRole') ?? undefined,
        resourceTypes: resourceType ? [resourceType] : undefined,
        resourceIds: resource.id ? [resource.id] : undefined,
        launchType: text(record, 'Resource.EcsClusterDetails.TaskDetails.LaunchType') ?? undefined,
        dbEngine:
          text(record, 'Resource.RdsDbInstanceDetails.Engine') ??
          text(record, 'Resource.RdsLimitlessDbDetails.Engine') ??
          undefined,
        eksNode: EKS_NODE_TAGS.some((tag) => tag in resource.tags) || undefined,
      },
      raw: rawText(record),
    }),
  );
}

function readSeverity(value: unknown): Severity | null {
  if (typeof value === 'number' && Number.isFinite(value)) return severityFromGuardDuty(value);
  if (typeof value === 'string') {
    const score = Number(value);
    return value.trim() !== '' && Number.isFinite(score) ? severityFromGuardDuty(score) : severityWord(value);
  }
  return null;
}

function readResource(record: JsonObject, resourceType: string | null): { id: string | null; tags: Record<string, string> } {
  const reader = resourceType ? lookup(RESOURCE_READERS, resourceType) : undefined;
  if (!reader) return { id: null, tags: {} };
  const details = field(record, `Resource.${reader.details}`);
  const id = reader.ids.map((name) => text(details, name)).find((value) => value !== null) ?? null;
  return { id, tags: reader.tags ? tagsOf(field(details, reader.tags)) : {} };
}

export const guardDutyFormat: FormatModule = {
  id: 'guardduty',
  title: 'Amazon GuardDuty findings (native JSON)',
  versions: 'get-findings output, arrays, JSON Lines and EventBridge events; finding schema 2.0',
  ignores: 'Service.Action, Evidence, AdditionalInfo, runtime and malware-scan details; list-findings id files',
  fileNameHint: /guardduty/i,
  detect,
  parse,
};
