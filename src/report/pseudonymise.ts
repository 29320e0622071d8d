/**
 * Replaces AWS account ids, the resource names inside ARNs, IPv4 and IPv6 addresses and EC2-style resource ids
 * with pseudonyms. Within one Pseudonymiser the same value always gets the same pseudonym, in every field of
 * every finding, raw records, titles and descriptions included.
 *
 * Pseudonyms are HMAC-SHA-256 of the value under a key. The default key is 32 random bytes per report, so a
 * pseudonym cannot be reversed by hashing all 10^12 account ids. A fixed key gives the same pseudonyms in every
 * report built with it. Pseudonyms keep the shape of the value: 12 digits for an account, a private address
 * stays in its private range, a public IPv4 address moves to 240.0.0.0/4 (reserved, never assigned), an IPv6
 * address to the documentation prefix 2001:db8::/32, and `i-0abc...` keeps its `i-` prefix and length.
 *
 * Usage: `learn` every text first, so that resource names found in ARNs are known before any text is
 * replaced, then call `text` (or `learnFinding` and `finding`).
 */
import type { Finding } from '../model/finding';
import {
  ACCOUNT_ID,
  ARN_IN_TEXT,
  SCAN,
  TOKEN,
  TOKEN_PARTS,
  isDistinctiveName,
  isIpv4,
  isIpv6,
  parseArn,
  splitArnResource,
  type Arn,
} from './pseudonym-patterns';
import { createHmacSha256, toHex, type Hmac } from './sha256';

export const PSEUDONYM_KINDS = ['account', 'ipv4', 'ipv6', 'name'] as const;
export type PseudonymKind = (typeof PSEUDONYM_KINDS)[number];

export const PSEUDONYM_KEY_BYTES = 32;

/** Returns a fresh random key for one report (Web Crypto's `getRandomValues`, in Node 20 and every current browser). */
export function randomPseudonymKey(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(PSEUDONYM_KEY_BYTES));
}

