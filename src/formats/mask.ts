/**
 * Secret masking. `maskSecret` hides one known secret value. `maskSecretsInText` finds secrets embedded
 * in free text (user data, env vars, connection strings, raw records) and masks each one in place.
 *
 * Every pattern starts with a literal (AKIA, ghp_, eyJ, -----BEGIN, ://) or a short keyword and uses
 * bounded quantifiers. A scan therefore costs time linear in the text length and cannot backtrack
 * catastrophically. Masking is idempotent (masking masked text changes nothing), so formats may mask at
 * read time and ingest may mask again.
 */

/** The mask appended to a kept prefix. Its length is fixed so the output never reveals a long secret's length. */
export const MASK = '********';

const AWS_KEY_PREFIXES = 'AKIA|ASIA|ABIA|ACCA';
const AWS_ACCESS_KEY_ID = new RegExp(`^(?:${AWS_KEY_PREFIXES})[A-Z0-9]{16}$`);
const MASKED_AWS_ACCESS_KEY_ID = new RegExp(`^(?:${AWS_KEY_PREFIXES})\\*{12}[A-Z0-9]{4}$`);
const PEM_PRIVATE_HEADER = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
const PEM_PRIVATE_HEADER_ANYWHERE = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/;
const PEM_END = '-----END ';
/** Longest PEM body searched for its END line; real keys are a few KiB (RSA 4096 is about 3.2 KiB). */
const MAX_PEM_BODY = 65_536;

/**
 * Masks one secret value. An AWS access key id keeps its first and last four characters
 * (`AKIA************MPLE`), and a PEM block keeps its BEGIN and END lines. Any other value keeps at most
 * four leading characters (none under 8 characters, two under 16) followed by the fixed MASK.
 */
export function maskSecret(value: string): string {
  if (value === '' || isMasked(value)) return value;
  if (AWS_ACCESS_KEY_ID.test(value)) return `${value.slice(0, 4)}${'*'.repeat(12)}${value.slice(-4)}`;
  // A bare header or an already masked block comes back unchanged.
  if (PEM_PRIVATE_HEADER_ANYWHERE.test(value)) return maskPemBlocks(value);
  let visible = 0;
  if (value.length >= 16) visible = 4;
  else if (value.length >= 8) visible = 2;
  return `${firstCodePoints(value, visible)}${MASK}`;
}

/** Masked by this module, or already redacted by the producer (`*****`). */
function isMasked(value: string): boolean {
  return value.endsWith(MASK) || MASKED_AWS_ACCESS_KEY_ID.test(value) || /^\*+$/.test(value);
}

/** Returns the first `count` code points, so a kept prefix never ends in half a surrogate pair. */
function firstCodePoints(value: string, count: number): string {
  if (count === 0) return '';
  return [...value.slice(0, count * 2)].slice(0, count).join('');
}

