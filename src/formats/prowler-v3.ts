/**
 * Prowler 3.x native JSON (`prowler -M json`): an array of check results.
 *
 * Source: github.com/prowler-cloud/prowler, 3.x (`prowler/lib/outputs/models.py`, `Check_Output_JSON`),
 * and the DefectDojo test files written by Prowler 3.x. Keys read: `FindingUniqueId`, `Provider`, `CheckID`,
 * `CheckTitle`, `CheckType`, `ServiceName`, `Status`, `StatusExtended`, `Severity`, `ResourceType`,
 * `ResourceId`, `ResourceArn`, `ResourceTags` (`Tags` in early 3.x), `Region`, `AccountId`,
 * `AssessmentStartTime`, `Risk`, `RelatedUrl`, `Remediation.Recommendation`, `Compliance`, `Categories`, and
 * `Muted` when present. Azure and GCP results name the account `Subscription` or `ProjectId` and the
 * region `Location`.
 * Status: PASS passed, FAIL open, INFO and MANUAL unknown, WARNING suppressed (Prowler 3.x marks allowlisted
 * results WARNING). The JSON Lines form of the same objects is read too.
 * Ignored on purpose: `Remediation.Code` snippets, `DependsOn`, `RelatedTo`, `Notes`, `OrganizationsInfo`,
 * `Profile`. Prowler's OCSF and ASFF outputs are read by their own modules.
 */
import type { Severity, Status } from '../model/vocabulary';
import { at, isObject, own, rawText, safeUrl, str, strings, tagsOf, timestamp } from './fields';
import { lookup, severityWord, ownTable } from './lookup';
import { nonEmpty } from './parse-helpers';
import { accept, eachRecord, makeFinding, reject } from './record';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';
import { jsonValues, recordsOf, sampleObjects } from './wrappers';

/** Keys of one Prowler 3.x check result, as Prowler writes them. */
type ProwlerV3Key =
  | 'FindingUniqueId'
  | 'Provider'
  | 'CheckID'
  | 'CheckTitle'
  | 'CheckType'
  | 'ServiceName'
  | 'Status'
  | 'StatusExtended'
  | 'Severity'
  | 'ResourceType'
  | 'ResourceId'
  | 'ResourceArn'
  | 'ResourceTags'
  | 'Tags'
  | 'Region'
  | 'Location'
  | 'AccountId'
  | 'Subscription'
  | 'ProjectId'
  | 'AssessmentStartTime'
  | 'Risk'
  | 'RelatedUrl'
  | 'Compliance'
  | 'Categories'
  | 'Muted';

const STATUS_BY_RESULT: Record<string, Status> = ownTable({
  pass: 'passed',
  fail: 'open',
  info: 'unknown',
  manual: 'unknown',
  warning: 'suppressed',
});

/** Compliance key whose values name FSBP controls (`EC2.8`). Older releases wrote service names there. */
const FSBP_KEY = 'AWS-Foundational-Security-Best-Practices';
const CONTROL_ID = /^[A-Za-z0-9]+\.\d+$/;

function field(record: unknown, key: ProwlerV3Key): unknown {
  return own(record, key);
}

function isCheckResult(record: Record<string, unknown>): boolean {
  const required: ProwlerV3Key[] = ['CheckID', 'ServiceName', 'Status', 'Provider'];
  return required.every((key) => field(record, key) !== undefined) && own(record, 'finding_info') === undefined;
}

function detect(input: FormatInput): Detection {
  const sample = sampleObjects(jsonValues(input), (value) => [value]);
  if (sample.length === 0) return { match: false, reason: 'it holds no JSON objects' };
  if (sample.some(isCheckResult)) return { match: true };
  return { match: false, reason: 'no object has the Prowler 3.x keys CheckID, ServiceName, Status and Provider' };
}

function parse(input: FormatInput): Iterable<RecordOutcome> {
  return eachRecord(recordsOf(jsonValues(input), (value) => [value]), parseRecord);
}

