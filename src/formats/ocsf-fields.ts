/**
 * Readers for OCSF finding fields that differ between OCSF versions and producers: status, severity,
 * kind, control id, resources and classification hints. Used by the OCSF format module.
 *
 * Version differences handled: OCSF 1.0 and its release candidates (Security Lake) put the finding in
 * `finding`, its state in `state_id`, the account in `cloud.account_uid`, vulnerable packages in
 * `vulnerabilities[].packages`; OCSF 1.1 and later use `finding_info`, `status_id`, `cloud.account.uid`
 * and `vulnerabilities[].affected_packages`. Security Lake's conversion of ASFF keeps the ASFF fields it
 * could not map in `unmapped`, flattened to keys such as `RecordState` and `ProductFields.ControlId`.
 */
import type { FindingKind } from '../model/finding';
import type { Severity, Status } from '../model/vocabulary';
import { arnAccount, arr, at, isObject, own, str, strings, tagsOf } from './fields';
import { severityFromWord } from './normalise';
import { ownTable } from './lookup';

export const OCSF_FINDING_CLASSES: Record<number, string> = {
  2001: 'Security Finding',
  2002: 'Vulnerability Finding',
  2003: 'Compliance Finding',
  2004: 'Detection Finding',
  2005: 'Incident Finding',
  2006: 'Data Security Finding',
};

/** OCSF `severity_id`: 0 Unknown, 1 Informational, 2 Low, 3 Medium, 4 High, 5 Critical, 6 Fatal. */
const SEVERITY_IDS: Record<number, Severity> = {
  1: 'informational',
  2: 'low',
  3: 'medium',
  4: 'high',
  5: 'critical',
  6: 'critical',
};

/** OCSF finding `status` / 1.0 `state` names (New, In Progress, Suppressed, Resolved, Archived, Deleted). */
const FINDING_STATUS: Record<string, Status | undefined> = ownTable({
  suppressed: 'suppressed',
  resolved: 'resolved',
  archived: 'resolved',
  deleted: 'resolved',
});

/** `compliance.status` names (OCSF Pass/Warning/Fail, ASFF PASSED/WARNING/FAILED/NOT_AVAILABLE). */
const COMPLIANCE_STATUS: Record<string, Status> = ownTable({
  pass: 'passed',
  passed: 'passed',
  fail: 'open',
  failed: 'open',
  warning: 'unknown',
  not_available: 'unknown',
  manual: 'unknown',
});

const KIND_BY_CLASS: Record<number, FindingKind> = {
  2002: 'vulnerability',
  2003: 'configuration',
  2004: 'threat',
  2005: 'threat',
  2006: 'sensitive_data',
};

/** ASFF `Types` namespaces (kept by the ASFF-to-OCSF conversion) and the kind each means. */
const KIND_BY_TYPE_PREFIX: readonly { prefix: string; kind: FindingKind }[] = [
  { prefix: 'Software and Configuration Checks/Vulnerabilities', kind: 'vulnerability' },
  { prefix: 'Sensitive Data Identifications', kind: 'sensitive_data' },
  { prefix: 'TTPs', kind: 'threat' },
  { prefix: 'Effects', kind: 'threat' },
  { prefix: 'Unusual Behaviors', kind: 'threat' },
  { prefix: 'Software and Configuration Checks', kind: 'configuration' },
];

const CONTROL_ID = /^[A-Za-z][A-Za-z0-9]*\.\d+[a-z]?$/;
const INSPECTOR_TYPES = new Set(['PACKAGE_VULNERABILITY', 'NETWORK_REACHABILITY', 'CODE_VULNERABILITY']);

/** `finding_info` (OCSF 1.1+) or `finding` (OCSF 1.0). */
export function findingInfo(record: unknown): unknown {
  return own(record, 'finding_info') ?? own(record, 'finding');
}

/** Reads one of the flattened ASFF keys that Security Lake keeps in `unmapped`. */
export function unmapped(record: unknown, key: string): string | null {
  const map = own(record, 'unmapped');
  return isObject(map) ? str(own(map, key)) : null;
}

/**
 * Returns the status. The first match wins, in this order: the ASFF workflow and record state kept in
 * `unmapped` (SUPPRESSED, then RESOLVED or ARCHIVED), then the OCSF finding status (Suppressed,
 * Resolved, Archived, Deleted), then the compliance result, then a Prowler-style `status_code`. The
 * default is open.
 */
export function ocsfStatus(record: unknown): Status {
  const workflow = (unmapped(record, 'Workflow.Status') ?? unmapped(record, 'WorkflowState') ?? '').toUpperCase();
  if (workflow === 'SUPPRESSED') return 'suppressed';
  if (workflow === 'RESOLVED' || unmapped(record, 'RecordState')?.toUpperCase() === 'ARCHIVED') return 'resolved';

  const findingStatus = str(own(record, 'status')) ?? str(own(record, 'state'));
  const fromFinding = findingStatus ? FINDING_STATUS[findingStatus.toLowerCase()] : undefined;
  if (fromFinding) return fromFinding;

  const compliance = str(at(record, 'compliance.status')) ?? unmapped(record, 'Compliance.Status');
  const fromCompliance = compliance ? COMPLIANCE_STATUS[compliance.toLowerCase()] : undefined;
  if (fromCompliance) return fromCompliance;

  const code = str(own(record, 'status_code'));
  return code ? (COMPLIANCE_STATUS[code.toLowerCase()] ?? 'open') : 'open';
}

