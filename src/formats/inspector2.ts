/**
 * Amazon Inspector (v2) findings in their native shape (not ASFF).
 *
 * Source: `aws inspector2 list-findings` output as in cloud-custodian's and DefectDojo's test data. Shapes
 * read: the list-findings page `{"findings": [...]}` (also inside a cloud-custodian placebo recording, with
 * placebo datetimes), a bare array, JSON Lines, and EventBridge events (`source: aws.inspector2`) whose
 * `detail` is the finding.
 * Types: PACKAGE_VULNERABILITY and CODE_VULNERABILITY are vulnerabilities, NETWORK_REACHABILITY is a
 * configuration finding. Status: ACTIVE open, CLOSED resolved, SUPPRESSED suppressed.
 * The first resource is the finding's resource; all of them go to `hints.resourceTypes`/`resourceIds`.
 * An empty page `{"findings": []}` is claimed here and yields no records: the other list-findings APIs that
 * write the same key (IAM Access Analyzer) lose nothing by it. `{}` is left to the empty-document handling.
 * Ignored on purpose: CVSS vectors and scores, EPSS, exploitability, fix availability, network paths and
 * code snippets; they stay in the raw record.
 */
import type { FindingKind } from '../model/finding';
import type { Severity, Status } from '../model/vocabulary';
import { arnAccount, arnRegion, arr, at, isObject, own, rawText, safeUrl, str, strings, tagsOf, type JsonObject } from './fields';
import { lookup, severityWord, ownTable } from './lookup';
import { severityFromCvss } from './normalise';
import { nonEmpty } from './parse-helpers';
import { accept, eachRecord, makeFinding, reject } from './record';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';
import { eventDetail, jsonValues, recordedTimestamp, recordsOf, sampleObjects, unwrapRecorded } from './wrappers';

const EVENT_SOURCE = 'aws.inspector2';

const KIND_BY_TYPE: Record<string, FindingKind> = {
  PACKAGE_VULNERABILITY: 'vulnerability',
  CODE_VULNERABILITY: 'vulnerability',
  NETWORK_REACHABILITY: 'configuration',
};

const STATUS_BY_STATE: Record<string, Status> = ownTable({
  ACTIVE: 'open',
  CLOSED: 'resolved',
  SUPPRESSED: 'suppressed',
});

/** Recommendation text Inspector writes when it has none. */
const NO_RECOMMENDATION = 'None Provided';

/** Instance tags that EKS puts on its worker nodes. */
const EKS_NODE_TAGS = ['eks:cluster-name', 'aws:eks:cluster-name'];

/** Records of one top-level value: a list-findings page, an event, or a finding itself. */
function expand(value: unknown): unknown[] {
  const findings = own(unwrapRecorded(value), 'findings');
  if (Array.isArray(findings)) return findings;
  return [eventDetail(value, EVENT_SOURCE) ?? value];
}

function isFinding(record: JsonObject): boolean {
  const arn = str(own(record, 'findingArn')) ?? '';
  if (/^arn:[^:]+:inspector2:/.test(arn)) return true;
  const type = str(own(record, 'type'));
  const knownType = lookup(KIND_BY_TYPE, type) !== undefined;
  return knownType && own(record, 'awsAccountId') !== undefined && Array.isArray(own(record, 'resources'));
}

/** Returns true for an empty page `{"findings": []}`, alone or with pagination and response metadata keys. */
function isEmptyPage(value: unknown): boolean {
  const page = unwrapRecorded(value);
  if (!isObject(page)) return false;
  const findings = own(page, 'findings');
  const otherKeys = Object.keys(page).filter((key) => !['findings', 'nextToken', 'ResponseMetadata'].includes(key));
  return Array.isArray(findings) && findings.length === 0 && otherKeys.length === 0;
}

function detect(input: FormatInput): Detection {
  const values = jsonValues(input);
  if (values.length === 0) return { match: false, reason: 'it is not JSON' };
  if (values.length === 1 && isEmptyPage(values[0])) return { match: true };
  if (sampleObjects(values, expand).some(isFinding)) return { match: true };
  return { match: false, reason: 'no Inspector finding (an inspector2 findingArn, or type, awsAccountId and resources)' };
}

function parse(input: FormatInput): Iterable<RecordOutcome> {
  return eachRecord(recordsOf(jsonValues(input), expand), parseRecord);
}

