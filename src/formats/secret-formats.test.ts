import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeWithFixtures, fixturePath, fixturesIn } from '../test-support/fixtures';
import type { ParsedFinding } from '../model/finding';
import { runPipeline, runText } from './testing';

// AWS documentation example credentials and a made-up GitHub token and RSA key of the right shape.
const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const GITHUB_TOKEN = 'ghp_' + 'Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBaZy';
const PEM_LINES = [
  'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
  'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
  'LxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo',
];
const PEM = ['-----BEGIN RSA PRIVATE KEY-----', ...PEM_LINES, '-----END RSA PRIVATE KEY-----'].join('\n');

const PLAIN_VALUES = [ACCESS_KEY_ID, SECRET_ACCESS_KEY, GITHUB_TOKEN, ...PEM_LINES];
const ENCODED_VALUES = [ACCESS_KEY_ID, SECRET_ACCESS_KEY, GITHUB_TOKEN, PEM].map((value) => btoa(value));

function expectNoPlainSecret(findings: ParsedFinding[]): void {
  const text = JSON.stringify(findings);
  for (const value of [...PLAIN_VALUES, ...ENCODED_VALUES]) expect(text).not.toContain(value);
}

const gitleaksV8 = JSON.stringify([
  { RuleID: 'aws-access-token', Description: 'AWS', File: 'deploy/.env', StartLine: 3, Secret: ACCESS_KEY_ID, Match: `AWS_ACCESS_KEY_ID=${ACCESS_KEY_ID}`, Commit: 'abc', Tags: [] },
  { RuleID: 'aws-secret-key', Description: 'AWS secret', File: 'deploy/.env', StartLine: 4, Secret: SECRET_ACCESS_KEY, Match: `AWS_SECRET_ACCESS_KEY=${SECRET_ACCESS_KEY}`, Line: `export AWS_SECRET_ACCESS_KEY=${SECRET_ACCESS_KEY}` },
  { RuleID: 'private-key', Description: 'Private Key', File: 'id_rsa', StartLine: 1, Secret: PEM, Match: PEM, Message: `add key\n${PEM}` },
  { RuleID: 'github-pat', Description: 'GitHub Personal Access Token', File: 'ci.yml', StartLine: 9, Secret: GITHUB_TOKEN, Match: `token: ${GITHUB_TOKEN}` },
]);

const gitleaksV7 = JSON.stringify([
  { rule: 'AWS Access Key', offender: ACCESS_KEY_ID, line: `key = "${ACCESS_KEY_ID}"`, lineNumber: 2, file: 'a.py', commit: 'c1', tags: 'key, AWS' },
  { rule: 'Github', offender: `GITHUB_TOKEN="${GITHUB_TOKEN}"`, line: `export GITHUB_TOKEN="${GITHUB_TOKEN}"`, file: '.bashrc', commit: 'c2', tags: 'key, Github' },
]);

const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;
const gitleaksCsv = [
  'RuleID,Commit,File,SymlinkFile,Secret,Match,StartLine,EndLine,StartColumn,EndColumn,Author,Message,Date,Email,Fingerprint,Tags',
  ['private-key', 'c3', 'key.pem', '', csvCell(PEM), csvCell(PEM), '1', '5', '1', '1', 'Dev', 'msg', '2024-01-01T00:00:00Z', 'd@example.com', 'c3:key.pem:private-key:1', ''].join(','),
  ['aws-secret-key', 'c3', 'app.py', '', SECRET_ACCESS_KEY, csvCell(`secret = "${SECRET_ACCESS_KEY}"`), '7', '7', '1', '1', 'Dev', 'msg', '2024-01-01T00:00:00Z', 'd@example.com', 'fp', ''].join(','),
].join('\n');

const sarifLog = JSON.stringify({
  version: '2.1.0',
  runs: [
    {
      tool: { driver: { name: 'gitleaks', rules: [{ id: 'aws-access-token', name: 'AWS' }, { id: 'github-pat', name: 'GitHub PAT' }] } },
      results: [
        {
          ruleId: 'aws-access-token',
          message: { text: 'aws-access-token has detected secret for file deploy/.env.' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'deploy/.env' }, region: { startLine: 3, snippet: { text: ACCESS_KEY_ID } } } }],
          partialFingerprints: { commitSha: 'abc' },
        },
        {
          ruleId: 'github-pat',
          message: { text: 'github-pat has detected secret for file ci.yml.' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'ci.yml' }, region: { startLine: 9, snippet: { text: GITHUB_TOKEN } } } }],
        },
        {
          message: { text: 'AWS secret detected' },
          properties: { offender: SECRET_ACCESS_KEY, commit: 'c4' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'x.env' }, region: { startLine: 1, snippet: { text: `AWS_SECRET_ACCESS_KEY=${SECRET_ACCESS_KEY}` } } } }],
        },
      ],
    },
  ],
});

const trufflehogV3 = [
  { DetectorName: 'AWS', Raw: btoa(ACCESS_KEY_ID), RawV2: btoa(ACCESS_KEY_ID + SECRET_ACCESS_KEY), Redacted: ACCESS_KEY_ID, Verified: true, ExtraData: { account: '123456789012' }, SourceMetadata: { Data: { Git: { file: 'keys', line: 4, commit: 'c5' } } } },
  { DetectorName: 'PrivateKey', Raw: btoa(PEM), Redacted: '', Verified: false, SourceMetadata: { Data: { Filesystem: { file: 'id_rsa', line: 1 } } } },
  { DetectorName: 'Github', Raw: btoa(GITHUB_TOKEN), Redacted: '', Verified: false, SourceMetadata: { Data: { Git: { file: 'ci.yml', line: 9, commit: 'c6' } } } },
]
  .map((line) => JSON.stringify(line))
  .join('\n');

