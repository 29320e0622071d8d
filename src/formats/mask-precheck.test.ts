import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeWithFixtures, FIXTURES_DIR, fixturePath, fixturesIn, hasFixtures } from '../test-support/fixtures';
import { applyTextRules, mayHoldSecret } from './mask';

/** Pieces of texts that the masking rules react to, and ordinary text between them. */
const FRAGMENTS = [
  'AKIA', 'ASIA', 'ABIA', 'ACCA', 'akia', 'IOSFODNN7EXAMPLE', '0123456789ABCDEF',
  'ghp_', 'gho_', 'github_pat_', 'xoxb-', 'xoxp-', 'hooks.slack.com/services/', 'T0000/B0000/XXXXXXXX',
  'eyJ', 'hbGciOiJIUzI1NiJ9', '.', 'Bearer ', 'Bearer', 'bearer ', 'BEARER', 'abcdefgh12345678',
  '-----BEGIN RSA PRIVATE KEY-----', '-----BEGIN ', 'PRIVATE KEY', '-----END RSA PRIVATE KEY-----', 'MIIEpAIBAAKCAQEA',
  'password', 'PASSWD', 'Passphrase', 'secret', 'Secret_Access_Key', 'aws_secret_access_key', 'token', 'TOKEN',
  'api-key', 'ApiKey', 'access_key', 'private-key', 'credentials', '_pass', '.pwd', '-PASS', 'hashed_',
  ':', '=', '=>', '"', "'", '\\"', '\\', ' ', '\t', '\n', '\\n', '://', '@', '/', ',', '{', '}',
  'user', 'host', 'db.example.com', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'hunter22', 'true', 'none',
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod', 'S3 bucket', 'Finding 7.',
];

const fragmentText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((parts) => parts.join(''));
const mixedText = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 10 }).map((parts) => parts.join(''));

/** `key = value` in the spellings of env files, JSON, YAML and escaped JSON inside JSON. */
const assignmentText = fc
  .tuple(
    fc.constantFrom('', 'export ', '{"', 'x '),
    fc.constantFrom('DB_PASSWORD', 'x_pass', 'my.pwd', 'db-pass', 'Token', 'api_key', 'apiKey', 'ACCESS-KEY', 'private_key', 'credentials', 'passphrase', 'client_secret', 'passwd'),
    fc.constantFrom('', '"', "'", '\\"'),
    fc.constantFrom(':', '=', '=>', ' = ', ': ', '\t:'),
    fc.constantFrom('', '"', "'", '\\"'),
    fc.constantFrom('hunter22', 'abc', 'true', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 's3cr3t value'),
    fc.constantFrom('', '"', ',', ' rest', '\n'),
  )
  .map((parts) => parts.join(''));

/** Tokens and URLs with credentials, alone or inside other text. */
const tokenText = fc
  .tuple(
    fc.constantFrom('', 'see ', 'url=', '('),
    fc.constantFrom('Bearer ', 'Bearer\t', 'https://', 'postgres://', 'ghp_', 'github_pat_', 'xoxb-', 'AKIA', 'eyJ'),
    fc.constantFrom('abcdefgh12345678', 'admin:hunter22@db.example.com', 'IOSFODNN7EXAMPLE', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8', 'hbGciOi.eyJzdWIiOi.sig'),
    fc.constantFrom('', ' ', ')', '/path'),
  )
  .map((parts) => parts.join(''));

/** Collects every string value and object key of a parsed JSON document. */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      stringsIn(item, out);
    }
  }
  return out;
}

describe('mayHoldSecret', () => {
  it('passes each secret shape', () => {
    const samples = [
      'key AKIAIOSFODNN7EXAMPLE here',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8',
      'xoxb-123456789012-abcdefghij',
      'https://hooks.slack.com/services/T0000/B0000/XXXXXXXX',
      'eyJhbGciOi.eyJzdWIiOi.sig',
      'Authorization: Bearer abcdefgh12345678',
      'postgres://admin:hunter22@db.example.com/app',
      'DB_PASSWORD=hunter22',
      '"client_secret": "abc123456"',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIE',
    ];
    for (const sample of samples) expect(mayHoldSecret(sample), sample).toBe(true);
  });

  it('skips ordinary text', () => {
    expect(mayHoldSecret('S3 general purpose buckets should block public access')).toBe(false);
    expect(mayHoldSecret('arn:aws:s3:::my-bucket')).toBe(false);
  });

  it('passes every generated text the rules change', () => {
    fc.assert(
      fc.property(fc.oneof(fragmentText, mixedText, assignmentText, tokenText), (text) => {
        if (applyTextRules(text) !== text) expect(mayHoldSecret(text), JSON.stringify(text)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});

/** Returns the texts of a fixture: every string of a JSON document, else every line (CSV, JSON Lines, YAML). */
function textsOf(file: string): string[] {
  const text = readFileSync(fixturePath(file), 'utf8');
  try {
    return stringsIn(JSON.parse(text));
  } catch {
    return text.split('\n');
  }
}

describeWithFixtures('mayHoldSecret on fixtures', () => {
  const folders = hasFixtures ? readdirSync(FIXTURES_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory()) : [];
  for (const { name: folder } of folders) {
    it(`passes every ${folder} text the rules change`, () => {
      for (const file of fixturesIn(folder)) {
        for (const text of textsOf(file)) {
          if (applyTextRules(text) !== text) expect(mayHoldSecret(text), `${file}: ${text.slice(0, 80)}`).toBe(true);
        }
      }
    });
  }
});
