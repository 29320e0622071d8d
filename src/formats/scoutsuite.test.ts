import { describe, expect, it } from 'vitest';
import { describeWithFixtures, expectedRecords, fixturesIn, readSources } from '../test-support/fixtures';
import { parseFixture, parseText, recordCount, type ParsedEntry } from '../test-support/parse-fixture';

/**
 * Returns the flagged item count of a ScoutSuite fixture. `expectedRecords` returns the first number of the
 * fixture's count, which for ScoutSuite reports is the number of rules with flagged items. Each flagged item
 * is one record here, so the item count is used where the count gives one.
 */
function expectedItems(file: string): number {
  const items = /(\d+) items/.exec(readSources().get(file)?.records ?? '');
  return items ? Number(items[1]) : expectedRecords(file);
}

function byCheck(entry: ParsedEntry, checkId: string) {
  const found = entry.findings.find((item) => item.checkId === checkId);
  if (!found) throw new Error(`no finding for ${checkId} in ${entry.input.fileName}`);
  return found;
}

describeWithFixtures('scoutsuite fixtures', () => {
  it.each(fixturesIn('scoutsuite'))('%s: record count', async (file) => {
    const entry = await parseFixture(file);
    expect(entry.format?.id, entry.tried.map((attempt) => `${attempt.id}: ${attempt.reason}`).join('\n')).toBe('scoutsuite');
    expect(recordCount(entry)).toBe(expectedItems(file));
  });

  it('exceptions file: one not_findings note', async () => {
    const entry = await parseFixture('scoutsuite/dsn-scoutsuite_exceptions_aws-empty.js');
    expect(entry.findings).toEqual([]);
    expect(entry.problems.map((problem) => problem.code)).toEqual(['not_findings']);
    expect(entry.problems[0].detail).toContain('exceptions');
  });

  it('gcp two_findings: first item as DefectDojo asserts', async () => {
    const entry = await parseFixture('scoutsuite/dd-two_findings.js');
    const first = entry.findings[0];
    expect(first.title).toBe('Bucket with Logging Disabled');
    expect(first.severity).toBe('medium');
    // DefectDojo's id "gcp:cloudstorage-bucket-no-logging" is the provider plus the rule key.
    expect(first.checkId).toBe('cloudstorage-bucket-no-logging');
    expect(first.hints.serviceName).toBe('gcp:cloudstorage');
    expect(first.resourceType).toBe('buckets');
    expect(first.accountId).toBe('gcp-project-id');
    expect(first.standards).toEqual(['CIS Google Cloud Platform Foundations 1.0.0 5.3']);
  });

  it('aws report: resources from item paths', async () => {
    const entry = await parseFixture('scoutsuite/dsn-scoutsuite_results_aws-078288879880.js');
    expect(new Set(entry.findings.map((item) => item.checkId)).size).toBe(expectedRecords('scoutsuite/dsn-scoutsuite_results_aws-078288879880.js'));

    const volume = byCheck(entry, 'ec2-ebs-volume-not-encrypted');
    expect(volume.severity).toBe('high');
    expect(volume.resourceType).toBe('volumes');
    expect(volume.resourceId).toBe('arn:aws:ec2:eu-west-2:078288879880:volume/vol-024b525f31c3bca6f');
    expect(volume.region).toBe('eu-west-2');
    expect(volume.hints.serviceName).toBe('ec2');
    expect(volume.title).toBe('EBS Volume Not Encrypted');
    expect(volume.remediationUrl).toBe('https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/EBSEncryption.html');

    const group = byCheck(entry, 'ec2-default-security-group-with-rules');
    expect(group.severity).toBe('medium');
    expect(group.resourceType).toBe('security_groups');
    expect(group.resourceId).toBe('arn:aws:ec2:ap-northeast-1:078288879880:security-group/sg-0baa8cab5e99aa5d4');

    const password = byCheck(entry, 'iam-password-policy-minimum-length');
    expect(password.resourceType).toBe('password_policy');
    expect(password.resourceId).toBeNull();
    expect(password.remediation).toBe('Ensure the password policy is configured to require a minimum length');
    expect(password.standards).toContain('CIS Amazon Web Services Foundations 1.2.0 1.9');

    const role = byCheck(entry, 'iam-assume-role-lacks-external-id-and-mfa');
    expect(role.resourceId).toBe('arn:aws:iam::078288879880:role/OrganizationAccountAccessRole');
    expect(role.region).toBeNull();
  });
});

describe('scoutsuite synthetic', () => {
  const report = {
    provider_code: 'aws',
    account_id: '111111111111',
    last_run: { ruleset_name: 'default' },
    services: {
      s3: {
        buckets: { 'logs.example.com': { name: 'logs.example.com', arn: 'arn:aws:s3:::logs.example.com' } },
        findings: {
          's3-bucket-no-logging': {
            description: 'Bucket Access Logging Disabled',
            level: 'warning',
            path: 's3.buckets.id',
            items: ['s3.buckets.logs.example.com.logging', 42, 's3.buckets.unknown-bucket.logging'],
            references: ['javascript:alert(1)', 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html'],
          },
        },
      },
    },
  };

  it('keeps dotted ids as one segment', async () => {
    const entry = await parseText('scoutsuite_results_aws.js', `scoutsuite_results =\n${JSON.stringify(report)}`);
    expect(entry.format?.id).toBe('scoutsuite');
    expect(entry.findings[0].resourceId).toBe('arn:aws:s3:::logs.example.com');
    expect(entry.findings[0].resourceType).toBe('buckets');
    expect(entry.findings[0].remediationUrl).toBe('https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html');
  });

  it('rejects a non-string item and keeps the rest', async () => {
    const entry = await parseText('scoutsuite_results_aws.js', `scoutsuite_results =\n${JSON.stringify(report)}`);
    expect(entry.findings).toHaveLength(2);
    // An item whose object is missing from the report keeps the id from its path.
    expect(entry.findings[1].resourceId).toBe('unknown-bucket');
    expect(entry.problems.map((problem) => [problem.record, problem.code, problem.path])).toEqual([
      [1, 'wrong_type', 'services.s3.findings.s3-bucket-no-logging.items.1'],
    ]);
  });

  it('reads a legacy Scout2 aws_info report', async () => {
    const legacy = { ...report, provider_code: undefined };
    const entry = await parseText('aws_config.js', `aws_info = ${JSON.stringify(legacy)};`);
    expect(entry.format?.id).toBe('scoutsuite');
    expect(entry.findings[0].hints.serviceName).toBe('s3');
  });

  it('reads the report saved as JSON', async () => {
    const entry = await parseText('scoutsuite.json', JSON.stringify(report));
    expect(entry.format?.id).toBe('scoutsuite');
    expect(entry.findings).toHaveLength(2);
  });
});
