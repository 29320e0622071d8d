import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeWithFixtures, fixturePath } from '../test-support/fixtures';
import { runPipeline, runText } from './testing';

describeWithFixtures('sarif fixtures', () => {
  it('reads Gitleaks 7 results without rule ids', async () => {
    const relative = 'secrets-gitleaks/dd-gitleaks_7.5.0.sarif';
    const [entry] = await runPipeline(relative, new Uint8Array(readFileSync(fixturePath(relative))));
    const [first] = entry.findings;
    expect(first.kind).toBe('secret');
    expect(first.checkId).toBe('AWS Access Key');
    expect(first.resourceId).toMatch(/gitlab_secret_detection_report_1_vuln\.json:13$/);
    expect(first.hints.serviceName).toBe('iam');
    // The peer rates it medium (SARIF's default level); the log states no level, so our secret rule applies.
    expect(first.severity).toBe('high');
  });
});

function log(tool: string, results: unknown[], rules: unknown[] = []) {
  return JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: tool, rules } }, results }] });
}

const tfsecResult = {
  ruleId: 'aws-s3-enable-bucket-encryption',
  level: 'error',
  message: { text: "Resource 'aws_s3_bucket.data' defines an unencrypted S3 bucket." },
  locations: [{ physicalLocation: { artifactLocation: { uri: 'main.tf' }, region: { startLine: 12 } } }],
};

describe('sarif', () => {
  it('reads IaC tools as IaC findings', async () => {
    const entry = await runText('tfsec.sarif', log('tfsec', [tfsecResult]));
    const [finding] = entry.findings;
    expect(entry.format).toBe('sarif');
    expect(finding.kind).toBe('iac');
    expect(finding.severity).toBe('high');
    expect(finding.resourceType).toBe('aws_s3_bucket');
    expect(finding.resourceId).toBe('main.tf:12');
    expect(finding.sourceTool).toBe('tfsec');
  });

  it('reads other tools as code findings', async () => {
    const rules = [{ id: 'js/sql-injection', shortDescription: { text: 'SQL injection' }, properties: { 'security-severity': '8.8', tags: ['external/cwe/cwe-089'] } }];
    const result = { ruleIndex: 0, message: { text: 'Query built from user input.' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'app.js' }, region: { startLine: 5 } } }] };
    const [finding] = (await runText('codeql.sarif', log('CodeQL', [result], rules))).findings;
    expect(finding.kind).toBe('vulnerability');
    expect(finding.title).toBe('SQL injection');
    expect(finding.severity).toBe('high');
    expect(finding.hints.cwes).toEqual(['CWE-89']);
  });

  const statuses: [string, object, string][] = [
    ['pass', { kind: 'pass' }, 'passed'],
    ['accepted suppression', { suppressions: [{ kind: 'inSource' }] }, 'suppressed'],
    ['absent from baseline', { baselineState: 'absent' }, 'resolved'],
    ['review', { kind: 'review' }, 'unknown'],
    ['fail', {}, 'open'],
  ];
  for (const [name, fields, status] of statuses) {
    it(`maps ${name} to ${status}`, async () => {
      const [finding] = (await runText('x.sarif', log('checkov', [{ ...tfsecResult, ...fields }]))).findings;
      expect(finding.status).toBe(status);
    });
  }

  it('rejects a result without a rule', async () => {
    const entry = await runText('x.sarif', log('checkov', [{ message: { text: 'no rule here' } }]));
    expect(entry.outcomes[0]).toMatchObject({ ok: false, problem: { code: 'missing_field', path: 'ruleId' } });
  });
});
