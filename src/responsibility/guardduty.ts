/**
 * GuardDuty finding types -> layer. GuardDuty findings are threats, so each goes on the row where the
 * abuse took hold. A type has the form
 * `ThreatPurpose:ResourceTypeAffected/ThreatFamilyName.DetectionMechanism!Artifact`, for example
 * `Recon:EC2/PortProbeUnprotectedPort`. ASFF carries it in `Types[]` with the `/` after the resource
 * turned into `-`: `TTPs/Discovery/Recon:EC2-PortProbeUnprotectedPort`.
 *
 * Rules are ordered and the first match wins; patterns are globs where `*` matches any text.
 */
import type { ParsedFinding } from '../model/finding';
import type { Layer } from '../model/vocabulary';
import { serviceForToolName } from './catalog';

const NATIVE_TYPE = /^[A-Za-z]+:[A-Za-z0-9]+\/./;
const ASFF_TYPE_SEGMENT = /^([A-Za-z]+):([A-Za-z0-9]+)-(.+)$/;
/** Some ASFF exports drop the purpose from the type and keep only the tactic in the path. */
const ASFF_TACTIC_TYPE = /^(?:TTPs|Unusual Behaviors|Effects)\/([^/]+)\/([A-Z][A-Za-z0-9]*)-([A-Z][^/]*)$/;

/**
 * Collects the finding's types in the native `Purpose:Resource/Family` form that GuardDuty and Macie
 * use: the `threatType` hint, then every ASFF or OCSF type that contains one.
 */
export function nativeFindingTypes(finding: ParsedFinding): string[] {
  const types: string[] = [];
  const threatType = finding.hints.threatType?.trim();
  if (threatType) types.push(threatType);
  for (const type of finding.hints.types ?? []) {
    const trimmed = type.trim();
    if (NATIVE_TYPE.test(trimmed)) {
      types.push(trimmed);
      continue;
    }
    const segment = ASFF_TYPE_SEGMENT.exec(trimmed.slice(trimmed.lastIndexOf('/') + 1));
    if (segment) {
      types.push(`${segment[1]}:${segment[2]}/${segment[3]}`);
      continue;
    }
    // In `TTPs/Discovery/IAMUser-AnomalousBehavior` the tactic replaces the purpose.
    const tactic = ASFF_TACTIC_TYPE.exec(trimmed);
    if (tactic) types.push(`${tactic[1].replace(/\s+/g, '')}:${tactic[2]}/${tactic[3]}`);
  }
  return types;
}

/** Resource tokens of a native type that are not tool names of a catalog row. */
const RESOURCE_TOKENS = new Map([
  ['iamuser', 'iam'],
  ['kubernetes', 'eks-control-plane'],
  ['runtime', 'ec2'],
]);

/** Catalog key named by the resource token of a native type (`EC2` in `Trojan:EC2/...`), or null. */
export function serviceForNativeType(type: string): string | null {
  const token = /^[A-Za-z]+:([A-Za-z0-9]+)\//.exec(type)?.[1]?.toLowerCase();
  if (!token) return null;
  return RESOURCE_TOKENS.get(token) ?? serviceForToolName(token);
}

export interface ThreatRule {
  patterns: readonly string[];
  layer: Layer;
  secondaryLayer: Layer | null;
  /** Only for this `service.resourceRole`: ACTOR means the resource itself attacks others. */
  role?: 'ACTOR';
  /** Clause giving the reason the threat sits on this layer, for the reason sentence. */
  rationale: string;
}

