/**
 * Known secret values fed through inputs that can carry them never appear in any output of the command
 * line: the JSON summary, every export format and the HTML report.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asffFinding, asffPageText, jsonLinesText } from '../test-support/hostile';
import { decodeReport } from '../report/report-codec';
import { main } from './main';

const ACCESS_KEY_ID = 'AKIAQWERTYUIOPASDFGH';
const SECRET_ACCESS_KEY = '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';
const GITHUB_TOKEN = 'ghp_' + 'Qw3rTy5Ui7Op9As1Df3Gh5Jk7Lz9Xc1Vb3Nm5Q';
const PEM_BODY = 'MIIEowIBAAKCAQEAq7BFUpkGp3+LQmlQOVEZ9Ynvsd2ZKyvElL4nCR7kmr8VAx5r';
const SECRETS = [ACCESS_KEY_ID, SECRET_ACCESS_KEY, GITHUB_TOKEN, PEM_BODY];

const directory = mkdtempSync(join(tmpdir(), 'srd-secrets-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(directory, name);
  writeFileSync(path, text);
  return path;
}

/** An ASFF finding whose description and resource details (EC2 user data) carry secrets. */
const asffPath = write(
  'asff.json',
  asffPageText([
    asffFinding(0, {
      Description: `Found aws_secret_access_key = ${SECRET_ACCESS_KEY} for ${ACCESS_KEY_ID}`,
      Resources: [
        {
          Type: 'AwsEc2Instance',
          Id: 'arn:aws:ec2:us-east-1:111122223333:instance/i-0abc',
          Region: 'us-east-1',
          Details: { Other: { UserData: `export GITHUB_TOKEN=${GITHUB_TOKEN}\n-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n-----END RSA PRIVATE KEY-----` } },
        },
      ],
    }),
  ]),
);

/** A Gitleaks v8 report and a TruffleHog v3 line that hold the plain secrets. */
const gitleaksPath = write(
  'gitleaks.json',
  JSON.stringify([
    { Description: 'AWS', StartLine: 3, EndLine: 3, StartColumn: 1, EndColumn: 40, Match: `aws_access_key_id=${ACCESS_KEY_ID}`, Secret: ACCESS_KEY_ID, File: 'deploy/.env', Commit: 'abc123', RuleID: 'aws-access-token', Fingerprint: 'abc123:deploy/.env:aws-access-token:3' },
    { Description: 'GitHub', StartLine: 9, EndLine: 9, StartColumn: 1, EndColumn: 40, Match: `token: ${GITHUB_TOKEN}`, Secret: GITHUB_TOKEN, File: 'ci.yml', Commit: 'abc123', RuleID: 'github-pat', Fingerprint: 'abc123:ci.yml:github-pat:9' },
  ]),
);
const trufflehogPath = write(
  'trufflehog.json',
  jsonLinesText([
    { SourceMetadata: { Data: { Git: { file: 'keys', line: 2, commit: 'def456' } } }, DetectorName: 'AWS', Verified: true, Raw: ACCESS_KEY_ID, RawV2: `${ACCESS_KEY_ID}${SECRET_ACCESS_KEY}`, Redacted: ACCESS_KEY_ID },
    { SourceMetadata: { Data: { Git: { file: 'id_rsa', line: 1, commit: 'def456' } } }, DetectorName: 'PrivateKey', Verified: false, Raw: `-----BEGIN RSA PRIVATE KEY-----\n${PEM_BODY}\n-----END RSA PRIVATE KEY-----` },
  ]),
);
const inputs = [asffPath, gitleaksPath, trufflehogPath];

async function outputOf(...argv: string[]): Promise<string> {
  let text = '';
  const code = await main(argv, { stdout: (chunk) => (text += chunk), stderr: (chunk) => (text += chunk) });
  expect(code).toBe(0);
  return text;
}

function expectNoSecret(output: string): void {
  for (const secret of SECRETS) expect(output).not.toContain(secret);
}

describe('secret values in outputs', () => {
  it('reads every input', async () => {
    const summary = JSON.parse(await outputOf('summary', '--json', '--quiet', ...inputs)) as { totals: { findings: number } };
    expect(summary.totals.findings).toBe(5);
  });

  it('stay out of the summary', async () => {
    expectNoSecret(await outputOf('summary', '--json', ...inputs));
    expectNoSecret(await outputOf('summary', ...inputs));
  });

  it('stay out of every export', async () => {
    for (const format of ['jsonl', 'csv', 'json']) expectNoSecret(await outputOf('export', '--format', format, ...inputs));
  });

  it('stay out of the report', async () => {
    const report = join(directory, 'report.html');
    await outputOf('report', '--quiet', '--include-passed', '--raw', '-o', report, ...inputs);
    const html = readFileSync(report, 'utf8');
    expectNoSecret(html);
    // The findings are embedded compressed, so search the decoded content too.
    const embedded = /<script type="application\/octet-stream" id="srd-report-data">([^<]*)<\/script>/.exec(html);
    expect(embedded).not.toBeNull();
    const content = JSON.stringify(decodeReport(embedded![1].trim()));
    expect(content).toContain('AKIA');
    expectNoSecret(content);
  }, 120_000);
});
