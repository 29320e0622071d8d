import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeWithFixtures, fixturePath } from '../test-support/fixtures';
import { iacResourceType } from './iac';
import { runPipeline, runText } from './testing';

async function readFixtureEntry(relative: string) {
  const [entry] = await runPipeline(relative, new Uint8Array(readFileSync(fixturePath(relative))));
  return entry;
}

describe('iacResourceType', () => {
  const cases: [string, string | null][] = [
    ['aws_s3_bucket.data', 'aws_s3_bucket'],
    ['module.vpc.aws_subnet.public[0]', 'aws_subnet'],
    ['module.EKS:module.eks:aws_eks_cluster.this', 'aws_eks_cluster'],
    ['data.aws_iam_policy_document.assume', 'aws_iam_policy_document'],
    ['AWS::S3::Bucket.MyBucket', 'AWS::S3::Bucket'],
    ['aws_s3_bucket[this].policy', 'aws_s3_bucket'],
    ['module.aws_reverse_proxy.basic_auth_password', null],
    ['metadata.name={{example}}.spec', null],
    ['Deployment.default.nginx', null],
  ];
  for (const [address, type] of cases) {
    it(`reads ${address}`, () => {
      expect(iacResourceType(address)).toBe(type);
    });
  }
});

describeWithFixtures('checkov fixtures', () => {
  it('reads check id, resource and guideline', async () => {
    const [finding] = (await readFixtureEntry('iac-checkov/dd-checkov-report-1-vuln.json')).findings;
    expect(finding.checkId).toBe('CKV_AZURE_42');
    expect(finding.kind).toBe('iac');
    expect(finding.resourceType).toBe('azurerm_key_vault');
    expect(finding.resourceId).toBe('file_path:1');
    expect(finding.remediationUrl).toBe('https://docs.bridgecrew.io/docs/ensure-the-key-vault-is-recoverable');
    expect(finding.status).toBe('open');
  });

  it('reads severities as the peer does', async () => {
    const { findings } = await readFixtureEntry('iac-checkov/dd-checkov-report-severity.json');
    expect(findings.map((finding) => finding.severity)).toEqual(['medium', 'medium', 'low', 'high']);
    expect(findings[0].standards).toEqual(['CIS GCP V1.1 5.2']);
  });
});

describe('checkov', () => {
  it('reads a list of reports with passed and skipped checks', async () => {
    const check = (id: string) => ({ check_id: id, check_name: id, resource: 'aws_s3_bucket.logs', file_path: '/s3.tf', file_line_range: [3, 9] });
    const reports = [
      { check_type: 'terraform', results: { failed_checks: [check('CKV_AWS_18')], passed_checks: [check('CKV_AWS_19')], skipped_checks: [check('CKV_AWS_20')] } },
      { check_type: 'cloudformation', results: { failed_checks: [{ ...check('CKV_AWS_21'), resource: 'AWS::S3::Bucket.Logs', file_path: '/t.yaml' }], passed_checks: [] } },
    ];
    const entry = await runText('checkov.json', JSON.stringify(reports));
    expect(entry.format).toBe('checkov');
    expect(entry.findings.map((finding) => finding.status)).toEqual(['open', 'passed', 'suppressed', 'open']);
    expect(entry.findings[0].resourceType).toBe('aws_s3_bucket');
    expect(entry.findings[0].resourceId).toBe('/s3.tf:3');
    expect(entry.findings[3].resourceType).toBe('AWS::S3::Bucket');
  });
});

describeWithFixtures('tfsec fixtures', () => {
  it('reads the first current result as the peer does', async () => {
    const [first] = (await readFixtureEntry('iac-tfsec/dd-many_findings_current.json')).findings;
    expect(first.title).toBe('An ingress Network ACL rule allows ALL ports.');
    expect(first.severity).toBe('critical');
    expect(first.checkId).toBe('aws-vpc-no-excessive-port-access');
    expect(first.resourceType).toBe('aws_network_acl_rule');
    expect(first.resourceId).toBe('/tmp/aws-eks/modules/vpc-subnets/resources.tf:155');
    expect(first.remediationUrl).toBe('https://tfsec.dev/docs/aws/vpc/no-excessive-port-access#aws/vpc');
  });

  it('reads the legacy shape', async () => {
    const [finding] = (await readFixtureEntry('iac-tfsec/dd-one_finding_legacy.json')).findings;
    expect(finding.title).toBe('Potentially sensitive data stored in block attribute.');
    expect(finding.severity).toBe('medium');
    expect(finding.checkId).toBe('GEN003');
    expect(finding.resourceType).toBe('keycloak_oidc_identity_provider');
    expect(finding.remediationUrl).toBe('https://tfsec.dev/docs/general/GEN003/');
  });
});