/** Encodes a key the user chose as UTF-8, for pseudonyms that stay the same across reports. */
export function pseudonymKeyFromText(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/**
 * Services whose ARN resources are names AWS defines (Security Hub standards, controls and products, which
 * the walled-garden rules read) or random finding ids. Only account ids inside them are replaced.
 */
const ACCOUNT_ONLY_SERVICES: ReadonlySet<string> = new Set(['securityhub']);

/** Addresses that name no host of the customer: any, broadcast and netmasks, loopback, the instance metadata service. */
function isKeptIpv4(address: string): boolean {
  return address === '0.0.0.0' || address.startsWith('255.') || address.startsWith('127.') || address === '169.254.169.254';
}

const KEPT_IPV6: ReadonlySet<string> = new Set(['::', '::1']);

/** Finding fields that contain this tool's own vocabulary or ids, never text from the input. */
const OWN_FIELDS: ReadonlySet<string> = new Set([
  'status',
  'severity',
  'kind',
  'category',
  'layer',
  'secondaryLayer',
  'owner',
  'service',
  'rule',
  'sourceFormat',
]);

/**
 * Tokens with more dot-separated parts (long host names) are searched for addresses and ids only, because the
 * search for names is quadratic in the number of parts.
 */
const MAX_DOTTED_PARTS = 16;

const AWS_ID = /^([a-z]{1,12})-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** Reads the first `count` bytes of a digest as an unsigned integer (count at most 6, so it stays exact). */
function digestNumber(digest: Uint8Array, count: number): number {
  let value = 0;
  for (let index = 0; index < count; index++) value = value * 256 + digest[index];
  return value;
}

function accountPseudonym(digest: Uint8Array): string {
  return String(digestNumber(digest, 6) % 1e12).padStart(12, '0');
}

function ipv4Pseudonym(digest: Uint8Array, original: string): string {
  const [first, second] = original.split('.').map(Number);
  const [a, b, c, d] = digest;
  if (first === 10) return `10.${b}.${c}.${d}`;
  if (first === 172 && second >= 16 && second <= 31) return `172.${16 + (a & 15)}.${c}.${d}`;
  if (first === 192 && second === 168) return `192.168.${c}.${d}`;
  return `${240 + (a & 15)}.${b}.${c}.${d}`;
}

function ipv6Pseudonym(digest: Uint8Array): string {
  const groups: string[] = [];
  for (let index = 0; index < 12; index += 2) groups.push(((digest[index] << 8) | digest[index + 1]).toString(16));
  return `2001:db8:${groups.join(':')}`;
}

function namePseudonym(digest: Uint8Array, original: string): string {
  const awsId = AWS_ID.exec(original);
  if (awsId) return `${awsId[1]}-${toHex(digest).slice(0, awsId[2].length)}`;
  return `name-${toHex(digest).slice(0, 10)}`;
}

const PSEUDONYM_FORMATS: Record<PseudonymKind, (digest: Uint8Array, original: string) => string> = {
  account: accountPseudonym,
  ipv4: ipv4Pseudonym,
  ipv6: ipv6Pseudonym,
  name: namePseudonym,
};

export class Pseudonymiser {
  private readonly hmac: Hmac;
  private readonly encoder = new TextEncoder();
  private readonly byValue = new Map<string, string>();
  /** Pseudonyms already given, per kind, so that two values never share one. */
  private readonly given = new Set<string>();
  /** Every resource name met in an ARN, and every EC2-style id. A field whose whole value is one of them is replaced. */
  private readonly names = new Map<string, string>();
  /** The distinctive names, also replaced where they appear as a word in free text. */
  private readonly wordNames = new Map<string, string>();

  constructor(key: Uint8Array) {
    this.hmac = createHmacSha256(key);
  }

  /** Collects the resource names of every ARN in the text. */
  learn(text: string): void {
    for (const match of text.matchAll(ARN_IN_TEXT)) this.arn(match[0]);
  }

  /** Returns the text with every account id, ARN resource name, IP address and known resource name replaced. */
  text(value: string): string {
    const whole = this.names.get(value);
    if (whole !== undefined) return whole;
    // Without a digit or a colon a text contains no account, address or ARN, so only known names can occur.
    if (this.wordNames.size === 0 && !/[\d:]/.test(value)) return value;
    return value.replace(SCAN, (match: string, arn?: string, ipv6?: string) => {
      if (arn !== undefined) return this.arn(arn);
      if (ipv6 !== undefined) return isIpv6(ipv6) ? this.ipv6(ipv6) : ipv6.replace(TOKEN, (token) => this.token(token));
      return this.token(match);
    });
  }

  learnFinding(finding: Finding): void {
    visitStrings(finding, (text) => {
      this.learn(text);
      return text;
    });
  }

  /** Returns a copy of the finding with every text field passed through `text`. */
  finding(finding: Finding): Finding {
    return visitStrings(finding, (text) => this.text(text));
  }

  /** Returns the pseudonym of one value of a kind, and makes it on first use. */
  pseudonym(kind: PseudonymKind, value: string): string {
    const key = `${kind}\u0000${kind === 'ipv6' ? value.toLowerCase() : value}`;
    const known = this.byValue.get(key);
    if (known !== undefined) return known;

    // A second attempt is needed only when two values collide, or a pseudonym equals its own original.
    for (let attempt = 0; ; attempt++) {
      const digest = this.hmac(this.encoder.encode(`${key}\u0000${attempt}`));
      const candidate = PSEUDONYM_FORMATS[kind](digest, value);
      const givenKey = `${kind}\u0000${candidate}`;
      if (candidate === value || this.given.has(givenKey)) continue;
      this.given.add(givenKey);
      this.byValue.set(key, candidate);
      return candidate;
    }
  }

  private name(value: string): string {
    const pseudonym = this.pseudonym('name', value);
    this.names.set(value, pseudonym);
    if (isDistinctiveName(value)) this.wordNames.set(value, pseudonym);
    return pseudonym;
  }

  private arn(match: string): string {
    const text = match.replace(/\.+$/, '');
    const trailing = match.slice(text.length);
    const arn = parseArn(text);
    if (!arn) return match;

    const account = ACCOUNT_ID.test(arn.account) ? this.pseudonym('account', arn.account) : arn.account;
    const resource = replacesResourceNames(arn)
      ? splitArnResource(arn.service, arn.resource)
          .map((piece) => (piece.name ? this.name(piece.text) : piece.text))
          .join('')
      : arn.resource.replace(TOKEN, (token) => this.token(token));
    return `arn:${arn.partition}:${arn.service}:${arn.region}:${account}:${resource}${trailing}`;
  }

  /**
   * Replaces one token: a known name as a whole, known names among its dot-separated parts (a bucket in
   * `my-bucket.s3.amazonaws.com`), and addresses, account ids and EC2-style ids inside the rest.
   */
  private token(token: string): string {
    const whole = this.wordNames.get(token);
    if (whole !== undefined) return whole;
    if (this.wordNames.size === 0 || !token.includes('.')) return this.tokenParts(token);

    const parts = token.split('.');
    if (parts.length > MAX_DOTTED_PARTS) return this.tokenParts(token);
    const output: string[] = [];
    let unmatched: string[] = [];
    let start = 0;
    while (start < parts.length) {
      const match = this.longestName(parts, start);
      if (match === null) {
        unmatched.push(parts[start]);
        start++;
        continue;
      }
      if (unmatched.length > 0) output.push(this.tokenParts(unmatched.join('.')));
      unmatched = [];
      output.push(match.pseudonym);
      start = match.end;
    }
    if (unmatched.length > 0) output.push(this.tokenParts(unmatched.join('.')));
    return output.join('.');
  }

  /** Finds the longest run of dot-separated parts from `start` that is a known name. */
  private longestName(parts: readonly string[], start: number): { pseudonym: string; end: number } | null {
    for (let end = parts.length; end > start; end--) {
      const pseudonym = this.wordNames.get(parts.slice(start, end).join('.'));
      if (pseudonym !== undefined) return { pseudonym, end };
    }
    return null;
  }

  private tokenParts(text: string): string {
    if (!/\d/.test(text)) return text;
    return text.replace(
      TOKEN_PARTS,
      (match: string, ipv4?: string, hostPrefix?: string, dashed?: string, account?: string, awsId?: string) => {
        if (ipv4 !== undefined) return isIpv4(ipv4) ? this.ipv4(ipv4) : match;
        if (hostPrefix !== undefined && dashed !== undefined) {
          const address = dashed.replace(/-/g, '.');
          return isIpv4(address) ? `${hostPrefix}-${this.ipv4(address).replace(/\./g, '-')}` : match;
        }
        if (account !== undefined) return this.pseudonym('account', account);
        if (awsId !== undefined) return this.name(awsId);
        return match;
      },
    );
  }

  private ipv4(address: string): string {
    return isKeptIpv4(address) ? address : this.pseudonym('ipv4', address);
  }

  private ipv6(address: string): string {
    return KEPT_IPV6.has(address) ? address : this.pseudonym('ipv6', address);
  }
}

/**
 * Tests whether the resource of an ARN names something of the customer's. Resources of AWS-owned ARNs (account `aws`
 * or empty, as in managed policies) stay readable; S3 ARNs have no account but name the customer's bucket.
 */
function replacesResourceNames(arn: Arn): boolean {
  if (ACCOUNT_ONLY_SERVICES.has(arn.service)) return false;
  return arn.service === 's3' || ACCOUNT_ID.test(arn.account);
}

/** Maps every string from the input in a finding: text fields, list items, tag keys and values, hint values. */
function visitStrings(finding: Finding, map: (text: string) => string): Finding {
  const copy: Record<string, unknown> = { ...finding };
  for (const [field, value] of Object.entries(finding)) {
    if (OWN_FIELDS.has(field)) continue;
    copy[field] = mapValue(value, map, field === 'tags');
  }
  return copy as unknown as Finding;
}

function mapValue(value: unknown, map: (text: string) => string, mapKeys: boolean): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapValue(item, map, false));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => [mapKeys ? map(key) : key, mapValue(item, map, false)]);
    return Object.fromEntries(entries);
  }
  return value;
}
