import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeWithFixtures, fixturePath } from '../test-support/fixtures';
import { runPipeline, runText } from './testing';

async function readFixtureEntry(relative: string) {
  const [entry] = await runPipeline(relative, new Uint8Array(readFileSync(fixturePath(relative))));
  return entry;
}

describeWithFixtures('cloudsploit fixtures', () => {
  it('reads plugin, resource and region', async () => {
    const [finding] = (await readFixtureEntry('cloudsploit/dd-cloudsploit_one_vul.json')).findings;
    expect(finding.checkId).toBe('stackTerminationProtection');
    expect(finding.title).toBe('CloudFormation Stack Termination Protection Enabled');
    expect(finding.status).toBe('open');
    expect(finding.region).toBe('us-east-1');
    expect(finding.resourceId).toMatch(/^arn:aws:cloudformation:us-east-1:/);
    expect(finding.hints.serviceName).toBe('cloudformation');
  });
});

describe('cloudsploit', () => {
  it('maps statuses and drops N/A resources', async () => {
    const entries = ['OK', 'WARN', 'UNKNOWN'].map((status) => ({ plugin: 'p', category: 'S3', title: 't', description: 'd', resource: 'N/A', region: 'global', status, message: 'm' }));
    const { findings } = await runText('cloudsploit.json', JSON.stringify(entries));
    expect(findings.map((finding) => finding.status)).toEqual(['passed', 'open', 'unknown']);
    expect(findings[1].severity).toBe('low');
    expect(findings[0].resourceId).toBeNull();
    expect(findings[0].region).toBeNull();
  });
});

describe('powerpipe', () => {
  const benchmark = {
    group_id: 'root_result_group',
    title: 'AWS Foundational Security Best Practices',
    summary: { status: { alarm: 1, ok: 1, info: 0, skip: 0, error: 0 } },
    groups: [
      {
        group_id: 'aws_compliance.benchmark.foundational_security_s3',
        title: 'S3',
        summary: { status: { alarm: 1, ok: 1 } },
        groups: [],
        controls: [
          {
            control_id: 'aws_compliance.control.foundational_security_s3_1',
            title: '1 S3 Block Public Access setting should be enabled',
            severity: 'medium',
            tags: { service: 'AWS/S3', foundational_security_item_id: 's3_1' },
            results: [
              { reason: 'bucket-a has public access blocked.', resource: 'arn:aws:s3:::bucket-a', status: 'ok', dimensions: [{ key: 'account_id', value: '123456789012' }, { key: 'region', value: 'us-east-1' }] },
              { reason: 'bucket-b allows public access.', resource: 'arn:aws:s3:::bucket-b', status: 'alarm', dimensions: [{ key: 'account_id', value: '123456789012' }, { key: 'region', value: 'us-east-1' }] },
            ],
          },
          { control_id: 'aws_compliance.control.s3_bucket_logging', title: 'S3 logging', results: null, run_error: 'AccessDenied' },
        ],
      },
    ],
  };

  it('reads every result row of nested groups', async () => {
    const entry = await runText('benchmark.json', JSON.stringify(benchmark));
    expect(entry.format).toBe('powerpipe');
    expect(entry.findings.map((finding) => finding.status)).toEqual(['passed', 'open', 'unknown']);
    const alarm = entry.findings[1];
    expect(alarm.resourceId).toBe('arn:aws:s3:::bucket-b');
    expect(alarm.accountId).toBe('123456789012');
    expect(alarm.region).toBe('us-east-1');
    expect(alarm.hints.serviceName).toBe('s3');
    expect(alarm.severity).toBe('medium');
    expect(entry.findings[2].description).toContain('AccessDenied');
  });

  it('reads the CSV export with any separator', async () => {
    const header = ['group_id', 'title', 'description', 'control_id', 'control_title', 'control_description', 'reason', 'resource', 'status', 'severity', 'account_id', 'region'];
    const row = ['g', 'S3', '', 'aws_compliance.control.s3_1', 'S3 public access', '', 'bucket-b allows public access.', 'arn:aws:s3:::bucket-b', 'alarm', 'high', '123456789012', 'eu-west-1'];
    for (const separator of [',', ';', '\t']) {
      const entry = await runText('benchmark.csv', [header.join(separator), row.join(separator)].join('\n'));
      expect(entry.format).toBe('powerpipe');
      expect(entry.findings[0]).toMatchObject({ status: 'open', severity: 'high', accountId: '123456789012', region: 'eu-west-1' });
    }
  });
});

describeWithFixtures('wiz fixtures', () => {
  it('reads the single issue as the peer does', async () => {
    const [finding] = (await readFixtureEntry('wiz/dd-one_finding.csv')).findings;
    // The peer keeps the trailing space of the title; our fields are trimmed.
    expect(finding.title).toBe('AKS role/cluster role assigned permissions that contain wildcards');
    expect(finding.severity).toBe('informational');
    expect(finding.id).toBe('0029ee49-c676-432f-8690-12f2862ec708');
    expect(finding.resourceType).toBe('User');
    expect(finding.accountId).toBeNull();
    expect(finding.description).toContain('over-permissive policy');
  });

  it('reads every status and the peer title', async () => {
    const { findings } = await readFixtureEntry('wiz/dd-multiple_findings.csv');
    const counts: Record<string, number> = {};
    for (const finding of findings) counts[finding.status] = (counts[finding.status] ?? 0) + 1;
    expect(counts).toEqual({ open: 95, resolved: 1, suppressed: 2 });
    const unusual = findings.find((finding) => finding.title === 'Unusual activity by a principal from previously unseen country');
    expect(unusual?.severity).toBe('high');
  });
});

describeWithFixtures('orca fixtures', () => {
  it('reads CSV and JSON alike', async () => {
    const [csv] = (await readFixtureEntry('orca/dd-one_vuln.csv')).findings;
    const [json] = (await readFixtureEntry('orca/dd-one_vuln.json')).findings;
    expect(csv.title).toBe('Unused role with policy found');
    expect(csv.severity).toBe('medium');
    expect(csv.description).toContain('OrcaScore: 5.1');
    expect(csv.resourceId).toBe('TestRole_abc123');
    expect(json).toMatchObject({ title: csv.title, severity: csv.severity, resourceId: csv.resourceId, status: csv.status, id: csv.id });
  });

  it('reads scores and a closed alert', async () => {
    const { findings } = await readFixtureEntry('orca/dd-many_vulns.csv');
    expect(findings.map((finding) => finding.severity)).toEqual(['low', 'medium', 'high', 'critical', 'informational']);
    // The peer lowers a closed alert to Info; we keep its score and mark it resolved.
    expect(findings[4].status).toBe('resolved');
    expect(findings[0].tags).toEqual({ CSPM: '' });
  });
});
