import { describe, expect, it } from 'vitest';
import { parseText } from '../test-support/parse-fixture';

/** Column order of Prowler's AWS CIS compliance model (`cis/models.py`), upper-cased as the CSV writer does. */
const CIS_HEADER = [
  'PROVIDER',
  'DESCRIPTION',
  'ACCOUNTID',
  'REGION',
  'ASSESSMENTDATE',
  'REQUIREMENTS_ID',
  'REQUIREMENTS_DESCRIPTION',
  'REQUIREMENTS_ATTRIBUTES_SECTION',
  'REQUIREMENTS_ATTRIBUTES_SUBSECTION',
  'REQUIREMENTS_ATTRIBUTES_PROFILE',
  'REQUIREMENTS_ATTRIBUTES_ASSESSMENTSTATUS',
  'REQUIREMENTS_ATTRIBUTES_DESCRIPTION',
  'REQUIREMENTS_ATTRIBUTES_RATIONALESTATEMENT',
  'REQUIREMENTS_ATTRIBUTES_IMPACTSTATEMENT',
  'REQUIREMENTS_ATTRIBUTES_REMEDIATIONPROCEDURE',
  'REQUIREMENTS_ATTRIBUTES_AUDITPROCEDURE',
  'REQUIREMENTS_ATTRIBUTES_ADDITIONALINFORMATION',
  'REQUIREMENTS_ATTRIBUTES_DEFAULTVALUE',
  'REQUIREMENTS_ATTRIBUTES_REFERENCES',
  'STATUS',
  'STATUSEXTENDED',
  'RESOURCEID',
  'RESOURCENAME',
  'CHECKID',
  'MUTED',
];

const BENCHMARK = 'The CIS Amazon Web Services Foundations Benchmark provides prescriptive guidance for configuring security options.';
const MFA_REQUIREMENT = [
  '1.10',
  'Ensure multi-factor authentication (MFA) is enabled for all IAM users that have a console password',
  '1 Identity and Access Management',
  '',
  'Level 1',
  'Automated',
  'Multi-Factor Authentication (MFA) adds an extra layer of authentication assurance beyond traditional credentials.',
  'Enabling MFA provides increased security for console access.',
  'AWS will soon end support for SMS multi-factor authentication.',
  'Enable MFA for the user in the IAM console, under Security credentials.',
  'Run aws iam generate-credential-report and check mfa_active.',
  '',
  '',
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html:https://aws.amazon.com/iam/features/mfa/',
];

