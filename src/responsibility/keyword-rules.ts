/**
 * The fallbacks for findings no table or product rule placed: ordered keyword rules on the finding's
 * words, then the ASFF `Types` and Prowler `Categories` it carries. Each rule has an id that the
 * classification names (`keyword:secrets`, `type:cve`, `category:encryption`).
 *
 * Keywords are matched on text in lower case with `_ - . : / \` turned into spaces and camelCase words
 * split, so rule ids read as words: `ec2_securitygroup_allow_ingress` -> "ec2 securitygroup allow
 * ingress", `RequiredTagsForVolumes` -> "required tags for volumes". The title and rule ids are searched
 * first, and the description only when they match nothing, because descriptions mention neighbouring
 * topics ("... logs that are not encrypted").
 */
import type { ParsedFinding } from '../model/finding';
import { LAYER_LABELS, type Layer } from '../model/vocabulary';
import type { LayerDecision } from './layer-decision';
import { packageLayer } from './product-rules';

export interface KeywordRule {
  id: string;
  layer: Layer;
  secondaryLayer: Layer | null;
  pattern: RegExp;
}

/** Compiles alternatives into one pattern, once at load. Alternatives are regular-expression sources. */
function anyOf(...alternatives: string[]): RegExp {
  return new RegExp(alternatives.join('|'));
}

/** Ordered: the first rule whose pattern matches decides. */
export const KEYWORD_RULES: readonly KeywordRule[] = [
  {
    // A security group or network ACL that lets traffic in is exposure, whatever protocol it names
    // ("... allow ingress from 0.0.0.0/0 to FTP port 20").
    id: 'open-port',
    layer: 'network_firewall',
    secondaryLayer: null,
    pattern: anyOf(
      String.raw`\b(security ?groups?|network ?acls?|nacls?)\b.*\b(ingress|opens?|allows?)\b`,
      String.raw`\bingress from\b`,
    ),
  },
  {
    id: 'instance-metadata',
    layer: 'secrets_credentials',
    secondaryLayer: 'os',
    pattern: anyOf(String.raw`\bimds(v[12])?\b`, 'instance metadata'),
  },
  {
    // Key rotation is key management, kept with encryption rather than with credentials.
    id: 'key-rotation',
    layer: 'server_side_encryption',
    secondaryLayer: null,
    pattern: anyOf(
      String.raw`\b(kms|cmks?|customer managed keys?)\b.*\brotat`,
      String.raw`\brotat\w*\b.*\b(kms|cmks?)\b`,
    ),
  },
  {
    // Encrypting stored secrets (EKS envelope encryption, Glue connection passwords) is encryption at rest.
    id: 'secret-encryption',
    layer: 'server_side_encryption',
    secondaryLayer: null,
    pattern: anyOf(
      String.raw`\bencrypt\w*\b.*\b(secrets?|passwords?)\b`,
      String.raw`\b(secrets?|passwords?)\b.*\bencrypt`,
    ),
  },
  {
    id: 'secrets',
    layer: 'secrets_credentials',
    secondaryLayer: null,
    pattern: anyOf(
      String.raw`\bsecrets?\b`,
      'credential',
      'hard ?coded',
      String.raw`access keys?\b`,
      String.raw`\bapi keys?\b`,
      String.raw`private keys?\b`,
      String.raw`\brotat`,
    ),
  },
  {
    id: 'traffic-protection',
    layer: 'network_traffic_protection',
    secondaryLayer: null,
    pattern: anyOf(
      'in transit',
      String.raw`\bssl\b`,
      String.raw`\btls\b`,
      String.raw`\bhttps?\b`,
      String.raw`\bsni\b`,
      'cipher',
      'certificate',
      String.raw`\bs?ftps?\b`,
      'node to node',
      'between nodes',
    ),
  },
  {
    id: 'encryption-at-rest',
    layer: 'server_side_encryption',
    secondaryLayer: null,
    pattern: anyOf('encrypt', String.raw`\bkms\b`, String.raw`\bcmks?\b`, 'at rest'),
  },
  {
    id: 'integrity',
    layer: 'client_side_encryption_integrity',
    secondaryLayer: null,
    pattern: anyOf('log file validation', 'object lock', 'integrity', 'signing', String.raw`\bdkim\b`),
  },
  {
    id: 'data-exposure',
    layer: 'customer_data',
    secondaryLayer: null,
    pattern: anyOf(
      String.raw`snapshots?\b.*\bpublic`,
      String.raw`\bpublic.*\bsnapshot`,
      String.raw`\bamis?\b.*\bpublic`,
      String.raw`\bpublic.*\bamis?\b`,
      'public (read|write)',
      String.raw`\bpublic (s3 )?buckets?\b`,
      String.raw`\bbuckets? (is |are )?public`,
      'block public access',
      'sensitive data',
      'shared externally',
    ),
  },
  {
    id: 'logging',
    layer: 'logging_monitoring',
    secondaryLayer: null,
    pattern: anyOf(
      'logging',
      String.raw`\blogs?\b`,
      String.raw`\baudit`,
      'monitor',
      'alarm',
      'trail',
      'flow logs?',
      'x ray',
      'tracing',
      'insights',
      'guardduty',
      'inspector',
      'macie',
      String.raw`\bconfig\b.*\benabled`,
      'config recorder',
    ),
  },
  {
    id: 'resilience',
    layer: 'resilience',
    secondaryLayer: null,
    pattern: anyOf(
      'backup',
      'multi ?az',
      'availability zones?',
      'deletion protection',
      'termination protection',
      'versioning',
      'point in time',
      'retention',
      'failover',
      'replication',
      'redundan',
    ),
  },
  {
    id: 'identity',
    layer: 'iam',
    secondaryLayer: null,
    pattern: anyOf(
      String.raw`\bmfa\b`,
      String.raw`\biam\b`,
      'polic(y|ies)',
      'privilege',
      String.raw`\broot\b`,
      'password',
      'authenticat',
      'authoriz',
      'admin user',
      'unauthenticated',
      'resource based',
      String.raw`\broles?\b`,
      'permission',
    ),
  },
  {
    id: 'network-exposure',
    layer: 'network_firewall',
    secondaryLayer: null,
    pattern: anyOf(
      'public ip',
      'publicly accessible',
      'security ?groups?',
      String.raw`\bnacls?\b`,
      'network ?acls?',
      '0 0 0 0',
      String.raw`\bports?\b`,
      String.raw`\bvpcs?\b`,
      'subnet',
      'endpoint',
      String.raw`\bwaf\b`,
      'internet',
      'ingress',
      'egress',
    ),
  },
  {
    id: 'os-patching',
    layer: 'os',
    secondaryLayer: null,
    pattern: anyOf(
      String.raw`\bpatch`,
      'ssm managed',
      'managed by (aws )?systems manager',
      'os version',
      'kernel',
      'operating system',
    ),
  },
  {
    id: 'platform-version',
    layer: 'platform_app',
    secondaryLayer: null,
    pattern: anyOf(
      'version',
      'runtime',
      'platform',
      'upgrade',
      'deprecated',
      'supported',
      'end of (life|support)',
      'outdated',
    ),
  },
  {
    id: 'governance',
    layer: 'governance',
    secondaryLayer: null,
    pattern: anyOf(String.raw`\btag(s|ged|ging)?\b`, 'contact', 'unused', 'stale', 'stopped .* days', 'naming'),
  },
];

