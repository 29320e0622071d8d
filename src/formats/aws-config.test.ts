import { describe, expect, it } from 'vitest';
import { describeWithFixtures, expectedRecords, fixturesIn } from '../test-support/fixtures';
import { parseFixture, parseText, recordCount } from '../test-support/parse-fixture';

describeWithFixtures('aws-config fixtures', () => {
  it.each(fixturesIn('aws-config'))('%s: record count', async (file) => {
    const entry = await parseFixture(file);
    expect(entry.format?.id, entry.tried.map((attempt) => `${attempt.id}: ${attempt.reason}`).join('\n')).toBe('aws-config');
    expect(recordCount(entry)).toBe(expectedRecords(file));
    expect(entry.problems).toEqual([]);
  });

  it('compliance details: one record per resource', async () => {
    const entry = await parseFixture('aws-config/awscli-doc-get-compliance-details-by-config-rule.json');
    expect(entry.findings.map((item) => item.resourceId)).toEqual(['i-1a2b3c4d', 'i-2a2b3c4d', 'i-3a2b3c4d']);
    const first = entry.findings[0];
    expect(first.status).toBe('open');
    expect(first.resourceType).toBe('AWS::EC2::Instance');
    expect(first.checkId).toBe('InstanceTypesAreT2micro');
    expect(first.lastUpdated).toBe('2015-12-17T01:10:45.261Z');
  });

  it('placebo recording: volume and datetimes', async () => {
    const entry = await parseFixture('aws-config/c7n-placebo-config-GetComplianceDetailsByConfigRule.json');
    const only = entry.findings[0];
    expect(only.resourceId).toBe('vol-0c6efd2a9f5677a03');
    expect(only.resourceType).toBe('AWS::EC2::Volume');
    expect(only.description).toBe('Resource is not compliant with policy:good-vol');
    expect(only.lastUpdated).toBe('2018-07-11T08:20:23.955Z');
  });

  it('compliance by rule: one record per rule', async () => {
    const entry = await parseFixture('aws-config/awscli-doc-describe-compliance-by-config-rule.json');
    expect(entry.findings.map((item) => item.checkId)).toEqual(['InstanceTypesAreT2micro', 'RequiredTagsForVolumes']);
    expect(entry.findings[1].description).toBe('10 resources do not comply with the rule.');
    expect(entry.findings[1].resourceId).toBeNull();
  });
});

describe('aws-config synthetic', () => {
  const evaluation = (rule: string, compliance: string | undefined) => ({
    EvaluationResultIdentifier: {
      EvaluationResultQualifier: { ConfigRuleName: rule, ResourceType: 'AWS::S3::Bucket', ResourceId: 'logs' },
    },
    ComplianceType: compliance,
  });

  it('maps compliance types and rejects bad ones', async () => {
    const results = [
      evaluation('s3-bucket-logging-enabled', 'COMPLIANT'),
      evaluation('s3-bucket-versioning-enabled', 'NOT_APPLICABLE'),
      evaluation('s3-bucket-ssl-requests-only', undefined),
      evaluation('s3-bucket-public-read-prohibited', 'MAYBE'),
      'text',
    ];
    const entry = await parseText('config.json', JSON.stringify({ EvaluationResults: results }));
    expect(entry.format?.id).toBe('aws-config');
    expect(entry.findings.map((item) => item.status)).toEqual(['passed', 'unknown']);
    expect(entry.findings[0].hints.ruleKey).toBe('s3-bucket-logging-enabled');
    expect(recordCount(entry)).toBe(results.length);
    expect(entry.problems.map((problem) => [problem.record, problem.code, problem.path])).toEqual([
      [2, 'missing_field', 'ComplianceType'],
      [3, 'invalid_record', 'ComplianceType'],
      [4, 'wrong_type', undefined],
    ]);
  });
});
