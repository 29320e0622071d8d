import { describe, expect, it } from 'vitest';
import { describeWithFixtures, expectedRecords, fixturesIn } from '../test-support/fixtures';
import { parseFixture, parseText, recordCount, type ParsedEntry } from '../test-support/parse-fixture';
import { prowlerCsvFormat } from './prowler-csv';

const CSV_FIXTURES = fixturesIn('prowler-v4v5').filter((file) => file.endsWith('.csv'));

function finding(entry: ParsedEntry, index = 0) {
  const found = entry.findings[index];
  if (!found) throw new Error(`no finding ${index} in ${entry.input.fileName}`);
  return found;
}

describeWithFixtures('prowler csv fixtures', () => {
  it.each(CSV_FIXTURES)('%s: record count', async (file) => {
    const entry = await parseFixture(file);
    expect(entry.format?.id, entry.tried.map((attempt) => `${attempt.id}: ${attempt.reason}`).join('\n')).toBe('prowler-csv');
    expect(recordCount(entry)).toBe(expectedRecords(file));
    expect(entry.problems).toEqual([]);
  });

  it('aws example: titles, severities, statuses', async () => {
    const entry = await parseFixture('prowler-v4v5/dd-example_output_aws.csv');
    expect(finding(entry, 0).title).toBe('Check if IAM Access Analyzer is enabled');
    expect(finding(entry, 0).severity).toBe('low');
    expect(finding(entry, 1).title).toBe('Maintain current contact details.');
    expect(finding(entry, 1).severity).toBe('medium');
    expect(entry.findings.map((item) => item.status)).toEqual(['open', 'unknown', 'open', 'unknown']);
  });

  it('aws example: fields of the first row', async () => {
    const first = finding(await parseFixture('prowler-v4v5/dd-example_output_aws.csv'));
    expect(first.checkId).toBe('accessanalyzer_enabled');
    expect(first.description).toContain('IAM Access Analyzer in account <account_uid> is not enabled.');
    expect(first.hints.serviceName).toBe('accessanalyzer');
    expect(first.hints.types).toEqual(['IAM']);
    expect(first.resourceType).toBe('Other');
    expect(first.resourceId).toBe('<resource_uid>');
    expect(first.standards).toContain('CIS-3.0');
    expect(first.remediationUrl).toBe('https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html');
    // The scan time has no zone, so it is kept as Prowler wrote it.
    expect(first.firstSeen).toBe('2025-02-14 14:27:03.913874');
    expect(first.raw).toContain('"CHECK_ID":"accessanalyzer_enabled"');
  });

  it('aws example: placeholder ids stay four findings', async () => {
    // Every row has FINDING_UID "<finding_uid>", but the check ids differ, so ingest keeps all four.
    const entry = await parseFixture('prowler-v4v5/dd-example_output_aws.csv');
    expect(new Set(entry.findings.map((item) => item.id))).toEqual(new Set(['<finding_uid>']));
    expect(new Set(entry.findings.map((item) => item.checkId)).size).toBe(4);
  });
});

const HEADER = [
  'AUTH_METHOD', 'TIMESTAMP', 'ACCOUNT_UID', 'FINDING_UID', 'PROVIDER', 'CHECK_ID', 'CHECK_TITLE', 'CHECK_TYPE', 'STATUS',
  'STATUS_EXTENDED', 'MUTED', 'SERVICE_NAME', 'SEVERITY', 'RESOURCE_TYPE', 'RESOURCE_UID', 'RESOURCE_NAME', 'RESOURCE_TAGS',
  'REGION', 'DESCRIPTION', 'RELATED_URL', 'REMEDIATION_RECOMMENDATION_URL', 'COMPLIANCE', 'CATEGORIES',
];

type Row = Partial<Record<(typeof HEADER)[number], string>>;

function csvText(rows: Row[], header: string[] = HEADER): string {
  const lines = [header.join(';'), ...rows.map((row) => header.map((column) => row[column] ?? '').join(';'))];
  return `${lines.join('\n')}\n`;
}