export function ocsfSeverity(record: unknown): Severity {
  const id = Number(own(record, 'severity_id'));
  return SEVERITY_IDS[id] ?? severityFromWord(own(record, 'severity')) ?? severityFromWord(unmapped(record, 'Severity.Label')) ?? 'informational';
}

/**
 * Returns the kind from the class. Class 2001 (the ASFF conversion) takes it from the ASFF `Types`,
 * then from the presence of CVEs, else configuration.
 */
export function ocsfKind(classUid: number, types: string[], cves: string[]): FindingKind {
  const byClass = KIND_BY_CLASS[classUid];
  if (byClass) return byClass;
  for (const type of types) {
    const match = KIND_BY_TYPE_PREFIX.find((entry) => type.startsWith(entry.prefix));
    if (match) return match.kind;
  }
  return cves.length > 0 ? 'vulnerability' : 'configuration';
}

/**
 * Returns the Security Hub control id (`S3.1`) from `compliance.control`, then the ASFF fields in
 * `unmapped`. A value shaped like a control id wins over one that is not, because sample data contains
 * placeholders.
 */
export function ocsfControlId(record: unknown): string | null {
  const candidates = [
    str(at(record, 'compliance.control')),
    unmapped(record, 'Compliance.SecurityControlId'),
    unmapped(record, 'Compliance.SecurityControlId[]'),
    unmapped(record, 'ProductFields.ControlId'),
  ].filter((value): value is string => value !== null);
  return candidates.find((value) => CONTROL_ID.test(value)) ?? candidates[0] ?? null;
}

export interface OcsfResource {
  type: string | null;
  /** The ARN when one is known (`uid`, else `uid_alt`), else the bare uid or name. */
  id: string | null;
  ids: string[];
  region: string | null;
  account: string | null;
  tags: Record<string, string>;
}

export function ocsfResources(record: unknown): OcsfResource[] {
  const value = own(record, 'resources');
  const list = Array.isArray(value) ? value : isObject(value) ? [value] : [];
  return list.filter((resource) => isObject(resource)).map((resource) => {
    const uid = str(own(resource, 'uid'));
    const uidAlt = str(own(resource, 'uid_alt'));
    const name = str(own(resource, 'name'));
    const arn = [uid, uidAlt].find((id) => id?.startsWith('arn:')) ?? null;
    return {
      type: str(own(resource, 'type')),
      id: arn ?? uid ?? uidAlt ?? name,
      ids: [uid, uidAlt].filter((id): id is string => id !== null),
      region: str(own(resource, 'region')),
      account: str(at(resource, 'owner.account.uid')) ?? str(at(resource, 'account.uid')) ?? arnAccount(arn),
      tags: { ...labelTags(own(resource, 'labels')), ...tagsOf(own(resource, 'tags')) },
    };
  });
}

/** OCSF 1.0 `labels` as `key=value` strings (the ASFF conversion writes resource tags this way). */
function labelTags(labels: unknown): Record<string, string> {
  return Object.fromEntries(
    strings(labels).map((label) => {
      const equals = label.indexOf('=');
      return equals > 0 ? [label.slice(0, equals), label.slice(equals + 1)] : [label, ''];
    }),
  );
}

export interface VulnerabilityFacts {
  cves: string[];
  cwes: string[];
  packageManagers: string[];
}

export function vulnerabilityFacts(record: unknown): VulnerabilityFacts {
  const cves: string[] = [];
  const cwes: string[] = [];
  const managers: string[] = [];
  const add = (list: string[], value: string | null) => {
    if (value !== null && !list.includes(value)) list.push(value);
  };
  for (const vulnerability of arr(own(record, 'vulnerabilities'))) {
    add(cves, str(at(vulnerability, 'cve.uid')));
    add(cwes, str(at(vulnerability, 'cwe.uid')));
    for (const cwe of strings(own(own(vulnerability, 'cve'), 'cwe_uids'))) add(cwes, cwe);
    for (const pkg of arr(own(vulnerability, 'affected_packages'))) add(managers, str(own(pkg, 'package_manager')));
  }
  return { cves, cwes: cwes.map((cwe) => (/^\d+$/.test(cwe) ? `CWE-${cwe}` : cwe)), packageManagers: managers };
}

/**
 * Returns the GuardDuty finding type in native form. ASFF writes it as a `Types` path ending in
 * `Recon:EC2-PortProbeUnprotectedPort`, and the native form has a slash after the resource token.
 */
export function guardDutyType(types: string[]): string | null {
  for (const type of types) {
    const last = type.split('/').pop() ?? type;
    const match = /^([A-Za-z]+:[A-Za-z0-9]+)[-/](.+)$/.exec(last);
    if (match) return `${match[1]}/${match[2]}`;
    if (/^[A-Za-z]+:[A-Za-z0-9]+\//.test(type)) return type;
  }
  return null;
}

export function inspectorTypeOf(types: string[]): string | null {
  return types.find((type) => INSPECTOR_TYPES.has(type)) ?? null;
}