function parseRecord(record: unknown, index: number): RecordOutcome {
  if (!isObject(record)) return reject(index, 'wrong_type', 'the record is not a JSON object');
  const text = (key: ProwlerV3Key) => str(field(record, key));

  const checkId = text('CheckID');
  if (checkId === null) return reject(index, 'missing_field', 'the check id is empty', 'CheckID');
  const result = text('Status');
  if (result === null) return reject(index, 'missing_field', 'the status is empty', 'Status');
  const resultStatus = lookup(STATUS_BY_RESULT, result.toLowerCase());
  if (resultStatus === undefined) {
    return reject(index, 'invalid_record', `status "${result}" is not PASS, FAIL, INFO, MANUAL or WARNING`, 'Status');
  }
  const severity = readSeverity(text('Severity'));
  if (severity === null) {
    return reject(index, 'invalid_record', `severity "${text('Severity')}" is not a severity word`, 'Severity');
  }

  const provider = (text('Provider') ?? 'aws').toLowerCase();
  const service = text('ServiceName');
  const resourceId = text('ResourceArn') ?? text('ResourceId');
  const account = text('AccountId') ?? text('Subscription') ?? text('ProjectId');
  const region = text('Region') ?? text('Location');
  const resourceType = text('ResourceType');
  const compliance = field(record, 'Compliance');

  return accept(
    index,
    makeFinding({
      id: text('FindingUniqueId') ?? `prowler-${provider}-${checkId}-${account ?? ''}-${region ?? ''}-${resourceId ?? ''}`,
      title: text('CheckTitle') ?? checkId,
      description: [text('StatusExtended'), text('Risk')].filter(Boolean).join('\n\n'),
      status: field(record, 'Muted') === true ? 'suppressed' : resultStatus,
      severity,
      kind: 'configuration',
      controlId: fsbpControl(compliance),
      checkId,
      resourceType,
      resourceId,
      accountId: account,
      region,
      sourceTool: 'Prowler',
      remediation: str(at(record, 'Remediation.Recommendation.Text')),
      remediationUrl: safeUrl(at(record, 'Remediation.Recommendation.Url')) ?? safeUrl(text('RelatedUrl')),
      firstSeen: timestamp(text('AssessmentStartTime')),
      lastUpdated: timestamp(text('AssessmentStartTime')),
      tags: tagsOf(field(record, 'ResourceTags') ?? field(record, 'Tags')),
      standards: isObject(compliance) ? Object.keys(compliance) : [],
      hints: {
        serviceName: serviceNameOf(provider, service),
        categories: nonEmpty(strings(field(record, 'Categories'))),
        types: nonEmpty(strings(field(record, 'CheckType'))),
        resourceTypes: resourceType ? [resourceType] : undefined,
        resourceIds: resourceId ? [resourceId] : undefined,
      },
      raw: rawText(record),
    }),
  );
}

/** Reads a severity word. Prowler 3.x writes one for every check, so a result without one gets medium. */
function readSeverity(word: string | null): Severity | null {
  if (word === null) return 'medium';
  return severityWord(word);
}

/**
 * Non-AWS results (Azure, GCP, Kubernetes) keep their provider in front of the service key, so that no AWS
 * service matches.
 */
function serviceNameOf(provider: string, service: string | null): string | undefined {
  if (service === null) return undefined;
  if (provider === 'aws') return service;
  return `${provider}:${service}`;
}

/** Returns the FSBP control id of a result when its compliance map names one rather than a service (`cloudtrail`). */
function fsbpControl(compliance: unknown): string | null {
  return strings(own(compliance, FSBP_KEY)).find((value) => CONTROL_ID.test(value)) ?? null;
}

export const prowlerV3Format: FormatModule = {
  id: 'prowler-v3',
  title: 'Prowler 3.x results (native JSON)',
  versions: 'Prowler 3.x `-M json` (array of check results; JSON Lines of the same objects)',
  ignores: 'Remediation code snippets, DependsOn, RelatedTo, Notes, OrganizationsInfo, Profile',
  fileNameHint: /^prowler-output-.*\.json$/i,
  detect,
  parse,
};