/** One text rule: a global pattern and what a match becomes. */
interface TextRule {
  id: string;
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const TEXT_RULES: readonly TextRule[] = [
  {
    id: 'aws-access-key-id',
    pattern: new RegExp(`(?<![A-Za-z0-9])(?:${AWS_KEY_PREFIXES})[A-Z0-9]{16}(?![A-Za-z0-9])`, 'g'),
    replace: (match) => maskSecret(match),
  },
  {
    // An AWS secret access key is 40 base64 characters; only taken after a key name, never bare.
    id: 'aws-secret-access-key',
    pattern:
      /((?:aws_?)?secret_?(?:access_?)?key(?:_?id)?\\?["']?[ \t]*[:=][ \t]*\\?["']?)([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
    replace: (_match, prefix, key) => `${prefix}${maskSecret(key)}`,
  },
  {
    id: 'github-token',
    pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})(?![A-Za-z0-9_])/g,
    replace: (match) => maskSecret(match),
  },
  {
    id: 'slack-token',
    pattern: /(?<![A-Za-z0-9])xox[a-z]-[A-Za-z0-9-]{10,255}/g,
    replace: (match) => maskSecret(match),
  },
  {
    id: 'slack-webhook',
    pattern: /(hooks\.slack\.com\/services\/)([A-Za-z0-9/]{8,255})/g,
    replace: (_match, prefix, path) => `${prefix}${maskSecret(path)}`,
  },
  {
    // A JWT: base64url JSON header and payload (both start with `{"`, which encodes as eyJ) and a signature.
    id: 'jwt',
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,8192}\.eyJ[A-Za-z0-9_-]{4,65536}\.[A-Za-z0-9_-]{0,8192}/g,
    replace: (match) => maskSecret(match),
  },
  {
    id: 'bearer-token',
    pattern: /(\bBearer[ \t]+)([A-Za-z0-9._~+/-]{8,4096}=*)/g,
    replace: (_match, prefix, token) => `${prefix}${maskSecret(token)}`,
  },
  {
    // user:password@host in connection strings and URLs.
    id: 'url-password',
    pattern: /(:\/\/[^\s:/@"'\\]{1,256}:)([^\s@/"'\\]{1,256})(@)/g,
    replace: (_match, prefix, password, at) => `${prefix}${maskSecret(password)}${at}`,
  },
];

/** Case-sensitive starts of the text rules that need no separator, and the PEM header. */
const SECRET_LITERAL = /AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat_|xox[a-z]-|hooks\.slack\.com|eyJ|Bearer|-----BEGIN /;

/** Key names of the assignment rule and the secret access key rule, ignoring case. */
const SECRET_KEY_NAME = /passw(?:or)?d|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential|[_.-]pass|[_.-]pwd/i;

/**
 * Tests cheaply whether a masking rule could change the text, so that most texts skip the rules. It is
 * true when the text contains a literal start of a rule, or `:` or `=` (which the assignments and URL
 * passwords need) together with a key name or `://`. Every text a rule changes passes.
 */
export function mayHoldSecret(text: string): boolean {
  if (SECRET_LITERAL.test(text)) return true;
  if (!text.includes(':') && !text.includes('=')) return false;
  return text.includes('://') || SECRET_KEY_NAME.test(text);
}

/**
 * Masks every secret found in free text. It finds PEM private key bodies, AWS access key ids and secret
 * keys, GitHub and Slack tokens, JWTs, bearer tokens, URL passwords, and `password=` / `secret:` /
 * `token=` style assignments in env files, user data, connection strings, JSON and YAML. Ordinary ARNs,
 * ids and hashes are left alone.
 */
export function maskSecretsInText(text: string): string {
  if (text.length < 8 || !mayHoldSecret(text)) return text;
  return applyTextRules(text);
}

/**
 * Runs every masking rule over the text, without `mayHoldSecret` first. Tests use it to check that
 * `mayHoldSecret` passes every text the rules change.
 */
export function applyTextRules(text: string): string {
  let out = text.includes('-----BEGIN ') ? maskPemBlocks(text) : text;
  for (const rule of TEXT_RULES) {
    rule.pattern.lastIndex = 0;
    out = out.replace(rule.pattern, rule.replace as (match: string, ...rest: unknown[]) => string);
  }
  return maskAssignments(out);
}

/** Replaces occurrences of known secret values with their masks, then masks whatever else the text holds. */
export function maskKnownSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    // Very short values (`a`, `1`) would mangle unrelated text; the text rules still cover their context.
    if (secret.length < 4 || isMasked(secret)) continue;
    out = out.split(secret).join(maskSecret(secret));
  }
  return maskSecretsInText(out);
}

/**
 * Keeps the BEGIN and END lines of each PEM private key block and replaces the body with MASK. A block
 * cut off before its END line has its base64 body masked up to the first character that cannot belong
 * to it.
 */
function maskPemBlocks(text: string): string {
  let out = '';
  let copied = 0;
  // The next END line at or after the current body. It is searched again only once a body passes it,
  // so many headers without END lines still cost one scan of the text.
  let end = -2;
  PEM_PRIVATE_HEADER.lastIndex = 0;
  for (let header = PEM_PRIVATE_HEADER.exec(text); header; header = PEM_PRIVATE_HEADER.exec(text)) {
    const bodyStart = header.index + header[0].length;
    if (bodyStart < copied) continue;
    if (end !== -1 && end < bodyStart) end = text.indexOf(PEM_END, bodyStart);
    const bodyEnd = end !== -1 && end - bodyStart <= MAX_PEM_BODY ? end : base64RunEnd(text, bodyStart);
    const body = text.slice(bodyStart, bodyEnd);
    const content = stripBreaks(body);
    if (content === '' || content === MASK) continue;
    out += text.slice(copied, bodyStart) + maskedBody(body);
    copied = bodyEnd;
    PEM_PRIVATE_HEADER.lastIndex = bodyEnd;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

const LINE_BREAK = /^(?:\\r\\n|\\n|\r\n|\n| )/;

/** Line breaks may be real or JSON-escaped (`\n` inside a JSON string); the masked body keeps that style. */
function maskedBody(body: string): string {
  const lead = LINE_BREAK.exec(body)?.[0] ?? '';
  const trail = trailingBreak(body);
  return `${lead}${MASK}${trail}`;
}

function trailingBreak(body: string): string {
  for (const candidate of ['\\r\\n', '\\n', '\r\n', '\n', ' ']) {
    if (body.endsWith(candidate)) return candidate;
  }
  return '';
}

function stripBreaks(body: string): string {
  return body.replace(/\\r|\\n|\s/g, '');
}

/** End of the base64 body after a PEM header that has no END line: base64, blanks and line breaks. */
function base64RunEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_PEM_BODY);
  let index = from;
  while (index < limit) {
    const char = text[index];
    if (isBase64OrBlank(char.charCodeAt(0))) {
      index++;
    } else if (char === '\\' && (text[index + 1] === 'n' || text[index + 1] === 'r')) {
      index += 2;
    } else {
      break;
    }
  }
  return index;
}

