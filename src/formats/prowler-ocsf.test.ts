import { describe, expect, it } from 'vitest';
import { describeWithFixtures, expectedRecords, fixturesIn } from '../test-support/fixtures';
import { fixtureInputs, parseFixture, parseText, recordCount, type ParsedEntry } from '../test-support/parse-fixture';
import { prowlerOcsfFormat } from './prowler-ocsf';
import { formatFromFileName, isEmptyDocument } from './registry';

const OCSF_FIXTURES = [
  ...fixturesIn('prowler-v3plus').filter((file) => file.endsWith('.ocsf.json')),
  ...fixturesIn('prowler-v4v5').filter((file) => file.endsWith('.ocsf.json')),
];

function finding(entry: ParsedEntry, index = 0) {
  const found = entry.findings[index];
  if (!found) throw new Error(`no finding ${index} in ${entry.input.fileName}`);
  return found;
}

describeWithFixtures('prowler ocsf fixtures', () => {
  it.each(OCSF_FIXTURES)('%s: record count', async (file) => {
    const [input] = await fixtureInputs(file);
    if (isEmptyDocument(input)) {
      // `[]` has no content to detect, so ingest picks the format from the file name.
      expect(expectedRecords(file)).toBe(0);
      expect(formatFromFileName(file)?.id).toBe('prowler-ocsf');
      return;
    }
    const entry = await parseFixture(file);
    expect(entry.format?.id, entry.tried.map((attempt) => `${attempt.id}: ${attempt.reason}`).join('\n')).toBe('prowler-ocsf');
    expect(recordCount(entry)).toBe(expectedRecords(file));
    expect(entry.problems).toEqual([]);
  });

  it('empty v4/v5 JSON array', async () => {
    const [input] = await fixtureInputs('prowler-v4v5/dd-prowler_zero_vul.json');
    expect(isEmptyDocument(input)).toBe(true);
    expect(expectedRecords('prowler-v4v5/dd-prowler_zero_vul.json')).toBe(0);
  });

  it('aws example: fields of the first result', async () => {
    const entry = await parseFixture('prowler-v4v5/dd-example_output_aws.ocsf.json');
    const first = finding(entry);
    expect(first.title).toBe('Check if IAM Access Analyzer is enabled');
    expect(first.description).toContain('IAM Access Analyzer in account <account_uid> is not enabled.');
    expect(first.severity).toBe('low');
    expect(first.status).toBe('open');
    expect(first.checkId).toBe('accessanalyzer_enabled');
    expect(first.sourceTool).toBe('Prowler');
    expect(first.kind).toBe('configuration');
    expect(first.hints.serviceName).toBe('accessanalyzer');
    expect(first.hints.types).toEqual(['IAM']);
    expect(first.standards).toContain('CIS-1.4');
    expect(first.remediationUrl).toBe('https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html');
    // created_time is 1739539623 epoch seconds.
    expect(first.firstSeen).toBe('2025-02-14T13:27:03.000Z');
    expect(finding(entry, 1).status).toBe('unknown');
  });

  it('old FSBP section names are no control id', async () => {
    // This example lists FSBP as ["account", "acm"], section names from an older Prowler compliance file.
    const entry = await parseFixture('prowler-v4v5/prowler-example_output_aws.ocsf.json');
    expect(finding(entry, 3).checkId).toBe('account_security_contact_information_is_registered');
    expect(finding(entry, 3).controlId).toBeNull();
    expect(finding(entry, 3).standards).toContain('AWS-Foundational-Security-Best-Practices');
  });

  it('kubernetes: read, no AWS service', async () => {
    const entry = await parseFixture('prowler-v4v5/dd-example_output_kubernetes.ocsf.json');
    const first = finding(entry);
    expect(first.severity).toBe('medium');
    expect(first.description).toContain('AlwaysPullImages admission control plugin is not set in pod <pod>.');
    expect(first.hints.serviceName).toBe('kubernetes:apiserver');
    expect(first.resourceType).toBe('KubernetesAPIServer');
    expect(first.accountId).toBeNull();
    expect(first.hints.categories).toEqual(['cluster-security']);
    // DefectDojo reports 3 findings: the last two records share id, check and resource, so ingest keeps one.
    const [, , third, fourth] = entry.findings;
    expect([fourth.id, fourth.checkId, fourth.resourceId]).toEqual([third.id, third.checkId, third.resourceId]);
  });

  it('v4.2 layout: muted result is suppressed', async () => {
    // DefectDojo reports 2 of these 3 records because it drops the muted one, which we keep as suppressed.
    const entry = await parseFixture('prowler-v3plus/dd-v3plus-many_vuln.ocsf.json');
    expect(entry.findings.map((item) => item.status)).toEqual(['open', 'open', 'suppressed']);
    expect(finding(entry, 2).hints.categories).toEqual(['trustboundaries']);
    expect(finding(entry, 1).tags).toEqual({ 'some-label': 'some value' });
  });

  it.each(['prowler-v3plus/dd-v3plus-one_vuln.ocsf.json', 'prowler-v3plus/dd-v3plus-one_vuln_after_4_5_0.ocsf.json'])(
    '%s: resource and date',
    async (file) => {
      const first = finding(await parseFixture(file));
      expect(first.resourceId).toBe('arn:aws:iam::123456789012:role/myAdministratorExecutionRole');
      expect(first.accountId).toBe('123456789012');
      expect(first.region).toBe('us-east-1');
      expect(first.severity).toBe('high');
      // The text has no zone, so it is kept as Prowler wrote it.
      expect(first.firstSeen).toBe('2024-06-03T14:15:19.382075');
    },
  );
});