const ROW: Row = {
  TIMESTAMP: '2025-03-01T10:00:00+00:00',
  ACCOUNT_UID: '111122223333',
  FINDING_UID: 'prowler-aws-s3_bucket_default_encryption-111122223333-eu-west-1-logs',
  PROVIDER: 'aws',
  CHECK_ID: 's3_bucket_default_encryption',
  CHECK_TITLE: 'Check if S3 buckets have default encryption (SSE) enabled',
  CHECK_TYPE: 'Data Protection | Encryption',
  STATUS: 'FAIL',
  STATUS_EXTENDED: 'S3 Bucket logs does not have default encryption.',
  MUTED: 'False',
  SERVICE_NAME: 's3',
  SEVERITY: 'medium',
  RESOURCE_TYPE: 'AwsS3Bucket',
  RESOURCE_UID: 'arn:aws:s3:::logs',
  RESOURCE_TAGS: 'env=prod | team=data',
  REGION: 'eu-west-1',
  COMPLIANCE: 'CIS-3.0: 2.1.1 | AWS-Foundational-Security-Best-Practices: S3.4, S3.17',
  CATEGORIES: 'encryption',
};

describe('prowler csv rows', () => {
  it('compliance, tags, lists and time', async () => {
    const entry = await parseText('out.csv', csvText([ROW]));
    const first = finding(entry);
    expect(first.controlId).toBe('S3.4');
    expect(first.standards).toEqual(['CIS-3.0', 'AWS-Foundational-Security-Best-Practices']);
    expect(first.tags).toEqual({ env: 'prod', team: 'data' });
    expect(first.hints.types).toEqual(['Data Protection', 'Encryption']);
    expect(first.hints.categories).toEqual(['encryption']);
    expect(first.accountId).toBe('111122223333');
    expect(first.firstSeen).toBe('2025-03-01T10:00:00.000Z');
  });

  it('__proto__ tag stays a tag', async () => {
    const entry = await parseText('out.csv', csvText([{ ...ROW, RESOURCE_TAGS: '__proto__=x | env=prod' }]));
    expect(Object.getOwnPropertyDescriptor(finding(entry).tags, '__proto__')?.value).toBe('x');
    expect(finding(entry).tags.env).toBe('prod');
  });

  it('muted and status values', async () => {
    const rows = [
      { ...ROW, FINDING_UID: 'a', STATUS: 'PASS' },
      { ...ROW, FINDING_UID: 'b', STATUS: 'MANUAL' },
      { ...ROW, FINDING_UID: 'c', STATUS: 'FAIL', MUTED: 'True' },
    ];
    const entry = await parseText('out.csv', csvText(rows));
    expect(entry.findings.map((item) => item.status)).toEqual(['passed', 'unknown', 'suppressed']);
  });

  it('non-AWS provider prefixes the service', async () => {
    const entry = await parseText('out.csv', csvText([{ ...ROW, PROVIDER: 'gcp', SERVICE_NAME: 'cloudstorage' }]));
    expect(finding(entry).hints.serviceName).toBe('gcp:cloudstorage');
  });

  it('rejects short rows and empty ids with lines', async () => {
    const text = csvText([ROW, { ...ROW, FINDING_UID: '' }]) + 'only;three;cells\n';
    const entry = await parseText('out.csv', text);
    expect(entry.findings).toHaveLength(1);
    expect(entry.problems).toEqual([
      { code: 'missing_field', record: 1, path: 'FINDING_UID', detail: 'line 3 has an empty FINDING_UID, which identifies the finding' },
      { code: 'invalid_record', record: 2, path: undefined, detail: `line 4 has 3 cells but the header has ${HEADER.length} columns` },
    ]);
  });

  it('Prowler 3 column names', async () => {
    const header = ['ASSESSMENT_START_TIME', 'FINDING_UNIQUE_ID', 'PROVIDER', 'ACCOUNT_ID', 'CHECK_ID', 'STATUS', 'SEVERITY', 'RESOURCE_ID', 'RESOURCE_ARN'];
    const text = `${header.join(';')}\n2023-03-18T15:43:31Z;prowler-x;aws;111122223333;iam_root_mfa_enabled;FAIL;critical;root;arn:aws:iam::111122223333:root\n`;
    const entry = await parseText('v3.csv', text);
    expect(entry.format?.id).toBe('prowler-csv');
    expect(finding(entry).resourceId).toBe('arn:aws:iam::111122223333:root');
    expect(finding(entry).accountId).toBe('111122223333');
    expect(finding(entry).severity).toBe('critical');
  });

  it('compliance CSV is not claimed', () => {
    const header = ['PROVIDER', 'DESCRIPTION', 'ACCOUNTID', 'REGION', 'ASSESSMENTDATE', 'REQUIREMENTS_ID', 'STATUS', 'CHECKID'];
    const detection = prowlerCsvFormat.detect({ fileName: 'x.csv', doc: { kind: 'csv', delimiter: ';', header, rows: [] } });
    expect(detection).toEqual({ match: false, reason: 'the CSV header has no FINDING_UID, CHECK_ID column' });
  });
});
