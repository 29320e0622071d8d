import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeWithFixtures, fixturePath } from '../test-support/fixtures';
import { identityOf, runPipeline, runText } from './testing';

const cloud = { provider: 'AWS', account: { uid: '111122223333' }, region: 'us-east-1' };

const compliance = {
  class_uid: 2003,
  metadata: { version: '1.6.0', product: { name: 'Security Hub', vendor_name: 'AWS' } },
  finding_info: { uid: 'arn:aws:securityhub:us-east-1:111122223333:finding/1', title: 'S3 general purpose buckets should block public access', types: ['Posture Management'] },
  compliance: { control: 'S3.1', standards: ['standards/aws-foundational-security-best-practices/v/1.0.0'], status: 'Fail', status_id: 3 },
  status: 'New',
  severity_id: 3,
  severity: 'Medium',
  cloud,
  resources: [{ type: 'AWS::S3::Bucket', uid: 'my-bucket', uid_alt: 'arn:aws:s3:::my-bucket', region: 'us-east-1', tags: [{ name: 'team', value: 'data' }] }],
  remediation: { desc: 'Turn on Block Public Access.', references: ['https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html'] },
};

const detection = {
  class_uid: 2004,
  metadata: { version: '1.6.0', product: { name: 'GuardDuty' } },
  finding_info: { uid: 'gd-1', title: 'Unprotected port on EC2 instance is being probed.', types: ['TTPs/Discovery/Recon:EC2-PortProbeUnprotectedPort'] },
  severity_id: 2,
  status: 'New',
  cloud,
  resources: [{ type: 'AWS::EC2::Instance', uid: 'i-0abc', uid_alt: 'arn:aws:ec2:us-east-1:111122223333:instance/i-0abc' }],
};

const vulnerability = {
  class_uid: 2002,
  metadata: { version: '1.6.0', product: { name: 'Inspector' } },
  finding_info: { uid: 'insp-1', title: 'CVE-2023-0464 - openssl', types: ['PACKAGE_VULNERABILITY'] },
  severity_id: 4,
  cloud,
  vulnerabilities: [{ cve: { uid: 'CVE-2023-0464' }, cwe: { uid: '295' }, affected_packages: [{ name: 'openssl', package_manager: 'OS' }] }],
  resources: [{ type: 'AWS::ECR::ContainerImage', uid: 'arn:aws:ecr:us-east-1:111122223333:repository/app/sha256:abc' }],
};

const dataSecurity = {
  class_uid: 2006,
  metadata: { version: '1.6.0', product: { name: 'Macie' } },
  finding_info: { uid: 'macie-1', title: 'The S3 object contains credentials data.' },
  severity_id: 4,
  cloud,
  resources: [{ type: 'AWS::S3::Object', uid: 'my-bucket/keys.txt' }],
};

