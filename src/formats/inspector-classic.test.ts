import { describe, expect, it } from 'vitest';
import { describeWithFixtures, expectedRecords, fixturesIn } from '../test-support/fixtures';
import { parseFixture, parseText, recordCount } from '../test-support/parse-fixture';

describeWithFixtures('inspector-classic fixtures', () => {
  it.each(fixturesIn('inspector-classic'))('%s: record count', async (file) => {
    const entry = await parseFixture(file);
    expect(entry.format?.id, entry.tried.map((attempt) => `${attempt.id}: ${attempt.reason}`).join('\n')).toBe('inspector-classic');
    expect(recordCount(entry)).toBe(expectedRecords(file));
    expect(entry.problems).toEqual([]);
  });

  it('aws cli example: fields and epoch times', async () => {
    const entry = await parseFixture('inspector-classic/awscli-doc-describe-findings.json');
    const only = entry.findings[0];
    expect(only.title).toBe('No potential security issues found');
    expect(only.severity).toBe('informational');
    expect(only.status).toBe('open');
    expect(only.kind).toBe('configuration');
    expect(only.resourceType).toBe('ec2-instance');
    expect(only.accountId).toBe('123456789012');
    expect(only.region).toBe('us-west-2');
    expect(only.remediation).toBe('No remediation needed.');
    // createdAt 1458680301.37 is epoch seconds.
    expect(only.firstSeen).toBe('2016-03-22T20:58:21.370Z');
  });
});

describe('inspector-classic synthetic', () => {
  const cve = {
    arn: 'arn:aws:inspector:us-east-1:111111111111:target/0-a/template/0-b/run/0-c/finding/0-d',
    id: 'CVE-2016-2105',
    title: 'Instance i-0abc is vulnerable to CVE-2016-2105',
    severity: 'Undefined',
    numericSeverity: 7.5,
    assetType: 'ec2-instance',
    assetAttributes: { agentId: 'i-0abc', tags: [{ key: 'Name', value: 'web' }] },
    serviceAttributes: { rulesPackageArn: 'arn:aws:inspector:us-east-1:316112463485:rulespackage/0-gEjTy7T7' },
    attributes: [{ key: 'CVE_ID', value: 'CVE-2016-2105' }],
  };

  it('reads a CVE finding as a vulnerability', async () => {
    const entry = await parseText('findings.json', JSON.stringify({ failedItems: {}, findings: [cve] }));
    expect(entry.format?.id).toBe('inspector-classic');
    const only = entry.findings[0];
    expect(only.kind).toBe('vulnerability');
    expect(only.cves).toEqual(['CVE-2016-2105']);
    // Severity "Undefined" falls back to numericSeverity 7.5.
    expect(only.severity).toBe('high');
    expect(only.resourceId).toBe('i-0abc');
    expect(only.tags).toEqual({ Name: 'web' });
  });

  it('explains a list-findings file', async () => {
    const entry = await parseText('arns.json', JSON.stringify({ findingArns: [cve.arn] }));
    expect(entry.format?.id).toBe('inspector-classic');
    expect(recordCount(entry)).toBe(0);
    expect(entry.problems.map((problem) => problem.code)).toEqual(['not_findings']);
  });

  it('rejects a finding without ARN', async () => {
    const entry = await parseText('findings.json', JSON.stringify({ failedItems: {}, findings: [cve, { ...cve, arn: undefined }] }));
    expect(entry.findings).toHaveLength(1);
    expect(entry.problems.map((problem) => [problem.record, problem.code, problem.path])).toEqual([[1, 'missing_field', 'arn']]);
  });
});