function parseRecord(record: unknown, index: number): RecordOutcome {
  if (!isObject(record)) return reject(index, 'wrong_type', 'the finding is not a JSON object');
  const id = str(own(record, 'findingArn'));
  if (id === null) return reject(index, 'missing_field', 'the finding has no ARN', 'findingArn');
  const state = str(own(record, 'status'));
  if (state === null) return reject(index, 'missing_field', 'the finding has no status', 'status');
  const status = lookup(STATUS_BY_STATE, state.toUpperCase());
  if (status === undefined) {
    return reject(index, 'invalid_record', `status "${state}" is not ACTIVE, CLOSED or SUPPRESSED`, 'status');
  }
  const severity = readSeverity(record);
  if (severity === null) return reject(index, 'invalid_record', 'the finding has no readable severity or score', 'severity');

  const type = str(own(record, 'type'));
  const packages = arr(at(record, 'packageVulnerabilityDetails.vulnerablePackages'));
  const resources = arr(own(record, 'resources'));
  const resource = resources[0];
  const resourceTags = tagsOf(own(resource, 'tags'));
  const vulnerabilityId = str(at(record, 'packageVulnerabilityDetails.vulnerabilityId'));
  // Both spellings are read: none of the sample files has a recommendation URL that shows which one is written.
  const recommendationUrl = at(record, 'remediation.recommendation.Url') ?? at(record, 'remediation.recommendation.url');

  return accept(
    index,
    makeFinding({
      id,
      title: str(own(record, 'title')) ?? vulnerabilityId ?? id,
      description: str(own(record, 'description')),
      status,
      severity,
      kind: lookup(KIND_BY_TYPE, type) ?? 'vulnerability',
      checkId: vulnerabilityId ?? str(at(record, 'codeVulnerabilityDetails.ruleId')),
      resourceType: str(own(resource, 'type')),
      resourceId: str(own(resource, 'id')),
      accountId: str(own(record, 'awsAccountId')) ?? arnAccount(id),
      region: str(own(resource, 'region')) ?? arnRegion(id),
      sourceTool: 'Inspector',
      remediation: remediationOf(record, packages),
      remediationUrl: safeUrl(recommendationUrl) ?? safeUrl(at(record, 'packageVulnerabilityDetails.sourceUrl')),
      firstSeen: recordedTimestamp(own(record, 'firstObservedAt')),
      lastUpdated: recordedTimestamp(own(record, 'updatedAt') ?? own(record, 'lastObservedAt')),
      tags: resourceTags,
      cves: cvesOf(vulnerabilityId, at(record, 'packageVulnerabilityDetails.relatedVulnerabilities')),
      hints: {
        productName: 'Inspector',
        inspectorType: type ?? undefined,
        packageManagers: nonEmpty(strings(packages.map((item) => own(item, 'packageManager')))),
        cwes: nonEmpty(cwesOf(record)),
        resourceTypes: nonEmpty(strings(resources.map((item) => own(item, 'type')))),
        resourceIds: nonEmpty(strings(resources.map((item) => own(item, 'id')))),
        lambdaPackageType: str(at(resource, 'details.awsLambdaFunction.packageType')) ?? undefined,
        lambdaRuntime: str(at(resource, 'details.awsLambdaFunction.runtime')) ?? undefined,
        eksNode: EKS_NODE_TAGS.some((tag) => tag in resourceTags) || undefined,
      },
      raw: rawText(record),
    }),
  );
}

/** Reads the severity word, else the Inspector score as a CVSS score. UNTRIAGED reads as informational. */
function readSeverity(record: JsonObject): Severity | null {
  const word = severityWord(own(record, 'severity'));
  if (word !== null) return word;
  const score = own(record, 'inspectorScore');
  return typeof score === 'number' && Number.isFinite(score) ? severityFromCvss(score) : null;
}

/** Joins the recommendation text and the per-package upgrade commands, without Inspector's "None Provided". */
function remediationOf(record: JsonObject, packages: unknown[]): string | null {
  const parts: string[] = [];
  const recommendation = str(at(record, 'remediation.recommendation.text'));
  if (recommendation !== null && recommendation !== NO_RECOMMENDATION) parts.push(recommendation);
  for (const command of strings(packages.map((item) => own(item, 'remediation')))) {
    if (!parts.includes(command)) parts.push(command);
  }
  return parts.length > 0 ? parts.join('\n') : null;
}

function cvesOf(vulnerabilityId: string | null, related: unknown): string[] {
  return strings([vulnerabilityId, ...arr(related)]).filter((id) => /^CVE-\d{4}-\d+$/i.test(id));
}

function cwesOf(record: JsonObject): string[] {
  return strings([
    ...arr(own(record, 'cwes')),
    ...arr(at(record, 'codeVulnerabilityDetails.cwes')),
    ...arr(at(record, 'packageVulnerabilityDetails.cwes')),
  ]);
}

export const inspector2Format: FormatModule = {
  id: 'inspector2',
  title: 'Amazon Inspector findings (native JSON)',
  versions: 'Inspector2 list-findings output, arrays, JSON Lines and EventBridge events',
  ignores: 'CVSS vectors and scores, EPSS, exploit and fix availability, network paths, code snippets',
  fileNameHint: /inspector2?/i,
  detect,
  parse,
};
