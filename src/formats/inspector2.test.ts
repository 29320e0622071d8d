import { describe, expect, it } from 'vitest';
import { describeWithFixtures, expectedRecords, fixturesIn } from '../test-support/fixtures';
import { fixtureInputs, parseFixture, parseText, recordCount } from '../test-support/parse-fixture';
import { isEmptyDocument } from './registry';

describeWithFixtures('inspector2 fixtures', () => {
  it.each(fixturesIn('inspector2'))('%s: record count', async (file) => {
    const [input] = await fixtureInputs(file);
    if (isEmptyDocument(input)) {
      // `{}` has no findings key, so it is no Inspector page and ingest reports it as an empty document.
      expect(expectedRecords(file)).toBe(0);
      return;
    }
    const entry = await parseFixture(file);
    expect(entry.format?.id, entry.tried.map((attempt) => `${attempt.id}: ${attempt.reason}`).join('\n')).toBe('inspector2');
    expect(recordCount(entry)).toBe(expectedRecords(file));
    expect(entry.problems).toEqual([]);
  });

  it('empty_with_error is an empty document', async () => {
    const [input] = await fixtureInputs('inspector2/dd-empty_with_error.json');
    expect(isEmptyDocument(input)).toBe(true);
  });

  it('one_vul: fields DefectDojo asserts', async () => {
    const entry = await parseFixture('inspector2/dd-aws_inspector2_one_vul.json');
    const only = entry.findings[0];
    expect(only.title).toBe('CVE-2021-3744 - linux');
    expect(only.severity).toBe('medium');
    expect(only.kind).toBe('vulnerability');
    expect(only.cves).toEqual(['CVE-2021-3744']);
    expect(only.checkId).toBe('CVE-2021-3744');
    expect(only.resourceType).toBe('AWS_ECR_CONTAINER_IMAGE');
    expect(only.hints.packageManagers).toEqual(['OS']);
    expect(only.hints.inspectorType).toBe('PACKAGE_VULNERABILITY');
    expect(only.remediation).toBe('apt-get update && apt-get upgrade');
    expect(only.remediationUrl).toBe('https://security-tracker.debian.org/tracker/CVE-2021-3744');
    // The CVSS vector and score are not finding fields; they stay in the raw record.
    expect(only.raw).toContain('CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:N/I:N/A:H');
  });

  it('many_vul: closed finding is resolved', async () => {
    const entry = await parseFixture('inspector2/dd-aws_inspector2_many_vul.json');
    const closed = entry.findings[0];
    expect(closed.status).toBe('resolved');
    // DefectDojo's mitigation time 2024-06-14T04:03:53.051+02:00 is the finding's updatedAt.
    expect(closed.lastUpdated).toBe('2024-06-14T02:03:53.051Z');
    expect(entry.findings.filter((item) => item.status === 'open')).toHaveLength(7);
    // UNTRIAGED has no severity yet.
    expect(entry.findings[1].severity).toBe('informational');
    expect(entry.findings[7].resourceType).toBe('AWS_EC2_INSTANCE');
  });

  it('multi-cwe file: code vulnerability on Lambda', async () => {
    const entry = await parseFixture('inspector2/dd-aws_inspector2_package_vuln_metadata_multi_cwe_fabricated.json');
    const code = entry.findings[0];
    expect(code.title).toBe('CWE-117,93 - Log injection');
    expect(code.hints.cwes).toEqual(['CWE-117', 'CWE-93']);
    expect(code.hints.inspectorType).toBe('CODE_VULNERABILITY');
    expect(code.checkId).toBe('python-log-injection');
    expect(code.hints.lambdaPackageType).toBe('ZIP');
    expect(code.hints.lambdaRuntime).toBe('PYTHON_3_12');
    expect(code.tags.project).toBe('web-user-manager-api');
    expect(entry.findings[1].hints.packageManagers).toEqual(['GENERIC']);
  });

  it('placebo recording: datetimes and instance', async () => {
    const entry = await parseFixture('inspector2/c7n-placebo-inspector2-ListFindings.json');
    const first = entry.findings[0];
    expect(first.firstSeen).toBe('2023-09-08T20:07:30.366Z');
    expect(first.resourceId).toBe('i-07b035550fa86717d');
    expect(first.accountId).toBe('644160558196');
    expect(first.region).toBe('eu-central-1');
  });
});

function finding(overrides: Record<string, unknown> = {}) {
  return {
    findingArn: 'arn:aws:inspector2:us-east-1:111111111111:finding/f1',
    awsAccountId: '111111111111',
    type: 'NETWORK_REACHABILITY',
    title: 'Port 22 is reachable from an Internet Gateway',
    severity: 'MEDIUM',
    status: 'ACTIVE',
    resources: [{ type: 'AWS_EC2_INSTANCE', id: 'i-0aaa', region: 'us-east-1', tags: { 'aws:eks:cluster-name': 'prod' } }],
    ...overrides,
  };
}

describe('inspector2 synthetic', () => {
  it('reads network reachability as configuration', async () => {
    const entry = await parseText('findings.json', JSON.stringify({ findings: [finding()] }));
    expect(entry.format?.id).toBe('inspector2');
    expect(entry.findings[0].kind).toBe('configuration');
    expect(entry.findings[0].checkId).toBeNull();
    expect(entry.findings[0].hints.eksNode).toBe(true);
  });

  it('reads EventBridge events', async () => {
    const event = { source: 'aws.inspector2', 'detail-type': 'Inspector2 Finding', detail: finding({ status: 'SUPPRESSED' }) };
    const entry = await parseText('event.json', JSON.stringify(event));
    expect(entry.format?.id).toBe('inspector2');
    expect(entry.findings[0].status).toBe('suppressed');
  });

  it('claims an empty page', async () => {
    const entry = await parseText('page.json', JSON.stringify({ findings: [], nextToken: 'abc' }));
    expect(entry.format?.id).toBe('inspector2');
    expect(recordCount(entry)).toBe(0);
  });

  it('rejects bad findings next to good ones', async () => {
    const findings = [finding(), finding({ findingArn: undefined }), finding({ status: 'OPEN' }), finding({ severity: 'BAD', inspectorScore: 9.8 })];
    const entry = await parseText('page.json', JSON.stringify({ findings }));
    expect(entry.findings).toHaveLength(2);
    // Without a severity word the Inspector score is read as a CVSS score.
    expect(entry.findings[1].severity).toBe('critical');
    expect(entry.problems.map((problem) => [problem.record, problem.code, problem.path])).toEqual([
      [1, 'missing_field', 'findingArn'],
      [2, 'invalid_record', 'status'],
    ]);
  });
});