const trufflehogV2 = [
  { branch: 'main', commitHash: 'c7', path: 'settings.py', reason: 'AWS API Key', stringsFound: [ACCESS_KEY_ID], diff: `+AWS_KEY = "${ACCESS_KEY_ID}"\n+AWS_SECRET = "${SECRET_ACCESS_KEY}"`, printDiff: `\u001b[93m${ACCESS_KEY_ID}\u001b[0m` },
  { branch: 'main', commitHash: 'c8', path: 'id_rsa', reason: 'RSA private key', stringsFound: [PEM], diff: `+${PEM.replace(/\n/g, '\n+')}`, printDiff: PEM },
]
  .map((line) => JSON.stringify(line))
  .join('\n');

const SECRET_DOCUMENTS: { name: string; file: string; text: string; format: string; records: number }[] = [
  { name: 'Gitleaks v8 JSON', file: 'gitleaks.json', text: gitleaksV8, format: 'gitleaks', records: 4 },
  { name: 'Gitleaks v7 JSON', file: 'gitleaks7.json', text: gitleaksV7, format: 'gitleaks', records: 2 },
  { name: 'Gitleaks CSV', file: 'gitleaks.csv', text: gitleaksCsv, format: 'gitleaks', records: 2 },
  { name: 'Gitleaks SARIF', file: 'gitleaks.sarif', text: sarifLog, format: 'sarif', records: 3 },
  { name: 'TruffleHog v3', file: 'trufflehog.jsonl', text: trufflehogV3, format: 'trufflehog', records: 3 },
  { name: 'TruffleHog v2', file: 'trufflehog2.jsonl', text: trufflehogV2, format: 'trufflehog', records: 2 },
];

describe('secret formats', () => {
  for (const document of SECRET_DOCUMENTS) {
    it(`mask every secret in ${document.name}`, async () => {
      const entry = await runText(document.file, document.text);
      expect(entry.problem).toBeNull();
      expect(entry.format).toBe(document.format);
      expect(entry.findings).toHaveLength(document.records);
      expectNoPlainSecret(entry.findings);
    });

    it(`mark AWS credentials for IAM in ${document.name}`, async () => {
      const entry = await runText(document.file, document.text);
      for (const finding of entry.findings) {
        const isAws = /aws/i.test(finding.checkId ?? '') || finding.description.includes('AKIA');
        expect(finding.kind).toBe('secret');
        expect(finding.resourceType).toBe('file');
        expect(finding.hints.serviceName, finding.title).toBe(isAws ? 'iam' : undefined);
      }
    });
  }

  it('keep the masked key id recognisable', async () => {
    const entry = await runText('gitleaks.json', gitleaksV8);
    expect(entry.findings[0].description).toContain('AKIA************MPLE');
  });

  it('give the same leak the same id in every commit', async () => {
    const twice = JSON.stringify([
      { RuleID: 'aws-access-token', File: 'a.env', StartLine: 1, Secret: ACCESS_KEY_ID, Match: ACCESS_KEY_ID, Commit: 'one' },
      { RuleID: 'aws-access-token', File: 'a.env', StartLine: 1, Secret: ACCESS_KEY_ID, Match: ACCESS_KEY_ID, Commit: 'two' },
    ]);
    const entry = await runText('gitleaks.json', twice);
    expect(entry.findings[0].id).toBe(entry.findings[1].id);
    expect(entry.findings[0].resourceId).toBe(entry.findings[1].resourceId);
  });

  it('rate private keys and cloud keys high, others medium', async () => {
    const entry = await runText('gitleaks.json', gitleaksV8);
    expect(entry.findings.map((finding) => finding.severity)).toEqual(['high', 'high', 'high', 'medium']);
  });

  it('rate verified TruffleHog secrets critical', async () => {
    const entry = await runText('trufflehog.jsonl', trufflehogV3);
    expect(entry.findings.map((finding) => finding.severity)).toEqual(['critical', 'high', 'medium']);
  });
});

/** Plain secrets the shared fixtures hold; none may survive reading. */
const FIXTURE_SECRETS = [
  'AKIAIOSFODNN7EXAMPLE',
  'c77e01c1e89682e4d4b94a059a7fd2b37ab326ed',
  '38c47f19e349153fa963bb3b3212fe8e-us11',
  'dfjksdjfs3294dfjlsdaf213',
  'secretAWSsecret',
  'AKIAYVP4CIPPERUVIFXG',
  'QUtJQVlWUDRDSVBQRVJVVklGWEc=',
  'admin:admin@the-internet',
  // The body of the OpenSSH key that the TruffleHog v3 sample contains base64-encoded in Raw.
  'b3BlbnNzaC1rZXktdjEAAAAACmFlczI1Ni1jdHIAAAAGYmNyeXB0AAAAGAAAABAjNIZuun',
];

describeWithFixtures('secret fixtures', () => {
  const files = [...fixturesIn('secrets-gitleaks'), ...fixturesIn('secrets-trufflehog'), ...fixturesIn('secrets-detect-secrets')];
  for (const relative of files) {
    it(`keep no plain secret from ${relative}`, async () => {
      const [entry] = await runPipeline(relative, new Uint8Array(readFileSync(fixturePath(relative))));
      const text = JSON.stringify(entry.findings);
      for (const secret of FIXTURE_SECRETS) expect(text).not.toContain(secret);
    });
  }
});