export const GUARDDUTY_RULES: readonly ThreatRule[] = [
  {
    patterns: ['*:IAMUser/InstanceCredentialExfiltration*', 'AttackSequence:IAM/CompromisedCredentials'],
    layer: 'secrets_credentials',
    secondaryLayer: 'iam',
    rationale: 'credentials are being used from somewhere they were not issued to',
  },
  {
    patterns: ['UnauthorizedAccess:EC2/MetadataDNSRebind'],
    layer: 'secrets_credentials',
    secondaryLayer: 'os',
    rationale: 'DNS rebinding against the instance metadata service targets the role credentials',
  },
  {
    patterns: ['Stealth:IAMUser/CloudTrailLoggingDisabled', 'Stealth:S3/ServerAccessLoggingDisabled'],
    layer: 'logging_monitoring',
    secondaryLayer: null,
    rationale: "someone is switching off the customer's audit trail",
  },
  {
    patterns: ['*:IAMUser/*'],
    layer: 'iam',
    secondaryLayer: null,
    rationale: 'a customer identity is being used in an anomalous way',
  },
  {
    patterns: ['*MaliciousFile!Snapshot', '*MaliciousFile!AMI', '*MaliciousFile!RecoveryPoint'],
    layer: 'customer_data',
    secondaryLayer: 'resilience',
    rationale: 'malware was found in recovery data',
  },
  {
    patterns: [
      'Policy:S3/*BlockPublicAccessDisabled',
      'Policy:S3/BucketAnonymousAccessGranted',
      'Policy:S3/BucketPublicAccessGranted',
    ],
    layer: 'customer_data',
    secondaryLayer: 'iam',
    rationale: 'a bucket was opened to the public through its policy or access settings',
  },
  {
    patterns: [
      'Exfiltration:S3/*',
      'Impact:S3/*',
      'Discovery:S3/*',
      'UnauthorizedAccess:S3/*',
      'PenTest:S3/*',
      'Object:S3/MaliciousFile*',
      'AttackSequence:S3/CompromisedData',
      '*:S3/*',
    ],
    layer: 'customer_data',
    secondaryLayer: 'iam',
    rationale: 'bucket data is being accessed or changed in a suspicious way',
  },
  {
    // Portscan: the instance scans other hosts, a sign that it is compromised itself.
    patterns: ['Recon:EC2/Portscan'],
    layer: 'os',
    secondaryLayer: null,
    rationale: 'the instance is scanning other hosts, a sign of a compromised host',
  },
  {
    patterns: ['Recon:EC2/Port*'],
    layer: 'network_firewall',
    secondaryLayer: null,
    rationale: 'a port that the security group or network ACL leaves open is being probed',
  },
  {
    patterns: ['UnauthorizedAccess:EC2/SSHBruteForce', 'UnauthorizedAccess:EC2/RDPBruteForce'],
    role: 'ACTOR',
    layer: 'os',
    secondaryLayer: null,
    rationale: 'the instance itself is brute-forcing other hosts, a sign of a compromised host',
  },
  {
    patterns: ['UnauthorizedAccess:EC2/SSHBruteForce', 'UnauthorizedAccess:EC2/RDPBruteForce'],
    layer: 'network_firewall',
    secondaryLayer: null,
    rationale: 'a login port that the security group leaves open is being brute-forced',
  },
  {
    patterns: [
      'Backdoor:EC2/*',
      'Trojan:EC2/*',
      'CryptoCurrency:EC2/*',
      'Impact:EC2/*',
      'DefenseEvasion:EC2/*',
      'Execution:EC2/*',
      'AttackSequence:EC2/*',
      '*:EC2/*',
    ],
    layer: 'os',
    secondaryLayer: null,
    rationale: 'a host the customer manages shows signs of compromise',
  },
  {
    patterns: [
      'PrivilegeEscalation:Kubernetes/PrivilegedContainer',
      'Persistence:Kubernetes/ContainerWithSensitiveMount',
      'Execution:Kubernetes/*',
      'Impact:Kubernetes/*',
      'AttackSequence:EKS/CompromisedCluster',
      'AttackSequence:ECS/CompromisedCluster',
    ],
    layer: 'platform_app',
    secondaryLayer: null,
    rationale: 'the workload configuration or its containers are being abused',
  },
  {
    patterns: ['*:Runtime/*', 'Execution:ECS/*', 'Execution:Container/*', '*:ECS/*', '*:Container/*'],
    layer: 'os',
    secondaryLayer: null,
    rationale: 'runtime monitoring saw malicious activity in a host or container userland',
  },
  {
    patterns: ['Policy:Kubernetes/ExposedDashboard', 'Policy:Kubernetes/KubeflowDashboardExposed'],
    layer: 'network_firewall',
    secondaryLayer: null,
    rationale: 'a cluster dashboard is reachable from the internet',
  },
  {
    patterns: ['*:Kubernetes/*'],
    layer: 'iam',
    secondaryLayer: null,
    rationale: "cluster RBAC is the customer's identity layer on EKS",
  },
  {
    patterns: ['CredentialAccess:RDS/*FailedLogin', 'CredentialAccess:RDS/*FailedBruteForce'],
    layer: 'network_firewall',
    secondaryLayer: 'iam',
    rationale: 'an attacker can reach the database endpoint and is trying logins',
  },
  {
    patterns: ['*:RDS/*'],
    layer: 'iam',
    secondaryLayer: null,
    rationale: 'database users are the platform-level identities the customer manages',
  },
  {
    patterns: ['*:Lambda/*'],
    layer: 'platform_app',
    secondaryLayer: null,
    rationale: 'the function code or its dependencies are compromised',
  },
];

/** Compiles a glob where `*` matches any text into a whole-string, case-insensitive RegExp. */
export function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i');
}

const COMPILED_RULES = GUARDDUTY_RULES.map((rule) => ({
  rule,
  patterns: rule.patterns.map((pattern) => ({ pattern, regexp: globToRegExp(pattern) })),
}));

export interface ThreatMatch {
  rule: ThreatRule;
  /** The native type that matched. */
  type: string;
  /** The glob that matched; the rule id is `guardduty:<pattern>`. */
  pattern: string;
}

/** Matches by role and types: an export repeats a few dozen finding types across all its findings. */
const matchCache = new Map<string, ThreatMatch | null>();
const MATCH_CACHE_LIMIT = 10_000;

/** Finds the first GuardDuty rule matching one of the native types; null when none does. */
export function matchGuardDutyRule(types: readonly string[], resourceRole: string | undefined): ThreatMatch | null {
  const role = resourceRole?.trim().toUpperCase();
  const cacheKey = `${role ?? ''}\n${types.join('\n')}`;
  const cached = matchCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const match = findRule(types, role);
  if (matchCache.size >= MATCH_CACHE_LIMIT) matchCache.clear();
  matchCache.set(cacheKey, match);
  return match;
}

function findRule(types: readonly string[], role: string | undefined): ThreatMatch | null {
  for (const { rule, patterns } of COMPILED_RULES) {
    if (rule.role && rule.role !== role) continue;
    for (const type of types) {
      for (const { pattern, regexp } of patterns) {
        if (regexp.test(type)) return { rule, type, pattern };
      }
    }
  }
  return null;
}
