/**
 * Parts that every secret scanner module shares: the finding shape for a leaked secret, severity when the
 * scanner gives none, the IAM hint for AWS credentials, and a stable id built from masked values.
 * Callers pass values that are already masked, so no plain secret reaches this module.
 */
import type { ParsedFinding } from '../model/finding';
import type { Severity, Status } from '../model/vocabulary';
import { rawText } from './fields';
import { codeLocation } from './iac';
import { maskSecretsInText } from './mask';
import { makeFinding } from './record';

export interface SecretLeak {
  /** Tool name shown as `sourceTool`, e.g. "Gitleaks". */
  tool: string;
  /** The scanner's rule, detector or plugin name. */
  rule: string;
  /** Human title of the rule when the scanner has one besides the id. */
  ruleTitle?: string | null;
  file: string | null;
  line: number | null;
  commit?: string | null;
  /**
   * Key of the secret for deduplication: its masked value, or a hash the scanner gives (detect-secrets
   * `hashed_secret`). Never the plain value.
   */
  secretKey: string | null;
  /** The masked secret or match, shown in the description. */
  maskedMatch?: string | null;
  /** The scanner's own severity, when it has one. */
  severity?: Severity | null;
  /** A live credential (TruffleHog `Verified`, detect-secrets `is_verified`). */
  verified?: boolean;
  status?: Status;
  firstSeen?: string | null;
  tags?: Record<string, string>;
  /** The record with every secret already masked. */
  maskedRecord: unknown;
}

// Rule names meaning a private key or a cloud credential, matched against the rule's lower-case words.
const PRIVATE_KEY_WORDS = ['private', 'rsa', 'ssh', 'openssh', 'pgp', 'pem', 'pk', 'pkcs8', 'dsa'];
const CLOUD_WORDS = ['aws', 'amazon', 'gcp', 'google', 'azure', 'alibaba', 'digitalocean', 'ibm', 'cloud'];
const AWS_WORDS = ['aws', 'amazon'];
const AWS_KEY_PREFIX = /^(?:AKIA|ASIA|ABIA|ACCA)/;

/** Builds the finding for one leaked secret. */
export function secretFinding(leak: SecretLeak): ParsedFinding {
  const words = ruleWords(leak.rule);
  const isAws = AWS_WORDS.some((word) => words.includes(word)) || AWS_KEY_PREFIX.test(leak.secretKey ?? '');
  const name = leak.ruleTitle ?? leak.rule;
  const location = codeLocation(leak.file, leak.line);

  return makeFinding({
    id: `${leak.tool.toLowerCase()}:${fingerprint([leak.rule, leak.file ?? '', String(leak.line ?? ''), leak.secretKey ?? ''])}`,
    title: location ? `${name} in ${leak.file}` : name,
    description: describeLeak(leak, name, location),
    status: leak.status ?? 'open',
    severity: leak.severity ?? (leak.verified ? 'critical' : defaultSeverity(words, isAws)),
    kind: 'secret',
    checkId: leak.rule,
    resourceType: 'file',
    resourceId: location,
    sourceTool: leak.tool,
    firstSeen: leak.firstSeen ?? null,
    tags: leak.tags,
    hints: {
      ...(isAws ? { serviceName: 'iam' } : {}),
      ruleKey: leak.rule,
      cwes: ['CWE-798'],
    },
    // Strings were masked one by one; the JSON text pass also catches `"password": "..."` pairs,
    // whose key and value only meet in the text.
    raw: maskSecretsInText(rawText(leak.maskedRecord)),
  });
}

function describeLeak(leak: SecretLeak, name: string, location: string | null): string {
  const parts = [`${leak.tool} found a secret (${name})`];
  if (location) parts.push(`in ${location}`);
  if (leak.commit) parts.push(`at commit ${leak.commit}`);
  let text = `${parts.join(' ')}.`;
  if (leak.maskedMatch) text += ` Match: ${leak.maskedMatch}`;
  if (leak.verified) text += ' The scanner verified that the credential is live.';
  return text;
}

/** High for private keys and cloud credentials, medium for any other secret. */
function defaultSeverity(words: string[], isAws: boolean): Severity {
  if (isAws) return 'high';
  const isPrivateKey = PRIVATE_KEY_WORDS.some((word) => words.includes(word));
  const isCloud = CLOUD_WORDS.some((word) => words.includes(word));
  return isPrivateKey || isCloud ? 'high' : 'medium';
}

/** Lower-case words of a rule name: `AWSKeyDetector` and `aws-access-token` both start with `aws`. */
export function ruleWords(rule: string): string[] {
  return rule
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** Hashes the parts into a short stable hex id (53 bits). It is an id, not a security measure. */
export function fingerprint(parts: readonly string[]): string {
  const text = parts.join('\u0000');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
