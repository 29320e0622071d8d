import { describe, expect, it } from 'vitest';
import { describeWithFixtures, expectedRecords, fixturesIn } from '../test-support/fixtures';
import { fixtureInputs, parseFixture, parseText, recordCount } from '../test-support/parse-fixture';
import { isEmptyDocument } from './registry';

const NATIVE_FIXTURES = fixturesIn('prowler-v3plus').filter((file) => !file.endsWith('.ocsf.json'));

describeWithFixtures('prowler-v3 fixtures', () => {
  it.each(NATIVE_FIXTURES)('%s: record count', async (file) => {
    const [input] = await fixtureInputs(file);
    if (isEmptyDocument(input)) {
      // `[]` contains nothing to detect by content, so ingest reports it as an empty document.
      expect(expectedRecords(file)).toBe(0);
      return;
    }
    const entry = await parseFixture(file);
    expect(entry.format?.id, entry.tried.map((attempt) => `${attempt.id}: ${attempt.reason}`).join('\n')).toBe('prowler-v3');
    expect(recordCount(entry)).toBe(expectedRecords(file));
    expect(entry.problems).toEqual([]);
  });

  it('many_vuln: check ids and fields', async () => {
    const entry = await parseFixture('prowler-v3plus/dd-v3plus-many_vuln.json');
    expect(entry.findings.map((item) => item.checkId)).toEqual([
      'acm_certificates_expiration_check',
      'accessanalyzer_enabled',
      'account_maintain_current_contact_details',
    ]);
    const acm = entry.findings[0];
    expect(acm.resourceId).toBe('arn:aws:acm:us-east-1:999999999999:certificate/ffffffff-0000-0000-0000-000000000000');
    expect(acm.resourceType).toBe('AwsCertificateManagerCertificate');
    expect(acm.hints.serviceName).toBe('acm');
    expect(acm.hints.types).toEqual(['Data Protection']);
    expect(acm.standards).toContain('SOC2');
    // This file's compliance map has no FSBP key, so there is no control id.
    expect(acm.controlId).toBeNull();
    expect(acm.severity).toBe('high');
    expect(acm.status).toBe('open');
    // A result without an ARN falls back to the resource id.
    expect(entry.findings[1].resourceId).toBe('999999999999');
  });

  it('one_vuln: unique id and date', async () => {
    const entry = await parseFixture('prowler-v3plus/dd-v3plus-one_vuln.json');
    const only = entry.findings[0];
    expect(only.id).toBe('prowler-aws-acm_certificates_expiration_check-999999999999-us-east-1-api.sandbox.partner.teste.com');
    // AssessmentStartTime has no offset, so it is read in the local time zone, as Date does.
    expect(only.firstSeen).toBe(new Date('2023-04-25T23:49:42.744599').toISOString());
    expect(only.remediation).toContain('acm-certificate-expiration-check');
  });
});

describe('prowler-v3 synthetic', () => {
  const base = {
    Provider: 'aws',
    CheckID: 'ec2_instance_imdsv2_enabled',
    CheckTitle: 'Check if EC2 Instance Metadata Service Version 2 (IMDSv2) is Enabled and Required.',
    ServiceName: 'ec2',
    Status: 'FAIL',
    Severity: 'medium',
    ResourceId: 'i-0123456789abcdef0',
    AccountId: '111111111111',
    Region: 'eu-west-1',
    Compliance: { 'AWS-Foundational-Security-Best-Practices': ['EC2.8'] },
  };

  it('reads the FSBP control id', async () => {
    const entry = await parseText('prowler.json', JSON.stringify([base]));
    expect(entry.findings[0].controlId).toBe('EC2.8');
  });

  it('maps WARNING and Muted to suppressed', async () => {
    const entry = await parseText('prowler.json', JSON.stringify([{ ...base, Status: 'WARNING' }, { ...base, Muted: true }]));
    expect(entry.findings.map((item) => item.status)).toEqual(['suppressed', 'suppressed']);
  });

  it('prefixes non-AWS service names', async () => {
    const azure = { ...base, Provider: 'azure', ServiceName: 'storage', AccountId: undefined, Region: undefined, Subscription: 'sub-1', Location: 'westeurope' };
    const entry = await parseText('prowler.json', JSON.stringify([azure]));
    expect(entry.findings[0].hints.serviceName).toBe('azure:storage');
    expect(entry.findings[0].accountId).toBe('sub-1');
    expect(entry.findings[0].region).toBe('westeurope');
  });

  it('rejects bad records next to good ones', async () => {
    const records = [base, { ...base, CheckID: '' }, { ...base, Status: 'PENDING' }, 'text', { ...base, Status: 'PASS' }];
    const entry = await parseText('prowler.json', JSON.stringify(records));
    expect(entry.format?.id).toBe('prowler-v3');
    expect(entry.findings.map((item) => item.status)).toEqual(['open', 'passed']);
    expect(entry.problems.map((problem) => [problem.record, problem.code, problem.path])).toEqual([
      [1, 'missing_field', 'CheckID'],
      [2, 'invalid_record', 'Status'],
      [3, 'wrong_type', undefined],
    ]);
  });
});
