/**
 * Layer rules for products whose findings carry their own structure: Inspector (and any vulnerability
 * finding), Macie, GuardDuty, IAM Access Analyzer, secret scanners and sensitive-data findings. They run
 * after the control and check tables and before the keyword rules.
 */
import type { ParsedFinding } from '../model/finding';
import type { Layer } from '../model/vocabulary';
import { categoryOf } from './catalog';
import { globToRegExp, matchGuardDutyRule, nativeFindingTypes, type ThreatMatch } from './guardduty';
import type { LayerDecision } from './layer-decision';

/** CWE ids of hard-coded secrets: credentials (798), passwords (259), cryptographic keys (321). */
const HARDCODED_SECRET_CWES = new Set(['798', '259', '321']);
const HARDCODED_SECRET_TITLE = /hard[- ]?coded (credential|password|secret|key)/i;

/** Rows whose packages are an operating system userland: instances, and container images. */
const OS_PACKAGE_HOSTS = new Set([
  'ecr',
  'ecs-ec2',
  'ecs-fargate',
  'fargate',
  'eks-fargate',
  'batch-fargate',
  'lambda-image',
]);

/**
 * Chooses the layer of a vulnerable package whose package manager is unknown. On compute the customer
 * administers and on container images it is taken as an OS package, elsewhere (a Lambda zip) as an
 * application dependency.
 */
export function packageLayer(service: string | null): Layer {
  if (!service) return 'platform_app';
  return OS_PACKAGE_HOSTS.has(service) || categoryOf(service) === 'infrastructure' ? 'os' : 'platform_app';
}

function decide(layer: Layer, rule: string, reason: string, secondaryLayer: Layer | null = null): LayerDecision {
  return { layer, secondaryLayer, rule, reason };
}

/**
 * Places Inspector findings (`hints.inspectorType`), and under the rule prefix `vulnerability:` any
 * other vulnerability finding.
 */
export function vulnerabilityRule(finding: ParsedFinding, service: string | null): LayerDecision | null {
  const inspectorType = finding.hints.inspectorType?.trim().toUpperCase();
  if (!inspectorType && finding.kind !== 'vulnerability') return null;
  const source = inspectorType ? 'inspector' : 'vulnerability';

  if (inspectorType === 'NETWORK_REACHABILITY') {
    const reason = 'Inspector found a network path open to the resource, which is network and firewall configuration.';
    return decide('network_firewall', 'inspector:network-reachability', reason);
  }
  if (inspectorType === 'CODE_VULNERABILITY') {
    const cwes = (finding.hints.cwes ?? []).map((cwe) => cwe.replace(/^cwe-/i, '').trim());
    const hardcoded = cwes.find((cwe) => HARDCODED_SECRET_CWES.has(cwe));
    if (hardcoded || HARDCODED_SECRET_TITLE.test(finding.title)) {
      const secretKind = hardcoded ? `CWE-${hardcoded}` : 'hard-coded credentials';
      const reason = `Inspector code scanning found ${secretKind} in the customer's code, a secret stored in source.`;
      return decide('secrets_credentials', 'inspector:code-hardcoded-secret', reason);
    }
    return decide('platform_app', 'inspector:code', "Inspector code scanning found a flaw in the customer's own code.");
  }

  const managers = (finding.hints.packageManagers ?? []).map((manager) => manager.trim().toUpperCase());
  if (managers.includes('OS')) {
    const reason = 'The vulnerable package comes from the operating system package manager (packageManager OS).';
    return decide('os', PACKAGE_RULE_IDS[source].os, reason);
  }
  if (managers.length > 0) {
    const reason = `The vulnerable package is an application dependency (${managers.join(', ')}), not an OS package.`;
    return decide('platform_app', PACKAGE_RULE_IDS[source].app, reason);
  }
  const layer = packageLayer(service);
  const where = layer === 'os' ? 'an OS package of the host or image' : 'an application dependency';
  const reason = `The package manager is not given, so the vulnerable package is taken as ${where}.`;
  return decide(layer, PACKAGE_RULE_IDS[source].unknown, reason);
}

/** Rule ids of the package decisions, written out so that findings share them instead of building each. */
const PACKAGE_RULE_IDS = {
  inspector: { os: 'inspector:os-package', app: 'inspector:app-package', unknown: 'inspector:unknown-package' },
  vulnerability: { os: 'vulnerability:os-package', app: 'vulnerability:app-package', unknown: 'vulnerability:unknown-package' },
} as const;

interface NativeTypeRule {
  patterns: readonly string[];
  layer: Layer;
  secondaryLayer: Layer | null;
  rationale: string;
}

