import { describe, expect, it } from 'vitest';
import { MASK, maskKnownSecrets, maskSecret, maskSecretsInText } from './mask';

// AWS documentation example credentials and made-up tokens of the right shape.
const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const GITHUB_TOKEN = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
const GITHUB_PAT = 'github_pat_' + '11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGH';
const SLACK_TOKEN = 'xoxb-' + '123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx';
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.' +
  'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const PEM_BODY = [
  'MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi2GqTgZJ3mNoP1uOOUdNtOGb9x',
  'kzVw0uJYzQgnQ7h1FQz1y5ZbWv1Ql7mFkS8UjxWb9A3n2pXGvYm6qL3d8R2cT0aY',
];
const PEM = `-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY.join('\n')}\n-----END RSA PRIVATE KEY-----`;

describe('maskSecret', () => {
  it('keeps four characters at each end of an AWS access key id', () => {
    expect(maskSecret(ACCESS_KEY_ID)).toBe('AKIA************MPLE');
  });

  it('keeps four leading characters of a long secret', () => {
    expect(maskSecret(SECRET_ACCESS_KEY)).toBe(`wJal${MASK}`);
  });

  it('hides the length of long secrets', () => {
    expect(maskSecret('a'.repeat(20)).length).toBe(maskSecret('b'.repeat(400)).length);
  });

  it('shows less of shorter secrets', () => {
    expect(maskSecret('hunter22')).toBe(`hu${MASK}`);
    expect(maskSecret('abc')).toBe(MASK);
    expect(maskSecret('')).toBe('');
  });

  it('keeps the BEGIN and END lines of a PEM key', () => {
    const masked = maskSecret(PEM);
    expect(masked).toBe(`-----BEGIN RSA PRIVATE KEY-----\n${MASK}\n-----END RSA PRIVATE KEY-----`);
  });

  it('keeps a bare PEM header as it is', () => {
    expect(maskSecret('-----BEGIN OPENSSH PRIVATE KEY-----')).toBe('-----BEGIN OPENSSH PRIVATE KEY-----');
  });

  it('is idempotent', () => {
    for (const value of [ACCESS_KEY_ID, SECRET_ACCESS_KEY, GITHUB_TOKEN, PEM, 'hunter22', 'abc']) {
      const once = maskSecret(value);
      expect(maskSecret(once)).toBe(once);
    }
  });

  it('keeps whole code points in the prefix', () => {
    expect(maskSecret('😂'.repeat(10))).toBe(`${'😂'.repeat(4)}${MASK}`);
  });
});

