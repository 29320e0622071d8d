/**
 * Facts the classifier needs from an ASFF finding: the producing product, control and check ids, the
 * GuardDuty and Inspector finding types, deployment variants from resource details, and the finding kind.
 * Sources: the ASFF field reference (AwsSecurityFinding, Security Hub API 2018-10-26) and findings seen in
 * exports of Security Hub, GuardDuty, Inspector, Prowler 3.x/4.x, ElectricEye and Cloud Custodian.
 */
import type { ClassificationHints, FindingKind } from '../model/finding';
import { arr, at, isObject, own, str, strings } from './fields';
import { ownTable } from './lookup';

export function productField(record: unknown, key: string): string | null {
  return str(own(own(record, 'ProductFields'), key));
}

/** Product names for `ProductArn` suffixes (`product/<company>/<product>`) whose findings are common. */
const PRODUCT_ARN_NAMES: Record<string, string> = ownTable({
  'aws/securityhub': 'Security Hub',
  'aws/guardduty': 'GuardDuty',
  'aws/inspector': 'Inspector',
  'aws/macie': 'Macie',
  'prowler/prowler': 'Prowler',
  'cloud-custodian/cloud-custodian': 'Cloud Custodian',
});

/** Placeholder product names that do not name the tool (custom integrations use "Default"). */
const PLACEHOLDER_NAMES = new Set(['default']);

/** Length of the longest name in PLACEHOLDER_NAMES. Longer names are not lower-cased to check. */
const MAX_PLACEHOLDER_LENGTH = Math.max(...[...PLACEHOLDER_NAMES].map((name) => name.length));

function named(value: string | null): string | null {
  if (value === null) return null;
  return value.length <= MAX_PLACEHOLDER_LENGTH && PLACEHOLDER_NAMES.has(value.toLowerCase()) ? null : value;
}

function productFromArn(productArn: string | null): string | null {
  const marker = productArn?.indexOf(':product/') ?? -1;
  if (!productArn || marker < 0) return null;
  const suffix = productArn.slice(marker + ':product/'.length);
  return PRODUCT_ARN_NAMES[suffix] ?? named(suffix.split('/').pop() ?? null);
}

/**
 * Returns the tool that produced the finding: Security Hub's product name, else the finding's own `ProductName`,
 * else the name third-party tools write into ProductFields (Prowler and Cloud Custodian `ProviderName`,
 * ElectricEye "Product Name"), else the product part of `ProductArn`.
 */
export function producingProduct(record: unknown): string | null {
  return (
    named(productField(record, 'aws/securityhub/ProductName')) ??
    named(str(own(record, 'ProductName'))) ??
    named(productField(record, 'ProviderName')) ??
    named(productField(record, 'Product Name')) ??
    productFromArn(str(own(record, 'ProductArn')))
  );
}

/** Security Hub's own findings name the product "Security Hub" or, in newer exports, "Security Hub CSPM". */
export function isSecurityHubProduct(product: string | null): boolean {
  return product !== null && /^Security Hub\b/.test(product);
}

/**
 * Security Hub control ids (`S3.1`, `PCI.IAM.1`, `ELBv2.1`) and CIS rule numbers (`1.3`). Anything else,
 * such as a placeholder, is not taken as a control id.
 */
const CONTROL_ID = /^(?:[A-Za-z][A-Za-z0-9-]*\.)+\d+[a-z]?$|^\d+(?:\.\d+)+$/;

function controlShaped(value: unknown): string | null {
  const text = str(Array.isArray(value) ? value[0] : value);
  return text !== null && CONTROL_ID.test(text) ? text : null;
}

/** Returns the control part of a Security Hub GeneratorId: `security-control/S3.1`, `.../v/1.0.0/IAM.4`, `.../rule/1.12`. */
function controlFromGeneratorId(generatorId: string | null): string | null {
  if (!generatorId) return null;
  const last = generatorId.split('/').pop() ?? '';
  return controlShaped(last);
}

/**
 * Returns the control id: `Compliance.SecurityControlId`, then the legacy `ProductFields.ControlId`. For
 * Security Hub's own findings it also tries the GeneratorId, the CIS 1.2 `ProductFields.RuleId` and a title
 * prefix ("IAM.4 ...").
 * Third-party tools are left out of the last three because their ids (ElectricEye's "[IAM.1]") are their own.
 * For CIS 1.2.0 findings the result is the CIS rule number, and `standards` names the CIS ruleset.
 */
