/**
 * AWS Security Finding Format (ASFF): the finding shape of AWS Security Hub (CSPM) and of every product
 * that sends findings to it.
 * Source: the ASFF syntax reference and the `AwsSecurityFinding` type of the Security Hub API (2018-10-26).
 * Versions read: SchemaVersion 2018-10-08 findings from Security Hub controls (consolidated and legacy
 * per-standard, CIS 1.2.0 included), GuardDuty, Inspector, Macie, Config and IAM Access Analyzer. Also
 * findings of Prowler 3.x and later (`json-asff`), ElectricEye, Cloud Custodian and custom integrations.
 * asff-shapes.ts lists the container shapes read.
 * Ignored on purpose (kept only in `raw`): Network, Process, Malware, Threats, ThreatIntelIndicators, Action,
 * Note, UserDefinedFields, RelatedFindings, Confidence, Criticality, CVSS and EPSS scores. Of the resources
 * after the first, only types, ids, tags and variant details are read.
 */
import type { ClassificationHints, ParsedFinding } from '../model/finding';
import {
  asffCheckId,
  asffControlId,
  asffKind,
  asffStandards,
  codeCwes,
  guardDutyThreatType,
  inspectorType,
  isSecurityHubProduct,
  packageManagers,
  producingProduct,
  productField,
  variantHints,
  vulnerabilityIds,
} from './asff-hints';
import { findAsffContent, type FindingEntry } from './asff-shapes';
import { asffSeverity, asffStatus } from './asff-status';
import { describeValueType } from './parse-helpers';
import { arnAccount, arnRegion, arr, at, isObject, own, rawText, safeUrl, str, strings, tagsOf, timestamp } from './fields';
import { accept, makeFinding, reject } from './record';
import type { FormatInput, FormatModule, RecordOutcome } from './types';
import { notFindings } from './wrappers';

/** AWS products whose GeneratorId is a rule ARN or a fixed name rather than a rule key worth matching on. */
const AWS_PRODUCTS = new Set(['GuardDuty', 'Inspector', 'Macie']);

const ACCOUNT_RESOURCE_ID = /^AWS::::Account:(\d{12})$/;

/** Tags of all resources; on a clash the earlier resource wins. */
function mergedTags(resources: unknown[]): Record<string, string> {
  // Nearly every finding names one resource, whose tags need no merging.
  if (resources.length === 0) return {};
  if (resources.length === 1) return tagsOf(own(resources[0], 'Tags'));
  const entries = [...resources].reverse().flatMap((resource) => Object.entries(tagsOf(own(resource, 'Tags'))));
  // fromEntries defines own properties, so a `__proto__` tag key stays a tag.
  return Object.fromEntries(entries);
}

function accountOf(record: unknown, resourceId: string | null): string | null {
  const account = str(own(record, 'AwsAccountId')) ?? arnAccount(resourceId);
  if (account !== null || resourceId === null) return account;
  return ACCOUNT_RESOURCE_ID.exec(resourceId)?.[1] ?? null;
}

/** Non-empty strings of both lists, deduplicated in order. */
function bothStrings(first: unknown, second: unknown): string[] {
  const out = strings(first);
  for (const item of arr(second)) {
    const text = str(item);
    if (text !== null && !out.includes(text)) out.push(text);
  }
  return out;
}

/** Non-empty strings of one field of every resource, deduplicated in order. */
function resourceStrings(resources: unknown[], key: 'Type' | 'Id'): string[] {
  const out: string[] = [];
  for (const resource of resources) {
    const text = str(own(resource, key));
    if (text !== null && !out.includes(text)) out.push(text);
  }
  return out;
}

/** Facts of one ASFF record that feed more than one finding field, read once. */
interface RecordFacts {
  product: string | null;
  generatorId: string | null;
  checkId: string | null;
  types: string[];
  resources: unknown[];
  /** Whether the record has a `Vulnerabilities` list, the only source of CVEs, CWEs and package managers. */
  hasVulnerabilities: boolean;
}

/**
 * Builds the hints with only the facts the record has. Keys are added in a fixed order, so equal
 * records give equal hint objects.
 */
function hintsOf(record: unknown, facts: RecordFacts, tags: Record<string, string>): ClassificationHints {
  const { product, generatorId, types, resources } = facts;
  const hints: ClassificationHints = {};
  if (product !== null) hints.productName = product;
  if (types.length > 0) hints.types = types;
  if (facts.hasVulnerabilities) setList(hints, 'packageManagers', packageManagers(record));
  if (product === 'Inspector') setText(hints, 'inspectorType', inspectorType(record, types));
  if (product === 'GuardDuty') setText(hints, 'threatType', guardDutyThreatType(record, types));
  setText(hints, 'resourceRole', productField(record, 'aws/guardduty/service/resourceRole'));
  if (facts.hasVulnerabilities) setList(hints, 'cwes', codeCwes(record));
  setList(hints, 'resourceTypes', resourceStrings(resources, 'Type'));
  setList(hints, 'resourceIds', resourceStrings(resources, 'Id'));
  const ownRuleKey =
    product !== null && !AWS_PRODUCTS.has(product) && !isSecurityHubProduct(product) && facts.checkId === null;
  if (ownRuleKey && generatorId !== null && !generatorId.startsWith('arn:')) hints.ruleKey = generatorId;
  return Object.assign(hints, variantHints(resources, tags));
}