/** Macie finding types (Macie `type`, or ASFF `Types[]` after the same conversion as GuardDuty's). */
const MACIE_RULES: readonly NativeTypeRule[] = [
  {
    patterns: ['SensitiveData:*'],
    layer: 'customer_data',
    secondaryLayer: null,
    rationale: 'Macie found sensitive data in the customer data',
  },
  {
    patterns: ['Policy:IAMUser/S3BucketEncryptionDisabled'],
    layer: 'server_side_encryption',
    secondaryLayer: null,
    rationale: 'default encryption of the bucket was turned off',
  },
  {
    patterns: [
      'Policy:IAMUser/S3Block*',
      'Policy:IAMUser/S3BucketPublic*',
      'Policy:IAMUser/S3BucketShared*',
      'Policy:IAMUser/S3BucketReplicatedExternally',
    ],
    layer: 'customer_data',
    secondaryLayer: 'iam',
    rationale: 'bucket data became public or shared outside the account',
  },
];

const COMPILED_MACIE_RULES = MACIE_RULES.map((rule) => ({
  rule,
  patterns: rule.patterns.map((pattern) => ({ pattern, regexp: globToRegExp(pattern) })),
}));

export function macieRule(types: readonly string[]): LayerDecision | null {
  for (const { rule, patterns } of COMPILED_MACIE_RULES) {
    for (const type of types) {
      const match = patterns.find(({ regexp }) => regexp.test(type));
      if (match) {
        const reason = `Macie type ${type} matches ${match.pattern}: ${rule.rationale}.`;
        return decide(rule.layer, `macie:${match.pattern}`, reason, rule.secondaryLayer);
      }
    }
  }
  return null;
}

/**
 * Decisions by GuardDuty match. `matchGuardDutyRule` returns its cached match object for a role and set of
 * types it has seen, so the findings of one type share one decision and one reason string.
 */
const GUARDDUTY_DECISIONS = new WeakMap<ThreatMatch, LayerDecision>();

export function guardDutyRule(finding: ParsedFinding, types: readonly string[]): LayerDecision | null {
  const match = matchGuardDutyRule(types, finding.hints.resourceRole);
  if (!match) return null;
  let decision = GUARDDUTY_DECISIONS.get(match);
  if (decision === undefined) {
    const reason = `GuardDuty type ${match.type} matches ${match.pattern}: ${match.rule.rationale}.`;
    decision = decide(match.rule.layer, `guardduty:${match.pattern}`, reason, match.rule.secondaryLayer);
    GUARDDUTY_DECISIONS.set(match, decision);
  }
  return decision;
}

/** Rows that hold customer data, where external access is a data exposure rather than an IAM setting. */
const DATA_SERVICES = new Set([
  's3',
  's3-tables',
  'glacier',
  'ebs',
  'rds',
  'aurora',
  'documentdb',
  'neptune',
  'ecr',
  'secretsmanager',
  'dynamodb',
  'efs',
]);
const ACCESS_ANALYZER_PRODUCT = /access.?analy[sz]er/i;

export function accessAnalyzerRule(finding: ParsedFinding, service: string | null): LayerDecision | null {
  const product = `${finding.hints.productName ?? ''} ${finding.sourceTool}`;
  if (!ACCESS_ANALYZER_PRODUCT.test(product)) return null;
  const text = `${finding.title} ${(finding.hints.types ?? []).join(' ')}`;
  if (/unused/i.test(text)) {
    const reason =
      'IAM Access Analyzer reports unused access: roles, keys or permissions nobody uses are standing credentials.';
    return decide('secrets_credentials', 'access-analyzer:unused-access', reason);
  }
  const snapshot = /snapshot/i.test(finding.resourceType ?? '');
  if ((service && DATA_SERVICES.has(service)) || snapshot) {
    const reason =
      'IAM Access Analyzer reports access from outside the account to a resource that contains customer data.';
    return decide('customer_data', 'access-analyzer:external-data-access', reason, 'iam');
  }
  const reason = 'IAM Access Analyzer reports access from outside the account granted by a resource policy.';
  return decide('iam', 'access-analyzer:external-access', reason);
}

/** Product rules in order; the first decision wins. */
export function productRule(finding: ParsedFinding, service: string | null): LayerDecision | null {
  const vulnerability = vulnerabilityRule(finding, service);
  if (vulnerability) return vulnerability;

  const types = nativeFindingTypes(finding);
  if (types.length > 0) {
    const decision = macieRule(types) ?? guardDutyRule(finding, types);
    if (decision) return decision;
  }

  const accessAnalyzer = accessAnalyzerRule(finding, service);
  if (accessAnalyzer) return accessAnalyzer;

  if (finding.kind === 'secret') {
    return decide('secrets_credentials', 'secret:detected', 'A secret scanner found a secret stored in code or files.');
  }
  if (finding.kind === 'sensitive_data') {
    const reason = 'The finding reports sensitive data found in customer data.';
    return decide('customer_data', 'sensitive-data:detected', reason);
  }
  return null;
}