describe('maskSecretsInText', () => {
  const cases: { name: string; text: string; secret: string }[] = [
    { name: 'access key id in prose', text: `key ${ACCESS_KEY_ID} leaked`, secret: ACCESS_KEY_ID },
    { name: 'secret key in a credentials file', text: `aws_secret_access_key = ${SECRET_ACCESS_KEY}\n`, secret: SECRET_ACCESS_KEY },
    { name: 'secret key in JSON', text: `{"SecretAccessKey": "${SECRET_ACCESS_KEY}"}`, secret: SECRET_ACCESS_KEY },
    { name: 'secret key in an env var', text: `export AWS_SECRET_ACCESS_KEY=${SECRET_ACCESS_KEY}`, secret: SECRET_ACCESS_KEY },
    { name: 'GitHub classic token', text: `token ${GITHUB_TOKEN}`, secret: GITHUB_TOKEN },
    { name: 'GitHub fine-grained token', text: `use ${GITHUB_PAT} here`, secret: GITHUB_PAT },
    { name: 'Slack token', text: `SLACK=${SLACK_TOKEN}`, secret: SLACK_TOKEN },
    { name: 'JWT', text: `Authorization: ${JWT}`, secret: JWT },
    { name: 'bearer token', text: 'Authorization: Bearer abcdef0123456789abcdef', secret: 'abcdef0123456789abcdef' },
    { name: 'password in user data', text: '#!/bin/bash\nDB_PASSWORD=S3cr3tPassw0rd!\n', secret: 'S3cr3tPassw0rd!' },
    { name: 'quoted password with spaces', text: "password: 'correct horse battery'", secret: 'correct horse battery' },
    { name: 'YAML secret', text: 'client_secret: 9f8e7d6c5b4a3210\n', secret: '9f8e7d6c5b4a3210' },
    { name: 'token query parameter', text: 'https://api.example.com/v1?token=qwertyuiop123&x=1', secret: 'qwertyuiop123' },
    {
      name: 'connection string password',
      text: 'Server=db;Database=app;User Id=sa;Password=Pa55w0rd#2024;',
      secret: 'Pa55w0rd#2024',
    },
    { name: 'URL password', text: 'postgres://admin:hunter2hunter2@db.internal:5432/app', secret: 'hunter2hunter2' },
    { name: 'JSON in JSON', text: '{"line": "export GITHUB_TOKEN=\\"c77e01c1e89682e4d4b94a05\\""}', secret: 'c77e01c1e89682e4d4b94a05' },
    { name: 'escaped quote inside value', text: '{"password": "ab\\"cdefgh"}', secret: 'cdefgh' },
  ];

  for (const { name, text, secret } of cases) {
    it(`masks ${name}`, () => {
      const masked = maskSecretsInText(text);
      expect(masked).not.toContain(secret);
      expect(masked).toContain(MASK.slice(0, 4));
    });
  }

  it('masks a PEM body with real line breaks', () => {
    const masked = maskSecretsInText(`key:\n${PEM}\nafter`);
    expect(masked).toBe(`key:\n-----BEGIN RSA PRIVATE KEY-----\n${MASK}\n-----END RSA PRIVATE KEY-----\nafter`);
  });

  it('masks a PEM body inside a JSON string', () => {
    const json = JSON.stringify({ key: PEM });
    const masked = maskSecretsInText(json);
    for (const line of PEM_BODY) expect(masked).not.toContain(line);
    expect(JSON.parse(masked)).toEqual({ key: `-----BEGIN RSA PRIVATE KEY-----\n${MASK}\n-----END RSA PRIVATE KEY-----` });
  });

  it('masks a PEM body without an END line', () => {
    const masked = maskSecretsInText(`-----BEGIN OPENSSH PRIVATE KEY-----\n${PEM_BODY[0]}\n${PEM_BODY[1]}`);
    expect(masked).not.toContain(PEM_BODY[0]);
    expect(masked).not.toContain(PEM_BODY[1]);
  });

  it('masks PGP private key blocks', () => {
    const block = `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${PEM_BODY[0]}\n-----END PGP PRIVATE KEY BLOCK-----`;
    expect(maskSecretsInText(block)).not.toContain(PEM_BODY[0]);
  });

  const untouched: { name: string; text: string }[] = [
    { name: 'IAM role ARN', text: 'arn:aws:iam::123456789012:role/token-rotation-role' },
    { name: 'Secrets Manager ARN', text: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf' },
    { name: 'commit SHA', text: '{"commit": "d54ce70d0cf883054ed256db46406a5df551f000"}' },
    { name: 'SHA-256 fingerprint', text: 'sha256:70d28c075a7cda7f4b6b4a9b7f5c48a7d2213c8a4fc1332b8eabd5805a8f177a' },
    { name: 'detect-secrets hash', text: '"hashed_secret": "bd564db5d5cc358eb0e3523d3e03041739f230d5"' },
    { name: 'password policy numbers', text: '{"MinimumPasswordLength": 14, "RequireNumbers": true}' },
    { name: 'boolean password flag', text: '{"RequirePassword": true, "PasswordReusePrevention": 24}' },
    { name: 'IAM unique ids', text: 'user AIDAYVP4CIPPJ5M54LRCY role AROAYVP4CIPPJ5M54LRCY' },
    { name: 'security group id', text: 'sg-1234567899900 in vpc-1234567890' },
    { name: 'UUID', text: '123e4567-e89b-12d3-a456-426655440000' },
    { name: 'Kubernetes kind', text: 'kind: Secret\nmetadata:\n  name: db\n' },
    { name: 'token type field', text: '{"tokenType": "Bearer", "secretArn": "arn:aws:secretsmanager:eu-west-1:1:secret:x"}' },
    { name: 'URL without credentials', text: 'https://docs.aws.amazon.com/console/securityhub/EC2.19/remediation' },
    { name: 'public key block', text: '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----' },
    { name: 'bare PEM header', text: '"offender": "-----BEGIN PRIVATE KEY-----",' },
  ];

  for (const { name, text } of untouched) {
    it(`leaves ${name} alone`, () => {
      expect(maskSecretsInText(text)).toBe(text);
    });
  }

  it('is idempotent', () => {
    const text = cases.map((entry) => entry.text).join('\n') + `\n${PEM}\n`;
    const once = maskSecretsInText(text);
    expect(maskSecretsInText(once)).toBe(once);
  });
});

describe('maskKnownSecrets', () => {
  it('masks every occurrence of a known value', () => {
    const masked = maskKnownSecrets('apikey = "dfjksdjfs3294dfjlsdaf213" # dfjksdjfs3294dfjlsdaf213', [
      'dfjksdjfs3294dfjlsdaf213',
    ]);
    expect(masked).not.toContain('dfjksdjfs3294dfjlsdaf213');
  });

  it('ignores values too short to match safely', () => {
    expect(maskKnownSecrets('a b c', ['a'])).toBe('a b c');
  });
});

describe('maskSecretsInText speed', () => {
  // Generous bounds: they catch quadratic or exponential scans, not small regressions.
  const cases: { name: string; text: string }[] = [
    { name: 'long alphanumeric run', text: 'a'.repeat(2_000_000) },
    { name: 'long base64 run', text: 'QUtJQVlWUDRDSVBQRVJVVklGWEc='.repeat(80_000) },
    { name: 'repeated keywords without values', text: 'password=\n'.repeat(200_000) },
    { name: 'repeated open quotes', text: 'password: "x '.repeat(150_000) },
    { name: 'repeated PEM headers without END', text: '-----BEGIN RSA PRIVATE KEY-----abc '.repeat(50_000) },
    { name: 'repeated JWT prefixes', text: 'eyJhbGci.'.repeat(200_000) },
    { name: 'repeated URL schemes', text: 'x://user:'.repeat(200_000) },
    {
      name: 'realistic JSON findings',
      text: JSON.stringify(
        Array.from({ length: 5_000 }, (_, index) => ({
          Id: `arn:aws:securityhub:us-east-1:123456789012:subscription/x/finding/${index}`,
          Description: 'This control checks whether the password policy requires 14 characters. '.repeat(4),
          Resources: [{ Id: `arn:aws:s3:::bucket-${index}`, Details: { UserData: `DB_PASSWORD=p${index}xyz` } }],
        })),
      ),
    },
  ];

  for (const { name, text } of cases) {
    it(`scans ${name} in linear time`, () => {
      const started = performance.now();
      maskSecretsInText(text);
      expect(performance.now() - started).toBeLessThan(3_000);
    });
  }
});