function row(cells: string[]): string {
  return cells.map((cell) => (/[;"\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(';');
}

function mfaRow(status: string, user: string, muted = 'False'): string {
  const account = ['aws', BENCHMARK, '123456789012', 'us-east-1', '2024-06-03 10:15:30.123456'];
  const result = [status, `User ${user} has Console Password enabled and MFA ${status === 'PASS' ? 'enabled' : 'disabled'}.`];
  const resource = [`arn:aws:iam::123456789012:user/${user}`, user, 'iam_user_mfa_enabled_console_access', muted];
  return row([...account, ...MFA_REQUIREMENT, ...result, ...resource]);
}

const MANUAL_ROW = row([
  'aws',
  BENCHMARK,
  '',
  '',
  '2024-06-03 10:15:30.123456',
  '1.1',
  'Maintain current contact details',
  '1 Identity and Access Management',
  '',
  'Level 1',
  'Manual',
  'Ensure contact email and telephone details for AWS accounts are current.',
  'If an AWS account is observed to be behaving in a prohibited manner, AWS will attempt to contact the owner.',
  '',
  'Update the contact details in the Billing console.',
  'Check the contact details in the Billing console.',
  '',
  '',
  'https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/manage-account-payment.html',
  'MANUAL',
  'Manual check',
  'manual_check',
  'Manual check',
  'manual',
  'False',
]);

const CIS_CSV = [
  row(CIS_HEADER),
  mfaRow('FAIL', 'alice'),
  mfaRow('PASS', 'bob'),
  mfaRow('FAIL', 'carol', 'True'),
  MANUAL_ROW,
  'aws;cut short;123456789012',
].join('\r\n');

describe('prowler compliance CIS CSV', () => {
  it('is detected as compliance output', async () => {
    const entry = await parseText('prowler-output-123456789012-20240603101530_cis_3.0_aws.csv', CIS_CSV);
    expect(entry.format?.id, entry.tried.map((attempt) => `${attempt.id}: ${attempt.reason}`).join('\n')).toBe('prowler-compliance');
  });

  it('reads one record per requirement row', async () => {
    const entry = await parseText('cis.csv', CIS_CSV);
    expect(entry.findings.map((item) => item.status)).toEqual(['open', 'passed', 'suppressed', 'unknown']);
    expect(entry.problems).toEqual([
      { code: 'invalid_record', record: 4, detail: 'line 6 has 3 cells but the header has 25 columns', path: undefined },
    ]);
  });

  it('keeps framework, requirement and check', async () => {
    const entry = await parseText('cis.csv', CIS_CSV);
    const alice = entry.findings[0];
    expect(alice.title).toBe('Ensure multi-factor authentication (MFA) is enabled for all IAM users that have a console password');
    expect(alice.standards).toEqual(['CIS', 'CIS 1.10']);
    expect(alice.checkId).toBe('iam_user_mfa_enabled_console_access');
    expect(alice.resourceId).toBe('arn:aws:iam::123456789012:user/alice');
    expect(alice.accountId).toBe('123456789012');
    expect(alice.region).toBe('us-east-1');
    expect(alice.hints.serviceName).toBe('iam');
    expect(alice.severity).toBe('medium');
    expect(alice.description.startsWith('User alice has Console Password enabled and MFA disabled.')).toBe(true);
    expect(alice.remediation).toBe('Enable MFA for the user in the IAM console, under Security credentials.');
    expect(alice.remediationUrl).toBe('https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html');
    expect(alice.lastUpdated).toBe(new Date('2024-06-03 10:15:30.123456').toISOString());
  });

  it('gives manual rows no check or resource', async () => {
    const entry = await parseText('cis.csv', CIS_CSV);
    const manual = entry.findings[3];
    expect(manual.checkId).toBeNull();
    expect(manual.resourceId).toBeNull();
    expect(manual.standards).toEqual(['CIS', 'CIS 1.1']);
  });
});

describe('prowler compliance generic CSV', () => {
  const header = [
    'PROVIDER',
    'DESCRIPTION',
    'ACCOUNTID',
    'REGION',
    'ASSESSMENTDATE',
    'REQUIREMENTS_ID',
    'REQUIREMENTS_DESCRIPTION',
    'REQUIREMENTS_ATTRIBUTES_SECTION',
    'REQUIREMENTS_ATTRIBUTES_SUBSECTION',
    'REQUIREMENTS_ATTRIBUTES_SUBGROUP',
    'REQUIREMENTS_ATTRIBUTES_SERVICE',
    'REQUIREMENTS_ATTRIBUTES_TYPE',
    'STATUS',
    'STATUSEXTENDED',
    'RESOURCEID',
    'CHECKID',
    'MUTED',
    'RESOURCENAME',
    'FRAMEWORK',
    'NAME',
  ];
  const s3Row = [
    'aws',
    'Security best practices for AWS resources.',
    '123456789012',
    'eu-west-1',
    '2024-06-03T10:15:30',
    'S3.8',
    'S3 general purpose buckets should block public access',
    'S3',
    '',
    '',
    's3',
    'automated',
    'FAIL',
    'Bucket logs-bucket does not block public access.',
    'arn:aws:s3:::logs-bucket',
    's3_bucket_level_public_access_block',
    'False',
    'logs-bucket',
    'AWS-Foundational-Security-Best-Practices',
    'AWS Foundational Security Best Practices',
  ];

  it('takes the framework from NAME', async () => {
    const entry = await parseText('fsbp.csv', [row(header), row(s3Row)].join('\n'));
    expect(entry.format?.id).toBe('prowler-compliance');
    const bucket = entry.findings[0];
    expect(bucket.standards).toEqual(['AWS Foundational Security Best Practices', 'AWS Foundational Security Best Practices S3.8']);
    expect(bucket.hints.serviceName).toBe('s3');
  });

  it('prefixes non-AWS providers', async () => {
    const azureHeader = header.map((column) => ({ ACCOUNTID: 'SUBSCRIPTIONID', REGION: 'LOCATION' })[column] ?? column);
    const azureRow = ['azure', ...s3Row.slice(1, 10), 'storage', ...s3Row.slice(11)];
    const entry = await parseText('azure.csv', [row(azureHeader), row(azureRow)].join('\n'));
    expect(entry.findings[0].hints.serviceName).toBe('azure:storage');
    expect(entry.findings[0].accountId).toBe('123456789012');
  });
});
