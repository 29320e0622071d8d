/**
 * OCSF findings (Open Cybersecurity Schema Framework, schema.ocsf.io) other than Prowler's own output.
 *
 * Read: the new AWS Security Hub's findings (OCSF 1.1-1.6: Compliance Finding 2003 with
 * `compliance.control`, Detection Finding 2004 from GuardDuty and exposure findings, Vulnerability
 * Finding 2002 from Inspector with `vulnerabilities[].affected_packages[].package_manager`, Data
 * Security Finding 2006 from Macie; `resources[].type` in CloudFormation names such as `AWS::S3::Bucket`,
 * `resources[].uid` possibly a bare id with the ARN in `uid_alt`); Amazon Security Lake's conversion of
 * Security Hub ASFF findings (OCSF 1.0 release candidates to 1.1, class 2001 Security Finding,
 * `resources[].type` in ASFF names, unmapped ASFF fields flattened into `unmapped`), as JSON or decoded
 * from Parquet; and Detection and Incident findings (2004, 2005) of any other product.
 * Shapes: a JSON array, JSON Lines, one object, Parquet rows, the `GetFindingsV2` response
 * (`{"Findings": [...]}`) and the EventBridge event `Findings Imported V2` (`detail.findings`).
 *
 * Prowler writes class 2004 with `metadata.product.name` "Prowler"; the prowler-ocsf format reads those,
 * so they do not match here.
 *
 * Ignored on purpose (kept in the raw record): evidences, observables, process, malware, attacks,
 * related events, enrichments, `resources[].data`.
 */
import type { ClassificationHints, ParsedFinding } from '../model/finding';
import { arnAccount, arnRegion, arr, at, isObject, own, rawText, safeUrl, str, strings, timestamp } from './fields';
import {
  findingInfo,
  guardDutyType,
  inspectorTypeOf,
  OCSF_FINDING_CLASSES,
  ocsfControlId,
  ocsfKind,
  ocsfResources,
  ocsfSeverity,
  ocsfStatus,
  vulnerabilityFacts,
  type OcsfResource,
} from './ocsf-fields';
import { accept, eachRecord, makeFinding, reject } from './record';
import { fingerprint } from './secret-finding';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';

const PROWLER_CLASS = 2004;

/** Returns the finding records of the document, unwrapped from the API response or event when needed. */
function recordsOf(doc: FormatInput['doc']): unknown[] | null {
  switch (doc.kind) {
    case 'rows':
      return doc.rows;
    case 'jsonl':
      return doc.values;
    case 'json': {
      const value = doc.value;
      if (Array.isArray(value)) return value;
      if (!isObject(value)) return null;
      if ('class_uid' in value) return [value];
      const wrapped = own(value, 'Findings') ?? own(value, 'findings') ?? at(value, 'detail.findings');
      return Array.isArray(wrapped) ? wrapped : null;
    }
    case 'csv':
    case 'js':
    case 'empty':
      return null;
  }
}

function detect({ doc }: FormatInput): Detection {
  const records = recordsOf(doc);
  if (records === null) return { match: false, reason: `the input is ${doc.kind}, not OCSF JSON, JSON Lines or Parquet rows` };
  const first = records.find((record) => isObject(record));
  if (first === undefined) return { match: false, reason: 'no record is an object' };
  const classUid = Number(own(first, 'class_uid'));
  if (!(classUid in OCSF_FINDING_CLASSES)) {
    return { match: false, reason: `the first record has class_uid ${String(own(first, 'class_uid') ?? 'missing')}, not an OCSF finding class (2001-2006)` };
  }
  if (!isObject(own(first, 'metadata'))) return { match: false, reason: 'the first record has no metadata object' };
  const product = str(at(first, 'metadata.product.name'));
  if (classUid === PROWLER_CLASS && product?.toLowerCase() === 'prowler') {
    return { match: false, reason: 'it is Prowler OCSF, which the prowler-ocsf format reads' };
  }
  return { match: true };
}

function* parse({ doc }: FormatInput): Iterable<RecordOutcome> {
  yield* eachRecord(recordsOf(doc) ?? [], (record, index) => {
    if (!isObject(record)) return reject(index, 'wrong_type', 'the record is not an object');
    const classUid = Number(own(record, 'class_uid'));
    if (!(classUid in OCSF_FINDING_CLASSES)) {
      return reject(index, 'invalid_record', `class_uid ${String(own(record, 'class_uid') ?? 'missing')} is not an OCSF finding class`, 'class_uid');
    }
    return accept(index, fromRecord(record, classUid));
  });
}