/** Description text searched, in characters: the opening sentences, bounded because each rule scans it. */
const DESCRIPTION_LIMIT = 300;

export function keywordText(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[_\-.:/\\]+/g, ' ');
}

export function keywordRule(finding: ParsedFinding): LayerDecision | null {
  const head = [finding.title, finding.checkId, finding.hints.ruleKey].filter(Boolean).join(' \n ');
  return (
    matchKeywords(keywordText(head), 'title or rule id') ??
    matchKeywords(keywordText(finding.description.slice(0, DESCRIPTION_LIMIT)), 'description')
  );
}

function matchKeywords(text: string, where: string): LayerDecision | null {
  if (!text.trim()) return null;
  for (const rule of KEYWORD_RULES) {
    const match = rule.pattern.exec(text);
    if (match) {
      const matched = match[0].trim();
      const label = LAYER_LABELS[rule.layer];
      const reason = `Keyword rule ${rule.id} matched "${matched}" in the ${where}, which points to ${label}.`;
      return { layer: rule.layer, secondaryLayer: rule.secondaryLayer, rule: `keyword:${rule.id}`, reason };
    }
  }
  return null;
}

/** ASFF `Types[]` fallbacks, matched on the lower-case type path. `null` layer: OS or app by service. */
const TYPE_RULES: ReadonlyArray<{ id: string; pattern: RegExp; layer: Layer | null }> = [
  { id: 'cve', pattern: /vulnerabilities\/cve/, layer: null },
  { id: 'network-reachability', pattern: /network reachability/, layer: 'network_firewall' },
  {
    id: 'data-exposure',
    pattern: /effects\/data (exposure|exfiltration)|sensitive data identifications/,
    layer: 'customer_data',
  },
  { id: 'credential-access', pattern: /ttps\/credential access/, layer: 'secrets_credentials' },
];

/** Prowler `Categories` fallbacks, in precedence order. `null` layer: OS or app by service. */
const CATEGORY_RULES: ReadonlyArray<{ categories: readonly string[]; layer: Layer | null }> = [
  { categories: ['secrets', 'ec2-imdsv1'], layer: 'secrets_credentials' },
  { categories: ['identity-access', 'privilege-escalation'], layer: 'iam' },
  { categories: ['encryption'], layer: 'server_side_encryption' },
  { categories: ['logging', 'forensics-ready', 'threat-detection'], layer: 'logging_monitoring' },
  { categories: ['resilience'], layer: 'resilience' },
  { categories: ['internet-exposed', 'trust-boundaries'], layer: 'network_firewall' },
  { categories: ['vulnerabilities'], layer: null },
];

export function typeOrCategoryRule(finding: ParsedFinding, service: string | null): LayerDecision | null {
  for (const type of finding.hints.types ?? []) {
    const lower = type.toLowerCase();
    const rule = TYPE_RULES.find((candidate) => candidate.pattern.test(lower));
    if (rule) {
      const layer = rule.layer ?? packageLayer(service);
      const reason = `The finding type "${type}" points to ${LAYER_LABELS[layer]}.`;
      return { layer, secondaryLayer: null, rule: `type:${rule.id}`, reason };
    }
  }
  const categories = new Set((finding.hints.categories ?? []).map((category) => category.trim().toLowerCase()));
  for (const rule of CATEGORY_RULES) {
    const category = rule.categories.find((candidate) => categories.has(candidate));
    if (category) {
      const layer = rule.layer ?? packageLayer(service);
      const reason = `The Prowler category ${category} points to ${LAYER_LABELS[layer]}.`;
      return { layer, secondaryLayer: null, rule: `category:${category}`, reason };
    }
  }
  return null;
}