function isBase64OrBlank(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 43 || code === 47 || code === 61 || // + / =
    code === 32 || code === 9 || code === 10 || code === 13 // blank, tab, LF, CR
  );
}

/**
 * Key names whose value is a secret, matched at the end of the key (`DB_PASSWORD`, `client_secret`,
 * `aws_secret_access_key`), then the separator with optional quotes. `:secret:` inside an ARN (Secrets
 * Manager) and detect-secrets' `hashed_secret` are not assignments of a secret.
 */
const ASSIGNMENT =
  /(?<![:/])(?<!hashed_)(?:passw(?:or)?d|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?|[_.-]pass|[_.-]pwd)(\\?["']?)[ \t]{0,16}(?:=>|[:=])[ \t]{0,16}(\\?["']?)/gi;
const UNQUOTED_VALUE = /[^\s"'\\,;&<>{}[\]()]{1,1024}/y;
const NOT_A_SECRET = /^(?:true|false|null|none|undefined)$/i;
const MAX_QUOTED_VALUE = 1024;

function maskAssignments(text: string): string {
  let out = '';
  let copied = 0;
  ASSIGNMENT.lastIndex = 0;
  for (let match = ASSIGNMENT.exec(text); match; match = ASSIGNMENT.exec(text)) {
    const valueStart = match.index + match[0].length;
    const quote = match[2];
    const valueEnd = quote ? closingQuote(text, valueStart, quote) : unquotedEnd(text, valueStart);
    if (valueEnd <= valueStart) continue;
    const value = text.slice(valueStart, valueEnd);
    if (NOT_A_SECRET.test(value) || isMasked(value)) continue;
    out += text.slice(copied, valueStart) + maskSecret(value);
    copied = valueEnd;
    ASSIGNMENT.lastIndex = valueEnd;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Index of the quote that closes a value opened by `quote` (`"`, `'`, or an escaped `\"`), or -1. */
function closingQuote(text: string, from: number, quote: string): number {
  const limit = Math.min(text.length, from + MAX_QUOTED_VALUE);
  for (let index = from; index < limit; index++) {
    const char = text[index];
    if (char === '\n' || char === '\r') return -1;
    if (quote.length === 1 && char === '\\') {
      index++;
      continue;
    }
    if (text.startsWith(quote, index)) return index;
  }
  return -1;
}

function unquotedEnd(text: string, from: number): number {
  UNQUOTED_VALUE.lastIndex = from;
  return UNQUOTED_VALUE.test(text) ? UNQUOTED_VALUE.lastIndex : -1;
}

/**
 * Copies a parsed JSON value with every string masked (known secrets first, then the text rules), for
 * the `raw` text of secret findings. Object keys are kept as they are.
 */
export function maskValue(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') return maskKnownSecrets(value, secrets);
  // Real records nest a few levels; a deeper value is dropped rather than risk overflowing the stack.
  if (depth >= MAX_MASK_DEPTH && typeof value === 'object' && value !== null) return NESTED_TOO_DEEP;
  if (Array.isArray(value)) return value.map((item) => maskValue(item, secrets, depth + 1));
  if (typeof value === 'object' && value !== null) {
    // fromEntries defines own properties, so a key named `__proto__` stays plain data.
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskValue(item, secrets, depth + 1)]));
  }
  return value;
}

const MAX_MASK_DEPTH = 200;
const NESTED_TOO_DEEP = `(nested deeper than ${MAX_MASK_DEPTH} levels; left out)`;