/** Builds a minimal Prowler OCSF record; `overrides` replace top-level keys. */
function ocsfRecord(uid: string | undefined, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    class_uid: 2004,
    metadata: { event_code: 's3_bucket_default_encryption', product: { name: 'Prowler', vendor_name: 'Prowler', version: '5.4.0' } },
    finding_info: { ...(uid === undefined ? {} : { uid }), title: 'Check if S3 buckets have default encryption (SSE) enabled', types: [] },
    severity: 'Medium',
    status: 'New',
    status_code: 'FAIL',
    status_detail: 'S3 Bucket logs does not have default encryption.',
    resources: [{ type: 'AwsS3Bucket', uid: 'arn:aws:s3:::logs', region: 'eu-west-1', group: { name: 's3' }, labels: ['env: prod', 'aws:cloudformation:stack-name: web'] }],
    cloud: { provider: 'aws', region: 'eu-west-1', account: { uid: '111122223333' } },
    unmapped: { compliance: { 'AWS-Foundational-Security-Best-Practices': ['S3.4'] }, categories: ['encryption'] },
    time: 1739539623,
    ...overrides,
  };
}

describe('prowler ocsf records', () => {
  it('FSBP control id and tags', async () => {
    const entry = await parseText('out.ocsf.json', JSON.stringify([ocsfRecord('u1')]));
    expect(entry.format?.id).toBe('prowler-ocsf');
    expect(finding(entry).controlId).toBe('S3.4');
    expect(finding(entry).tags).toEqual({ env: 'prod', 'aws:cloudformation:stack-name': 'web' });
    expect(finding(entry).hints.categories).toEqual(['encryption']);
  });

  it('status codes and muting', async () => {
    const records = [
      ocsfRecord('a', { status_code: 'PASS' }),
      ocsfRecord('b', { status_code: 'MANUAL' }),
      ocsfRecord('c', { status: 'Suppressed', status_id: 3 }),
      ocsfRecord('d', { status_code: 'FAIL' }),
    ];
    const entry = await parseText('out.ocsf.json', JSON.stringify(records));
    expect(entry.findings.map((item) => item.status)).toEqual(['passed', 'unknown', 'suppressed', 'open']);
  });

  it('JSON Lines and a single object', async () => {
    const lines = await parseText('out.jsonl', [ocsfRecord('a'), ocsfRecord('b')].map((item) => JSON.stringify(item)).join('\n'));
    expect(lines.findings.map((item) => item.id)).toEqual(['a', 'b']);
    const single = await parseText('one.json', JSON.stringify(ocsfRecord('only')));
    expect(single.findings.map((item) => item.id)).toEqual(['only']);
  });

  it('azure provider prefixes the service', async () => {
    const azure = ocsfRecord('z', { cloud: { provider: 'azure', account: { uid: 'sub-1' } }, resources: [{ type: 'StorageAccount', uid: '/subscriptions/sub-1/sa', group: { name: 'storage' } }] });
    const entry = await parseText('azure.ocsf.json', JSON.stringify([azure]));
    expect(finding(entry).hints.serviceName).toBe('azure:storage');
  });

  it('rejects non-object and missing uid', async () => {
    const entry = await parseText('mixed.ocsf.json', JSON.stringify([ocsfRecord('ok'), 7, ocsfRecord(undefined)]));
    expect(entry.findings.map((item) => item.id)).toEqual(['ok']);
    expect(entry.problems.map((problem) => [problem.record, problem.code, problem.path])).toEqual([
      [1, 'wrong_type', undefined],
      [2, 'missing_field', 'finding_info.uid'],
    ]);
  });

  it('other OCSF products are not claimed', () => {
    const guardDuty = ocsfRecord('g', { metadata: { product: { name: 'GuardDuty' } } });
    const compliance = ocsfRecord('c', { class_uid: 2003 });
    for (const value of [[guardDuty], [compliance]]) {
      expect(prowlerOcsfFormat.detect({ fileName: 'x.json', doc: { kind: 'json', value } }).match).toBe(false);
    }
  });
});