describe('tfsec', () => {
  it('reads v1 numeric statuses and resources', async () => {
    const result = (status: number) => ({
      rule_id: 'AVD-AWS-0086',
      long_id: 'aws-s3-block-public-acls',
      rule_description: 'S3 Access block should block public ACL',
      rule_service: 's3',
      resource: 'aws_s3_bucket_public_access_block.b',
      severity: 'HIGH',
      status,
      location: { filename: 'main.tf', start_line: status + 1, end_line: 4 },
    });
    const entry = await runText('tfsec.json', JSON.stringify({ results: [result(0), result(1), result(2)] }));
    expect(entry.findings.map((finding) => finding.status)).toEqual(['open', 'passed', 'suppressed']);
    expect(entry.findings[0].hints.serviceName).toBe('s3');
    expect(entry.findings[0].resourceType).toBe('aws_s3_bucket_public_access_block');
  });

  it('does not claim other results arrays', async () => {
    const entry = await runText('x.json', JSON.stringify({ results: [{ id: 1 }] }));
    expect(entry.format).not.toBe('tfsec');
  });
});

describeWithFixtures('kics fixtures', () => {
  it('reads the first query as the peer does', async () => {
    const { findings } = await readFixtureEntry('iac-kics/dd-many_findings.json');
    expect(findings[0].title).toBe('Passwords And Secrets In Infrastructure Code');
    expect(findings[0].severity).toBe('high');
    expect(findings[0].resourceId).toBe('test/charts/example/terraform/main.tf:25');
    expect(findings[1].title).toBe('S3 Bucket Access to Any Principal');
    expect(findings[1].resourceType).toBe('aws_s3_bucket_policy');
    expect(findings[5].resourceType).toBeNull();
  });
});

describe('kics', () => {
  it('masks the matched text of secret queries', async () => {
    const report = {
      kics_version: 'v1.7.0',
      queries: [
        {
          query_name: 'Passwords And Secrets - Generic Password',
          query_id: 'q1',
          severity: 'HIGH',
          category: 'Secret Management',
          files: [{ file_name: 'main.tf', line: 3, similarity_id: 's1', search_key: 'db_password', actual_value: 'Sup3rS3cretValue!', search_value: 'Sup3rS3cretValue!' }],
        },
      ],
    };
    const entry = await runText('kics.json', JSON.stringify(report));
    expect(JSON.stringify(entry.findings)).not.toContain('Sup3rS3cretValue!');
  });
});

describe('terrascan', () => {
  const report = {
    results: {
      violations: [
        { rule_name: 's3EnforceUserACL', description: 'S3 bucket Access is allowed to all AWS Account Users.', rule_id: 'AC_AWS_0214', severity: 'HIGH', category: 'Identity and Access Management', resource_name: 'bucket', resource_type: 'aws_s3_bucket', module_name: 'root', file: 'main.tf', line: 7 },
      ],
      skipped_violations: [
        { rule_name: 'iamServiceAccountUsed', description: 'Service account roles at project level.', rule_id: 'AC_GCP_0007', severity: 'HIGH', category: 'Identity and Access Management', skip_comment: 'ok', resource_name: 'sa', resource_type: 'google_project_iam_binding', module_name: 'root', file: 'gcp.tf', line: 79 },
      ],
      scan_summary: { 'file/folder': '/src', iac_type: 'terraform', scanned_at: '2022-11-10 14:03:52 +0000 UTC', policies_validated: 8, violated_policies: 1, low: 0, medium: 0, high: 1 },
    },
  };

  it('reads violations and skipped violations', async () => {
    const entry = await runText('terrascan.json', JSON.stringify(report));
    expect(entry.format).toBe('terrascan');
    const [violation, skipped] = entry.findings;
    expect(violation.checkId).toBe('AC_AWS_0214');
    expect(violation.resourceType).toBe('aws_s3_bucket');
    expect(violation.resourceId).toBe('main.tf:7');
    expect(violation.severity).toBe('high');
    expect(violation.status).toBe('open');
    expect(skipped.status).toBe('suppressed');
  });

  it('reads a report with no violations', async () => {
    const empty = { results: { violations: null, skipped_violations: null, scan_summary: { violated_policies: 0 } } };
    const entry = await runText('terrascan.json', JSON.stringify(empty));
    expect(entry.format).toBe('terrascan');
    expect(entry.outcomes).toEqual([]);
  });
});