export function asffControlId(record: unknown, product: string | null): string | null {
  const direct = controlShaped(at(record, 'Compliance.SecurityControlId')) ?? controlShaped(productField(record, 'ControlId'));
  if (direct || !isSecurityHubProduct(product)) return direct;
  const titleWord = (str(own(record, 'Title')) ?? '').split(/\s/)[0];
  return (
    controlFromGeneratorId(str(own(record, 'GeneratorId'))) ??
    controlShaped(productField(record, 'RuleId')) ??
    controlShaped(titleWord)
  );
}

/** Prowler's ASFF GeneratorId is `prowler-<CheckID>`. */
export function asffCheckId(record: unknown): string | null {
  const generatorId = str(own(record, 'GeneratorId'));
  const match = generatorId ? /^prowler-(.+)$/.exec(generatorId) : null;
  return match ? match[1] : null;
}

/**
 * Converts an ASFF `Types` entry to GuardDuty's native type: the last path segment with its first `-` after the
 * colon turned back into `/` (`TTPs/Command and Control/Trojan:EC2-DropPoint` -> `Trojan:EC2/DropPoint`).
 * Some types arrive without the purpose (`TTPs/Discovery/IAMUser-AnomalousBehavior`); the tactic segment
 * before them, without spaces, is then the purpose (`Discovery:IAMUser/AnomalousBehavior`).
 */
export function guardDutyTypeFromAsff(type: string): string | null {
  const segments = type.split('/');
  const last = segments[segments.length - 1];
  const full = /^([A-Za-z]+):([A-Za-z0-9]+)-(.+)$/.exec(last);
  if (full) return `${full[1]}:${full[2]}/${full[3]}`;
  const short = /^([A-Za-z0-9]+)-(.+)$/.exec(last);
  if (!short || segments[0] !== 'TTPs' || segments.length < 3) return null;
  const purpose = segments[segments.length - 2].replace(/\s+/g, '');
  return `${purpose}:${short[1]}/${short[2]}`;
}

const GUARDDUTY_NATIVE_TYPE = /^[A-Za-z]+:[A-Za-z0-9]+\/\S+$/;

/**
 * Returns the GuardDuty finding type: a ProductFields `aws/guardduty/...type` value in native form, else the first
 * `Types` entry that converts.
 * NOTE: no sample seen so far carries the native type in ProductFields. The samples have only
 * `action/actionType` and `additionalInfo/type`, which the native-form check skips. Remove the first step
 * if no export ever carries it.
 */
export function guardDutyThreatType(record: unknown, types: string[]): string | null {
  const fields = own(record, 'ProductFields');
  if (isObject(fields)) {
    for (const [key, value] of Object.entries(fields)) {
      const text = str(value);
      if (key.startsWith('aws/guardduty/') && /type$/i.test(key) && text && GUARDDUTY_NATIVE_TYPE.test(text)) return text;
    }
  }
  for (const type of types) {
    const native = guardDutyTypeFromAsff(type);
    if (native) return native;
  }
  return null;
}

function vulnerabilities(record: unknown): unknown[] {
  return arr(own(record, 'Vulnerabilities'));
}

/** Adds a value to a list of non-empty strings kept in order without repeats, as `strings` builds them. */
function addString(out: string[], value: unknown): void {
  const text = str(value);
  if (text !== null && !out.includes(text)) out.push(text);
}

export function packageManagers(record: unknown): string[] {
  const managers: string[] = [];
  for (const vulnerability of vulnerabilities(record)) {
    for (const pkg of arr(own(vulnerability, 'VulnerablePackages'))) addString(managers, own(pkg, 'PackageManager'));
  }
  return managers;
}

/** Vulnerability ids of the finding (CVE, GHSA, ALAS ...) and the CVE ids it names as related. */
export function vulnerabilityIds(record: unknown): string[] {
  const ids: string[] = [];
  const list = vulnerabilities(record);
  for (const vulnerability of list) addString(ids, own(vulnerability, 'Id'));
  for (const vulnerability of list) {
    for (const id of arr(own(vulnerability, 'RelatedVulnerabilities'))) {
      if (typeof id === 'string' && /^CVE-/i.test(id)) addString(ids, id);
    }
  }
  return ids;
}