describe('ocsf', () => {
  it('reads a Security Hub compliance finding', async () => {
    const entry = await runText('findings.json', JSON.stringify([compliance]));
    expect(entry.format).toBe('ocsf');
    const [finding] = entry.findings;
    expect(finding).toMatchObject({
      controlId: 'S3.1',
      status: 'open',
      severity: 'medium',
      kind: 'configuration',
      resourceType: 'AWS::S3::Bucket',
      resourceId: 'arn:aws:s3:::my-bucket',
      accountId: '111122223333',
      region: 'us-east-1',
      sourceTool: 'Security Hub',
      tags: { team: 'data' },
    });
    expect(finding.hints.resourceIds).toEqual(['my-bucket', 'arn:aws:s3:::my-bucket']);
    expect(finding.remediationUrl).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });

  it('reads a GuardDuty detection finding', async () => {
    const [finding] = (await runText('gd.json', JSON.stringify(detection))).findings;
    expect(finding.kind).toBe('threat');
    expect(finding.severity).toBe('low');
    expect(finding.hints.threatType).toBe('Recon:EC2/PortProbeUnprotectedPort');
    expect(finding.resourceId).toBe('arn:aws:ec2:us-east-1:111122223333:instance/i-0abc');
  });

  it('reads an Inspector vulnerability finding', async () => {
    const [finding] = (await runText('insp.json', JSON.stringify(vulnerability))).findings;
    expect(finding.kind).toBe('vulnerability');
    expect(finding.cves).toEqual(['CVE-2023-0464']);
    expect(finding.hints.packageManagers).toEqual(['OS']);
    expect(finding.hints.inspectorType).toBe('PACKAGE_VULNERABILITY');
    expect(finding.hints.cwes).toEqual(['CWE-295']);
  });

  it('reads a Macie data security finding', async () => {
    const [finding] = (await runText('macie.json', JSON.stringify(dataSecurity))).findings;
    expect(finding.kind).toBe('sensitive_data');
    expect(finding.sourceTool).toBe('Macie');
  });

  const statuses: [string, object, string][] = [
    ['compliance pass', { compliance: { control: 'S3.1', status: 'Pass' } }, 'passed'],
    ['suppressed status', { status: 'Suppressed' }, 'suppressed'],
    ['resolved status', { status: 'Resolved' }, 'resolved'],
    ['compliance warning', { compliance: { control: 'S3.1', status: 'Warning' } }, 'unknown'],
  ];
  for (const [name, fields, status] of statuses) {
    it(`maps ${name} to ${status}`, async () => {
      const [finding] = (await runText('f.json', JSON.stringify({ ...compliance, ...fields }))).findings;
      expect(finding.status).toBe(status);
    });
  }

  const shapes: [string, string][] = [
    ['JSON Lines', [compliance, detection].map((record) => JSON.stringify(record)).join('\n')],
    ['GetFindingsV2 response', JSON.stringify({ Findings: [compliance, detection], NextToken: 'x' })],
    ['EventBridge event', JSON.stringify({ 'detail-type': 'Findings Imported V2', detail: { findings: [compliance, detection] } })],
  ];
  for (const [name, text] of shapes) {
    it(`reads a ${name}`, async () => {
      const entry = await runText('findings.json', text);
      expect(entry.format).toBe('ocsf');
      expect(entry.findings.map((finding) => finding.controlId ?? finding.kind)).toEqual(['S3.1', 'threat']);
    });
  }

  it('leaves Prowler OCSF to the Prowler format', async () => {
    const prowler = { ...detection, metadata: { product: { name: 'Prowler' } } };
    const entry = await runText('prowler.ocsf.json', JSON.stringify([prowler]));
    expect(entry.format).not.toBe('ocsf');
  });

  it('reads other products and clouds without an AWS account', async () => {
    const azure = { ...detection, metadata: { product: { name: 'Defender' } }, cloud: { provider: 'Azure', region: 'westeurope' }, resources: [{ type: 'VirtualMachine', uid: '/subscriptions/x/vm1' }] };
    const [finding] = (await runText('azure.json', JSON.stringify([azure]))).findings;
    expect(finding.sourceTool).toBe('Defender');
    expect(finding.accountId).toBeNull();
    expect(finding.resourceId).toBe('/subscriptions/x/vm1');
  });

  it('rejects records of other classes', async () => {
    const entry = await runText('f.json', JSON.stringify([compliance, { ...compliance, class_uid: 3002 }]));
    expect(entry.outcomes[1]).toMatchObject({ ok: false, problem: { code: 'invalid_record', path: 'class_uid' } });
  });
});

describeWithFixtures('security lake fixtures', () => {
  async function readOne(relative: string) {
    const [entry] = await runPipeline(relative, new Uint8Array(readFileSync(fixturePath(relative))));
    return entry.findings[0];
  }

  it('reads the Parquet row as a control finding', async () => {
    const finding = await readOne('security-lake/aslv-SH_FINDINGS-example0.json.gz.parquet');
    expect(finding).toMatchObject({
      controlId: 'EC2.19',
      kind: 'configuration',
      severity: 'informational',
      // The converted ASFF record is ARCHIVED (kept in unmapped.RecordState).
      status: 'resolved',
      resourceType: 'AwsEc2SecurityGroup',
      accountId: '123456789100',
      region: 'us-east-1',
      lastUpdated: '2022-08-04T18:09:19.100Z',
      tags: { billingCode: 'abcd-1-2-3', needsPatching: 'true' },
    });
  });

  it('gives the Parquet row and its ASFF input one identity', async () => {
    const parquet = await readOne('security-lake/aslv-SH_FINDINGS-example0.json.gz.parquet');
    const asff = await readOne('security-lake/aslv-SH_FINDINGS-securityhub-inputs0.json.gz');
    expect(identityOf(parquet)).toBe(identityOf(asff));
  });
});