type TextHint = 'inspectorType' | 'threatType' | 'resourceRole';
type ListHint = 'packageManagers' | 'cwes' | 'resourceTypes' | 'resourceIds';

function setText(hints: ClassificationHints, key: TextHint, value: string | null | undefined): void {
  if (value !== null && value !== undefined) hints[key] = value;
}

function setList(hints: ClassificationHints, key: ListHint, values: string[]): void {
  if (values.length > 0) hints[key] = values;
}

/** Builds the finding from a record already known to be an object with an Id. */
function toFinding(record: Record<string, unknown>, id: string): ParsedFinding {
  const product = producingProduct(record);
  const resources = arr(own(record, 'Resources'));
  const facts: RecordFacts = {
    product,
    generatorId: str(own(record, 'GeneratorId')),
    checkId: asffCheckId(record),
    types: bothStrings(own(record, 'Types'), at(record, 'FindingProviderFields.Types')),
    resources,
    hasVulnerabilities: Array.isArray(own(record, 'Vulnerabilities')),
  };
  const first = resources[0];
  const resourceId = str(own(first, 'Id'));
  const tags = mergedTags(resources);

  return makeFinding({
    id,
    title: str(own(record, 'Title')) ?? facts.generatorId ?? id,
    description: str(own(record, 'Description')),
    status: asffStatus(record),
    severity: asffSeverity(record, product === 'GuardDuty'),
    kind: asffKind(record, product, facts.types),
    controlId: asffControlId(record, product),
    checkId: facts.checkId,
    resourceType: str(own(first, 'Type')),
    resourceId,
    accountId: accountOf(record, resourceId),
    region: str(own(first, 'Region')) ?? str(own(record, 'Region')) ?? arnRegion(resourceId) ?? arnRegion(str(own(record, 'ProductArn'))),
    sourceTool: product ?? 'ASFF',
    remediation: str(at(record, 'Remediation.Recommendation.Text')),
    remediationUrl: safeUrl(at(record, 'Remediation.Recommendation.Url')) ?? safeUrl(productField(record, 'RecommendationUrl')),
    firstSeen: timestamp(own(record, 'FirstObservedAt')) ?? timestamp(own(record, 'CreatedAt')),
    lastUpdated: timestamp(own(record, 'UpdatedAt')),
    tags,
    cves: facts.hasVulnerabilities ? vulnerabilityIds(record) : [],
    standards: asffStandards(record),
    hints: hintsOf(record, facts, tags),
    raw: rawText(record),
  });
}

function parseEntry(entry: FindingEntry): RecordOutcome {
  const { record, index, line } = entry;
  const where = line !== null ? `on line ${line}, ` : '';
  if (!isObject(record)) {
    return reject(index, 'wrong_type', `${where}the record is ${describeValueType(record)}, expected an ASFF finding object`);
  }
  const idValue = own(record, 'Id');
  const id = str(idValue);
  if (id === null) {
    if (idValue === undefined || idValue === null || typeof idValue === 'string') {
      return reject(index, 'missing_field', `${where}the finding has no Id, which identifies it`, 'Id');
    }
    return reject(index, 'wrong_type', `${where}Id is ${describeValueType(idValue)}, expected a string`, 'Id');
  }
  return accept(index, toFinding(record, id));
}

function* parseAsff(input: FormatInput): Iterable<RecordOutcome> {
  const content = findAsffContent(input.doc);
  if (!content.ok) return;
  for (const entry of content.entries) {
    if (entry.kind === 'no_findings') {
      yield notFindings(entry.detail);
      continue;
    }
    try {
      yield parseEntry(entry);
    } catch (error) {
      // An unexpected error rejects this record only, so the rest of the file still loads.
      const message = error instanceof Error ? error.message : String(error);
      yield reject(entry.index, 'invalid_record', `it could not be read (${message})`);
    }
  }
}

export const asffFormat: FormatModule = {
  id: 'asff',
  title: 'AWS Security Hub findings (ASFF)',
  versions:
    'ASFF 2018-10-08 from Security Hub controls, GuardDuty, Inspector, Macie, Config, Access Analyzer, Prowler, ElectricEye and custom products; get-findings pages, arrays, single findings, JSON Lines, EventBridge events and recorded API responses',
  ignores:
    'Network, Process, Malware, Threats, Action, Note, UserDefinedFields, RelatedFindings, CVSS and EPSS scores (kept in the raw record); Insight Results events hold no findings',
  fileNameHint: /asff/i,
  detect(input) {
    const content = findAsffContent(input.doc);
    return content.ok ? { match: true } : { match: false, reason: content.reason };
  },
  parse: parseAsff,
};
