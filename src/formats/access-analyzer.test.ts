import { describe, expect, it } from 'vitest';
import { describeWithFixtures, expectedRecords, fixturesIn } from '../test-support/fixtures';
import { parseFixture, parseText, recordCount } from '../test-support/parse-fixture';

describeWithFixtures('access-analyzer fixtures', () => {
  it.each(fixturesIn('access-analyzer'))('%s: record count', async (file) => {
    const entry = await parseFixture(file);
    expect(entry.format?.id, entry.tried.map((attempt) => `${attempt.id}: ${attempt.reason}`).join('\n')).toBe('access-analyzer');
    expect(recordCount(entry)).toBe(expectedRecords(file));
    expect(entry.problems).toEqual([]);
  });

  it('aws cli example: external access to roles', async () => {
    const entry = await parseFixture('access-analyzer/awscli-doc-list-findings.json');
    const first = entry.findings[0];
    expect(first.title).toBe('External access to AWS::IAM::Role Cognito_testpoolUnauth_Role');
    expect(first.severity).toBe('medium');
    expect(first.status).toBe('open');
    expect(first.checkId).toBe('ExternalAccess');
    expect(first.resourceId).toBe('arn:aws:iam::111122223333:role/Cognito_testpoolUnauth_Role');
    expect(first.accountId).toBe('111122223333');
    expect(first.description).toContain('Actions: sts:AssumeRoleWithWebIdentity');
  });

  it('sqs recording: public queue', async () => {
    const entry = await parseFixture('access-analyzer/c7n-placebo-accessanalyzer-ListFindings-sqs.json');
    const only = entry.findings[0];
    expect(only.title).toBe('Public access to AWS::SQS::Queue public-test');
    expect(only.severity).toBe('high');
    expect(only.region).toBe('us-east-1');
    expect(only.firstSeen).toBe('2020-04-19T19:52:19.000Z');
  });

  it('role recording: two resolved findings', async () => {
    const entry = await parseFixture('access-analyzer/c7n-placebo-accessanalyzer-ListFindings.json');
    // cloud-custodian asserts 2 resources because it filters the 4 findings; all 4 are records here.
    expect(entry.findings.filter((item) => item.status === 'resolved')).toHaveLength(2);
    expect(entry.findings.filter((item) => item.status === 'open')).toHaveLength(2);
  });
});

describe('access-analyzer v2', () => {
  const base = {
    analyzedAt: '2024-05-01T10:00:00Z',
    createdAt: '2024-04-01T10:00:00Z',
    updatedAt: '2024-05-01T10:00:00Z',
    resourceOwnerAccount: '111111111111',
    resourceType: 'AWS::IAM::Role',
    status: 'ACTIVE',
  };
  const findings = [
    { ...base, id: 'u1', findingType: 'UnusedIAMRole', resource: 'arn:aws:iam::111111111111:role/old-deployer' },
    { ...base, id: 'u2', findingType: 'UnusedIAMUserAccessKey', resourceType: 'AWS::IAM::User', resource: 'arn:aws:iam::111111111111:user/ci' },
    { ...base, id: 'u3', findingType: 'UnusedPermission', resource: 'arn:aws:iam::111111111111:role/app', status: 'ARCHIVED' },
    { ...base, id: 'u4', findingType: 'ExternalAccess', resourceType: 'AWS::S3::Bucket', resource: 'arn:aws:s3:::shared', error: 'ACCESS_DENIED' },
    { ...base, id: 'u5', findingType: 'UnusedIAMUserPassword', resource: 'arn:aws:iam::111111111111:user/ops', status: 'DISMISSED' },
    { ...base, findingType: 'UnusedIAMRole', resource: 'arn:aws:iam::111111111111:role/no-id' },
  ];

  it('reads list-findings-v2 finding types', async () => {
    const entry = await parseText('findings-v2.json', JSON.stringify({ findings }));
    expect(entry.format?.id).toBe('access-analyzer');
    expect(entry.findings.map((item) => item.title)).toEqual([
      'Unused IAM role old-deployer',
      'Unused access key of IAM user ci',
      'Unused permissions of app',
      'External access to AWS::S3::Bucket shared',
    ]);
    expect(entry.findings.map((item) => item.severity)).toEqual(['low', 'low', 'low', 'informational']);
    expect(entry.findings.map((item) => item.status)).toEqual(['open', 'open', 'suppressed', 'open']);
    expect(entry.findings[0].checkId).toBe('UnusedIAMRole');
    expect(entry.findings[3].description).toContain('ACCESS_DENIED');
  });

  it('rejects bad findings next to good ones', async () => {
    const entry = await parseText('findings-v2.json', JSON.stringify({ findings }));
    expect(recordCount(entry)).toBe(findings.length);
    expect(entry.problems.map((problem) => [problem.record, problem.code, problem.path])).toEqual([
      [4, 'invalid_record', 'status'],
      [5, 'missing_field', 'id'],
    ]);
  });

  it('reads one get-finding-v2 result', async () => {
    const single = {
      ...base,
      id: 'x1',
      findingType: 'ExternalAccess',
      resourceType: 'AWS::KMS::Key',
      resource: 'arn:aws:kms:eu-west-1:111111111111:key/k1',
      findingDetails: [{ externalAccessDetails: { action: ['kms:Decrypt'], principal: { AWS: '999999999999' }, isPublic: false } }],
    };
    const entry = await parseText('finding.json', JSON.stringify(single));
    expect(entry.format?.id).toBe('access-analyzer');
    expect(entry.findings[0].description).toContain('Actions: kms:Decrypt');
    expect(entry.findings[0].region).toBe('eu-west-1');
  });
});