/** CWE ids of code vulnerabilities (`Vulnerabilities[].CodeVulnerabilities[].Cwes`). */
export function codeCwes(record: unknown): string[] {
  const cwes: string[] = [];
  for (const vulnerability of vulnerabilities(record)) {
    for (const code of arr(own(vulnerability, 'CodeVulnerabilities'))) {
      for (const cwe of arr(own(code, 'Cwes'))) addString(cwes, cwe);
    }
  }
  return cwes;
}

/** Derives Inspector's finding type from the vulnerabilities and types of the ASFF finding. */
export function inspectorType(record: unknown, types: string[]): string | undefined {
  if (codeCwes(record).length > 0 || types.some((type) => /\/Vulnerabilities\/CWE/i.test(type))) {
    return 'CODE_VULNERABILITY';
  }
  if (types.some((type) => /Network Reachability/i.test(type))) return 'NETWORK_REACHABILITY';
  if (packageManagers(record).length > 0 || types.some((type) => /\/Vulnerabilities\/CVE/i.test(type))) {
    return 'PACKAGE_VULNERABILITY';
  }
  return undefined;
}

/**
 * Returns the finding kind. The first match wins: sensitive-data types -> sensitive_data; a compliance result -> configuration;
 * Inspector, vulnerabilities or vulnerability types -> vulnerability; GuardDuty or threat types -> threat.
 */
export function asffKind(record: unknown, product: string | null, types: string[]): FindingKind {
  if (types.some((type) => type.startsWith('Sensitive Data Identifications'))) return 'sensitive_data';
  if (at(record, 'Compliance.Status') !== undefined) return 'configuration';
  if (product === 'Inspector' || vulnerabilities(record).length > 0 || types.some((type) => /\/Vulnerabilities\//.test(type))) {
    return 'vulnerability';
  }
  if (product === 'GuardDuty' || types.some((type) => /^(TTPs|Unusual Behaviors|Effects)\//.test(type))) return 'threat';
  return 'configuration';
}

/** Standards from `Compliance.AssociatedStandards` (objects or plain strings) and the legacy ProductFields ARNs. */
export function asffStandards(record: unknown): string[] {
  const standards: string[] = [];
  for (const item of arr(at(record, 'Compliance.AssociatedStandards'))) {
    addString(standards, isObject(item) ? own(item, 'StandardsId') : item);
  }
  for (const key of ['StandardsArn', 'StandardsGuideArn']) {
    const arn = productField(record, key);
    // `arn:aws:securityhub:::standards/...` -> `standards/...`, the form AssociatedStandards uses.
    if (arn) addString(standards, arn.replace(/^arn:[^:]*:securityhub:[^:]*:[^:]*:/, ''));
  }
  return standards;
}

/** EKS marks its worker nodes with one of these tags. */
const EKS_NODE_TAGS = ['eks:cluster-name', 'aws:eks:cluster-name'];

/** Reads deployment-variant facts from `Resources[].Details` and tags. The first resource that has a fact wins. */
export function variantHints(resources: unknown[], tags: Record<string, string>): ClassificationHints {
  let launchType: string | null = null;
  let lambdaPackageType: string | null = null;
  let lambdaRuntime: string | null = null;
  let dbEngine: string | null = null;
  for (const resource of resources) {
    const details = own(resource, 'Details');
    // Every fact is under Details, so a resource without them has none.
    if (!isObject(details)) continue;
    const compatibilities = strings(at(details, 'AwsEcsTaskDefinition.RequiresCompatibilities'));
    launchType ??=
      (compatibilities.includes('FARGATE') ? 'FARGATE' : compatibilities[0]) ?? str(at(details, 'AwsEcsService.LaunchType'));
    lambdaPackageType ??= str(at(details, 'AwsLambdaFunction.PackageType'));
    lambdaRuntime ??= str(at(details, 'AwsLambdaFunction.Runtime'));
    dbEngine ??= str(at(details, 'AwsRdsDbInstance.Engine')) ?? str(at(details, 'AwsRdsDbCluster.Engine'));
  }
  // Keys in a fixed order, and only the facts found.
  const hints: ClassificationHints = {};
  if (launchType !== null) hints.launchType = launchType;
  if (lambdaPackageType !== null) hints.lambdaPackageType = lambdaPackageType;
  if (lambdaRuntime !== null) hints.lambdaRuntime = lambdaRuntime;
  if (dbEngine !== null) hints.dbEngine = dbEngine;
  if (EKS_NODE_TAGS.some((key) => Object.prototype.hasOwnProperty.call(tags, key))) hints.eksNode = true;
  return hints;
}