function fromRecord(record: Record<string, unknown>, classUid: number): ParsedFinding {
  const info = findingInfo(record);
  const product = str(at(record, 'metadata.product.name'));
  const types = strings(own(info, 'types'));
  const vulnerabilities = vulnerabilityFacts(record);
  const resources = ocsfResources(record);
  const primary: OcsfResource | undefined = resources[0];
  const controlId = ocsfControlId(record);
  const title = str(own(info, 'title')) ?? controlId ?? OCSF_FINDING_CLASSES[classUid];
  const accountId =
    str(at(record, 'cloud.account.uid')) ?? str(at(record, 'cloud.account_uid')) ?? primary?.account ?? arnAccount(primary?.id ?? null);
  const remediation = own(record, 'remediation') ?? own(info, 'remediation');

  return makeFinding({
    id: str(own(info, 'uid')) ?? str(at(record, 'metadata.uid')) ?? `ocsf:${fingerprint([String(classUid), title, primary?.id ?? ''])}`,
    title,
    description: str(own(info, 'desc')) ?? str(own(record, 'message')) ?? '',
    status: ocsfStatus(record),
    severity: ocsfSeverity(record),
    kind: ocsfKind(classUid, types, vulnerabilities.cves),
    controlId,
    checkId: str(at(info, 'analytic.uid')) ?? str(at(record, 'metadata.event_code')),
    resourceType: primary?.type ?? null,
    resourceId: primary?.id ?? null,
    accountId,
    region: str(at(record, 'cloud.region')) ?? primary?.region ?? arnRegion(primary?.id ?? null),
    sourceTool: product ?? str(at(record, 'metadata.product.vendor_name')) ?? 'OCSF',
    remediation: str(own(remediation, 'desc')),
    remediationUrl: remediationUrl(remediation),
    firstSeen: timestamp(own(info, 'first_seen_time_dt') ?? own(info, 'first_seen_time') ?? own(info, 'created_time')),
    lastUpdated: timestamp(own(info, 'modified_time_dt') ?? own(info, 'modified_time') ?? own(record, 'time')),
    tags: primary?.tags ?? {},
    cves: vulnerabilities.cves,
    standards: strings(at(record, 'compliance.standards')).concat(strings(at(record, 'compliance.requirements'))),
    hints: {
      ...hintsOf(product, types, vulnerabilities, resources),
      // The ASFF GeneratorId of converted findings. It serves as the rule key only when there is no control id.
      ...(controlId === null && str(at(record, 'metadata.product.feature.uid')) ? { ruleKey: str(at(record, 'metadata.product.feature.uid')) as string } : {}),
    },
    raw: rawText(record),
  });
}

/** Returns the first http(s) link of `references`, `kb_article_list[].src_url` or 1.0 `kb_articles`. */
function remediationUrl(remediation: unknown): string | null {
  const candidates = [
    ...strings(own(remediation, 'references')),
    ...arr(own(remediation, 'kb_article_list')).map((article) => str(own(article, 'src_url'))),
    ...strings(own(remediation, 'kb_articles')),
  ];
  for (const candidate of candidates) {
    const url = safeUrl(candidate);
    if (url !== null) return url;
  }
  return null;
}

function hintsOf(
  product: string | null,
  types: string[],
  vulnerabilities: ReturnType<typeof vulnerabilityFacts>,
  resources: OcsfResource[],
): ClassificationHints {
  const hints: ClassificationHints = {};
  if (product) hints.productName = product;
  if (types.length > 0) hints.types = types;
  if (vulnerabilities.packageManagers.length > 0) hints.packageManagers = vulnerabilities.packageManagers;
  if (vulnerabilities.cwes.length > 0) hints.cwes = vulnerabilities.cwes;
  const threatType = product?.toLowerCase().includes('guardduty') ? guardDutyType(types) : null;
  if (threatType) hints.threatType = threatType;
  const inspectorType = inspectorTypeOf(types);
  if (inspectorType) hints.inspectorType = inspectorType;
  const resourceTypes = resources.map((resource) => resource.type).filter((type): type is string => type !== null);
  if (resourceTypes.length > 0) hints.resourceTypes = [...new Set(resourceTypes)];
  const resourceIds = resources.flatMap((resource) => resource.ids);
  if (resourceIds.length > 0) hints.resourceIds = [...new Set(resourceIds)];
  return hints;
}

export const ocsfFormat: FormatModule = {
  id: 'ocsf',
  title: 'OCSF findings (Security Hub, Security Lake, other products)',
  versions: 'OCSF 1.0-rc.2 to 1.6 finding classes 2001-2006; JSON, JSON Lines, Parquet',
  ignores: 'evidences, observables, process, malware, attacks, enrichments, resource data',
  fileNameHint: /security[-_]?lake/i,
  detect,
  parse,
};
