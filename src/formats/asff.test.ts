import { describe, expect, it } from 'vitest';
import { describeWithFixtures, expectedRecords, fixturesIn } from '../test-support/fixtures';
import { parseFixture, parseText, recordCount, type ParsedEntry } from '../test-support/parse-fixture';
import { asffFormat } from './asff';
import { guardDutyTypeFromAsff } from './asff-hints';

const ASFF_FIXTURES = [
  ...fixturesIn('asff'),
  ...fixturesIn('electriceye'),
  ...fixturesIn('security-lake').filter((file) => file.endsWith('.json.gz')),
];

function finding(entry: ParsedEntry, index = 0) {
  const found = entry.findings[index];
  if (!found) throw new Error(`no finding ${index} in ${entry.input.fileName}`);
  return found;
}

function statusCounts(entry: ParsedEntry): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of entry.findings) counts[item.status] = (counts[item.status] ?? 0) + 1;
  return counts;
}

describeWithFixtures('asff fixtures', () => {
  it.each(ASFF_FIXTURES)('%s: record count', async (file) => {
    const entry = await parseFixture(file);
    expect(entry.format?.id, entry.tried.map((attempt) => `${attempt.id}: ${attempt.reason}`).join('\n')).toBe('asff');
    expect(recordCount(entry)).toBe(expectedRecords(file));
    expect(entry.problems.filter((problem) => problem.code !== 'not_findings')).toEqual([]);
  });

  it('inspector CVE: title, severity, package manager', async () => {
    const entry = await parseFixture('asff/dd-sechub-inspector_ec2_cve.json');
    const first = finding(entry);
    // DefectDojo appends " - Resource: <instance>" to the title, but we keep the source title and the resource id.
    expect(first.title).toBe('CVE-2022-3643 - kernel');
    expect(first.resourceId).toBe('arn:aws:ec2:us-east-1:XXXXXXXXXXXX:i-11111111111111111');
    expect(first.severity).toBe('critical');
    expect(first.kind).toBe('vulnerability');
    expect(first.sourceTool).toBe('Inspector');
    expect(first.status).toBe('open');
    expect(first.cves).toContain('CVE-2022-3643');
    expect(first.hints.packageManagers).toEqual(['OS']);
    expect(first.hints.inspectorType).toBe('PACKAGE_VULNERABILITY');
  });

  it('inspector GHSA: vulnerability ids', async () => {
    const first = finding(await parseFixture('asff/dd-sechub-inspector_ec2_ghsa.json'));
    expect(first.severity).toBe('medium');
    expect(first.cves).toContain('GHSA-p98r-538v-jgw5');
    expect(first.cves).toContain('CVE-2023-34256');
  });

  it('inspector with string EpssScore is read', async () => {
    const entry = await parseFixture('asff/dd-sechub-issue_10956.json');
    expect(entry.findings).toHaveLength(1);
    expect(finding(entry).raw).toContain('"EpssScore":"0.00239"');
    expect(finding(entry).cves).toEqual(['CVE-2024-1234']);
  });

  it('missing AwsAccountId is read', async () => {
    const first = finding(await parseFixture('asff/dd-sechub-missing_account_id.json'));
    expect(first.accountId).toBeNull();
    expect(first.resourceId).toBe('i-1234xxyy');
  });

  it('CIS 1.3 event: account, control, status', async () => {
    const first = finding(await parseFixture('asff/asr-eventbridge-cis-1.3.json'));
    expect(first.accountId).toBe('111111111111');
    expect(first.controlId).toBe('1.3');
    expect(first.standards).toContain('ruleset/cis-aws-foundations-benchmark/v/1.2.0');
    expect(first.status).toBe('unknown');
    expect(first.sourceTool).toBe('Security Hub');
  });

  it('missing GeneratorId is read', async () => {
    // The automated-security-response parser raises here, but we read what the record contains.
    const entry = await parseFixture('asff/asr-eventbridge-imported-missing-GeneratorId.json');
    expect(entry.findings).toHaveLength(1);
    expect(finding(entry).controlId).toBe('1.3');
  });

  it('passed control: status and remediation', async () => {
    const first = finding(await parseFixture('asff/dd-sechub-config_one_finding.json'));
    expect(first.status).toBe('passed');
    expect(first.severity).toBe('informational');
    expect(first.controlId).toBe('IAM.5');
    expect(first.remediationUrl).toBe('https://docs.aws.amazon.com/console/securityhub/IAM.5/remediation');
    expect(first.id).toMatch(/IAM\.5\/finding\/de861909-2d26-4e45-bd86-19d2ab6ceef1$/);
  });

  it('failed control is open', async () => {
    const first = finding(await parseFixture('asff/dd-sechub-config_one_finding_active.json'));
    expect(first.status).toBe('open');
    expect(first.severity).toBe('medium');
  });

  it('repeated Id: two records, same identity', async () => {
    // DefectDojo merges these into one finding, but we count both records and ingest marks the second a duplicate.
    const entry = await parseFixture('asff/dd-sechub-config_repeated_findings.json');
    expect(entry.findings).toHaveLength(2);
    const [first, second] = entry.findings;
    expect([second.id, second.controlId, second.resourceId]).toEqual([first.id, first.controlId, first.resourceId]);
  });

  it('multiple resources: all ids in hints', async () => {
    const entry = await parseFixture('asff/dd-sechub-config_multiple_resources.json');
    expect(finding(entry, 0).accountId).toBe('012345678912');
    expect(finding(entry, 1).accountId).toBe('001122334455');
    expect(finding(entry, 1).hints.resourceIds).toEqual(['arn:aws:s3:::zeta-reports-bucket', 'arn:aws:s3:::alpha-artifacts-bucket']);
    expect(finding(entry, 0).hints.resourceTypes).toEqual(['AwsEc2SecurityGroup', 'AwsEc2Vpc']);
  });

  it('guardduty: threat types and severities', async () => {
    const entry = await parseFixture('asff/dd-sechub-guardduty.json');
    expect(finding(entry, 0).severity).toBe('medium');
    expect(finding(entry, 0).kind).toBe('threat');
    expect(finding(entry, 0).hints.threatType).toBe('DefenseEvasion:EC2/UnusualDNSResolver');
    expect(finding(entry, 0).hints.resourceRole).toBe('ACTOR');
    expect(finding(entry, 3).severity).toBe('low');
    // DefectDojo appends " - Resource: 123123123" to this title, but we keep the source title.
    expect(finding(entry, 3).title).toBe('User AssumedRole : 123123123 is anomalously invoking APIs commonly used in Discovery tactics.');
    expect(finding(entry, 3).hints.threatType).toBe('Discovery:IAMUser/AnomalousBehavior');
  });

  it('guardduty array: resources and time', async () => {
    const first = finding(await parseFixture('asff/dd-asff-guardduty-unusual-behaviors.json'));
    expect(first.status).toBe('open');
    expect(first.hints.resourceTypes).toEqual(['AwsEc2Instance', 'AwsIamAccessKey']);
    expect(first.hints.threatType).toBe('Persistence:IAMUser/NetworkPermissions');
    expect(first.firstSeen).toBe('2020-11-11T11:47:26.511Z');
  });

  it('prowler ASFF: tool, check id, statuses', async () => {
    const entry = await parseFixture('asff/dd-asff-prowler-output.asff.json');
    expect(finding(entry).sourceTool).toBe('Prowler');
    expect(finding(entry).checkId).toBe('accessanalyzer_enabled');
    expect(finding(entry).controlId).toBeNull();
    // PASSED 441, FAILED 286, INFOED 4 in the file.
    expect(statusCounts(entry)).toEqual({ passed: 441, open: 286, unknown: 4 });
  });

  it('electriceye: tool, own ids, statuses', async () => {
    const entry = await parseFixture('electriceye/ee-2021-testfindings.asff-array.json');
    expect(finding(entry).sourceTool).toBe('ElectricEye');
    // ElectricEye's "[IAM.1]" numbering is its own, not a Security Hub control.
    expect(entry.findings.every((item) => item.controlId === null)).toBe(true);
    expect(statusCounts(entry)).toEqual({ resolved: 9, open: 4 });
  });

  it('archived inspector page is resolved', async () => {
    const entry = await parseFixture('asff/c7n-placebo-sechub-GetFindings-ecr-inspector.json');
    expect(statusCounts(entry)).toEqual({ resolved: 20 });
  });

  it('custom action event: resource', async () => {
    const first = finding(await parseFixture('asff/c7n-eventbridge-custom-action-cloudtrail.json'));
    expect(first.resourceId).toBe('arn:aws:cloudtrail:us-east-1:644160558196:trail/skunk-trails');
    expect(first.status).toBe('passed');
  });

  it('archived passed control is resolved', async () => {
    const first = finding(await parseFixture('asff/awscli-doc-securityhub-get-findings-ex1.json'));
    expect(first.status).toBe('resolved');
    expect(first.controlId).toBe('PCI.Lambda.2');
  });

  it('custom product: tool and rule key', async () => {
    const first = finding(await parseFixture('asff/c7n-placebo-sechub-GetFindings-2018-custom-product.json'));
    expect(first.sourceTool).toBe('CloudCustodian');
    expect(first.description).toBe('');
    expect(first.hints.ruleKey).toBe('s3-finding');
  });

  it('insight results: no records, a note', async () => {
    const entry = await parseFixture('asff/c7n-eventbridge-insight-results-NO-findings.json');
    expect(recordCount(entry)).toBe(0);
    expect(entry.problems).toHaveLength(1);
    expect(entry.problems[0].code).toBe('not_findings');
    expect(entry.problems[0].detail).toContain('Security Hub Insight Results');
  });

  it('security lake gzip: control id', async () => {
    const first = finding(await parseFixture('security-lake/aslv-SH_FINDINGS-securityhub-inputs0.json.gz'));
    // Compliance.SecurityControlId is the placeholder ["ABCDEFxyz"], so the legacy ControlId is used.
    expect(first.controlId).toBe('EC2.19');
    expect(first.standards).toContain('standards/aws-foundational-security-best-practices/v/1.0.0');
    expect(first.kind).toBe('configuration');
  });

  it('rds control: engine hint', async () => {
    const first = finding(await parseFixture('asff/asr-bare-finding-afsbp-rds.13.json'));
    expect(first.controlId).toBe('RDS.13');
    expect(first.hints.dbEngine).toBe('postgres');
  });
});

/** Builds a minimal ASFF finding; `overrides` replace or add top-level keys. */
function asffFinding(id: string | undefined, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    SchemaVersion: '2018-10-08',
    ...(id === undefined ? {} : { Id: id }),
    ProductArn: 'arn:aws:securityhub:us-east-1::product/aws/securityhub',
    GeneratorId: 'security-control/S3.1',
    AwsAccountId: '111122223333',
    Types: ['Software and Configuration Checks/Industry and Regulatory Standards'],
    Title: 'S3 general purpose buckets should have block public access settings enabled',
    Severity: { Label: 'MEDIUM' },
    Resources: [{ Type: 'AwsAccount', Id: 'AWS::::Account:111122223333', Region: 'us-east-1' }],
    Compliance: { Status: 'FAILED', SecurityControlId: 'S3.1' },
    ...overrides,
  };
}

function event(findings: unknown[]): Record<string, unknown> {
  return { version: '0', 'detail-type': 'Security Hub Findings - Imported', source: 'aws.securityhub', detail: { findings } };
}

describe('asff shapes', () => {
  it('get-findings page', async () => {
    const entry = await parseText('page.json', JSON.stringify({ Findings: [asffFinding('a'), asffFinding('b')], NextToken: 'x' }));
    expect(entry.findings.map((item) => item.id)).toEqual(['a', 'b']);
    expect(finding(entry).controlId).toBe('S3.1');
    expect(finding(entry).accountId).toBe('111122223333');
  });

  it('lower-case findings page', async () => {
    const entry = await parseText('page.json', JSON.stringify({ findings: [asffFinding('a')] }));
    expect(entry.format?.id).toBe('asff');
    expect(entry.findings).toHaveLength(1);
  });

  it('single finding object', async () => {
    const entry = await parseText('one.json', JSON.stringify(asffFinding('only')));
    expect(entry.findings.map((item) => item.id)).toEqual(['only']);
  });

  it('JSON Lines: one finding per line', async () => {
    const text = [asffFinding('a'), asffFinding('b'), asffFinding('c')].map((item) => JSON.stringify(item)).join('\n');
    const entry = await parseText('findings.jsonl', text);
    expect(entry.input.doc.kind).toBe('jsonl');
    expect(entry.findings.map((item) => item.id)).toEqual(['a', 'b', 'c']);
    expect(entry.outcomes.map((outcome) => (outcome.ok ? outcome.record : -1))).toEqual([0, 1, 2]);
  });

  it('JSON Lines: one event per line', async () => {
    const text = [event([asffFinding('a')]), event([asffFinding('b'), asffFinding('c')])].map((item) => JSON.stringify(item)).join('\n');
    const entry = await parseText('events.jsonl', text);
    expect(entry.findings.map((item) => item.id)).toEqual(['a', 'b', 'c']);
  });

  it('EventBridge array of events', async () => {
    const entry = await parseText('events.json', JSON.stringify([event([asffFinding('a')]), event([asffFinding('b')])]));
    expect(entry.format?.id).toBe('asff');
    expect(entry.findings.map((item) => item.id)).toEqual(['a', 'b']);
    expect(entry.outcomes.map((outcome) => (outcome.ok ? outcome.record : -1))).toEqual([0, 1]);
  });

  it('recorded response under data', async () => {
    const text = JSON.stringify({ status_code: 200, data: { ResponseMetadata: {}, Findings: [asffFinding('a')] } });
    const entry = await parseText('recorded.json', text);
    expect(entry.findings.map((item) => item.id)).toEqual(['a']);
  });

  it('empty Findings page is ASFF', async () => {
    const entry = await parseText('empty.json', JSON.stringify({ Findings: [], NextToken: null }));
    expect(entry.format?.id).toBe('asff');
    expect(entry.outcomes).toEqual([]);
  });

  it('empty lower-case findings is not claimed', () => {
    const detection = asffFormat.detect({ fileName: 'x.json', doc: { kind: 'json', value: { findings: [] } } });
    expect(detection.match).toBe(false);
  });
});

describe('asff rejections', () => {
  it('non-object and missing Id beside good records', async () => {
    const records = [asffFinding('good-1'), 'not a finding', asffFinding(undefined), asffFinding('good-2')];
    const entry = await parseText('mixed.json', JSON.stringify(records));
    expect(entry.findings.map((item) => item.id)).toEqual(['good-1', 'good-2']);
    expect(entry.problems).toEqual([
      { code: 'wrong_type', record: 1, detail: 'the record is a string, expected an ASFF finding object', path: undefined },
      { code: 'missing_field', record: 2, detail: 'the finding has no Id, which identifies it', path: 'Id' },
    ]);
  });

  it('object Id is a wrong type', async () => {
    const entry = await parseText('bad-id.json', JSON.stringify([asffFinding('ok'), asffFinding(undefined, { Id: { nested: true } })]));
    expect(entry.problems.map((problem) => [problem.code, problem.path])).toEqual([['wrong_type', 'Id']]);
  });

  it('JSON Lines rejection names the line', async () => {
    const text = `${JSON.stringify(asffFinding('a'))}\n\n${JSON.stringify(asffFinding(undefined))}\n`;
    const entry = await parseText('lines.jsonl', text);
    expect(entry.problems).toHaveLength(1);
    expect(entry.problems[0].record).toBe(2);
    expect(entry.problems[0].detail).toContain('line 3');
  });

  it('missing optional keys do not reject', async () => {
    const bare = { Id: 'x', ProductArn: 'arn:aws:securityhub:eu-west-1::product/aws/guardduty', Resources: [], Types: [] };
    const entry = await parseText('bare.json', JSON.stringify([bare]));
    expect(entry.problems).toEqual([]);
    expect(finding(entry).title).toBe('x');
    expect(finding(entry).sourceTool).toBe('GuardDuty');
    expect(finding(entry).region).toBe('eu-west-1');
  });

  it('__proto__ keys stay data', async () => {
    const resources = '[{"Type": "AwsS3Bucket", "Id": "arn:aws:s3:::b", "Tags": {"__proto__": "tag value"}}]';
    const record = JSON.stringify(asffFinding('p', { Resources: 'RESOURCES' })).replace('"RESOURCES"', resources);
    const text = `[${record.replace('{', '{"__proto__": {"polluted": true},')}]`;
    const entry = await parseText('proto.json', text);
    expect(entry.findings).toHaveLength(1);
    expect(Object.getOwnPropertyDescriptor(finding(entry).tags, '__proto__')?.value).toBe('tag value');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('asff status and fields', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['workflow suppressed', { Workflow: { Status: 'SUPPRESSED' } }, 'suppressed'],
    ['workflow state suppressed', { WorkflowState: 'SUPPRESSED' }, 'suppressed'],
    ['workflow resolved', { Workflow: { Status: 'RESOLVED' } }, 'resolved'],
    ['record archived', { RecordState: 'ARCHIVED' }, 'resolved'],
    ['compliance passed', { Compliance: { Status: 'PASSED' } }, 'passed'],
    ['compliance warning', { Compliance: { Status: 'WARNING' } }, 'unknown'],
    ['compliance not available', { Compliance: { Status: 'NOT_AVAILABLE' } }, 'unknown'],
    ['prowler infoed', { Compliance: { Status: 'INFOED' } }, 'unknown'],
    ['no compliance', { Compliance: undefined }, 'open'],
    ['inspector closed', { Compliance: undefined, ProductFields: { 'aws/inspector/FindingStatus': 'CLOSED' } }, 'resolved'],
  ];

  it.each(cases)('status: %s', async (_name, overrides, expected) => {
    const entry = await parseText('status.json', JSON.stringify([asffFinding('s', overrides)]));
    expect(finding(entry).status).toBe(expected);
  });

  it('severity falls back to Normalized', async () => {
    const entry = await parseText('sev.json', JSON.stringify([asffFinding('s', { Severity: { Normalized: 75 } })]));
    expect(finding(entry).severity).toBe('high');
  });

  it('remediation URL keeps only http and https', async () => {
    const remediation = { Recommendation: { Text: 'Fix it', Url: 'javascript:alert(1)' } };
    const entry = await parseText('url.json', JSON.stringify([asffFinding('s', { Remediation: remediation })]));
    expect(finding(entry).remediation).toBe('Fix it');
    expect(finding(entry).remediationUrl).toBeNull();
  });

  it('variant hints from resource details', async () => {
    const resources = [
      { Type: 'AwsEcsTaskDefinition', Id: 'arn:aws:ecs:us-east-1:111122223333:task-definition/web:3', Details: { AwsEcsTaskDefinition: { RequiresCompatibilities: ['EC2', 'FARGATE'] } } },
      { Type: 'AwsLambdaFunction', Id: 'arn:aws:lambda:us-east-1:111122223333:function:f', Details: { AwsLambdaFunction: { PackageType: 'Image', Runtime: 'provided.al2' } } },
      { Type: 'AwsEc2Instance', Id: 'arn:aws:ec2:us-east-1:111122223333:instance/i-1', Tags: { 'eks:cluster-name': 'prod' } },
    ];
    const entry = await parseText('variants.json', JSON.stringify([asffFinding('v', { Resources: resources })]));
    expect(finding(entry).hints).toMatchObject({ launchType: 'FARGATE', lambdaPackageType: 'Image', lambdaRuntime: 'provided.al2', eksNode: true });
    expect(finding(entry).tags).toEqual({ 'eks:cluster-name': 'prod' });
    expect(finding(entry).resourceType).toBe('AwsEcsTaskDefinition');
  });

  it('hints: only present facts, fixed order', async () => {
    const inspector = asffFinding('i', {
      ProductArn: 'arn:aws:securityhub:us-east-1::product/aws/inspector',
      GeneratorId: 'AWSInspector',
      Compliance: undefined,
      Types: ['Software and Configuration Checks/Vulnerabilities/CVE'],
      FindingProviderFields: { Types: ['Software and Configuration Checks/Vulnerabilities/CVE', 'Extra/Type'] },
      Resources: [{ Type: 'AwsEc2Instance', Id: 'arn:aws:ec2:us-east-1:111122223333:instance/i-1', Details: { AwsRdsDbInstance: { Engine: 'postgres' } } }],
      Vulnerabilities: [{ Id: 'CVE-2024-1', VulnerablePackages: [{ PackageManager: 'OS' }], RelatedVulnerabilities: ['CVE-2024-2', 'GHSA-x'] }],
    });
    const control = asffFinding('c', { FindingProviderFields: undefined });
    const entry = await parseText('hints.json', JSON.stringify([inspector, control]));

    const inspectorFinding = finding(entry, 0);
    expect(Object.keys(inspectorFinding.hints)).toEqual([
      'productName',
      'types',
      'packageManagers',
      'inspectorType',
      'resourceTypes',
      'resourceIds',
      'dbEngine',
    ]);
    expect(inspectorFinding.hints.types).toEqual(['Software and Configuration Checks/Vulnerabilities/CVE', 'Extra/Type']);
    expect(inspectorFinding.cves).toEqual(['CVE-2024-1', 'CVE-2024-2']);

    const controlFinding = finding(entry, 1);
    expect(Object.keys(controlFinding.hints)).toEqual(['productName', 'types', 'resourceTypes', 'resourceIds']);
    expect(controlFinding.cves).toEqual([]);
  });

  it('tags of several resources: earlier wins', async () => {
    const resources = [
      { Type: 'AwsS3Bucket', Id: 'arn:aws:s3:::a', Tags: { Team: 'first', Env: 'prod' } },
      { Type: 'AwsS3Bucket', Id: 'arn:aws:s3:::b', Tags: { Team: 'second', Owner: 'ops' } },
    ];
    const entry = await parseText('tags.json', JSON.stringify([asffFinding('t', { Resources: resources })]));
    expect(finding(entry).tags).toEqual({ Team: 'first', Env: 'prod', Owner: 'ops' });
  });

  it('account from an account resource id', async () => {
    const entry = await parseText('account.json', JSON.stringify([asffFinding('a', { AwsAccountId: undefined })]));
    expect(finding(entry).accountId).toBe('111122223333');
  });

  it('legacy title prefix gives the control id', async () => {
    const legacy = asffFinding('t', { Compliance: { Status: 'FAILED' }, GeneratorId: 'custom', Title: 'IAM.4 IAM root user access key should not exist' });
    const entry = await parseText('legacy.json', JSON.stringify([legacy]));
    expect(finding(entry).controlId).toBe('IAM.4');
  });
});

describe('guardDutyTypeFromAsff', () => {
  it.each([
    ['TTPs/Command and Control/Trojan:EC2-DropPoint', 'Trojan:EC2/DropPoint'],
    ['TTPs/Command and Control/Backdoor:EC2-C&CActivity.B!DNS', 'Backdoor:EC2/C&CActivity.B!DNS'],
    ['TTPs/Initial Access/IAMUser-AnomalousBehavior', 'InitialAccess:IAMUser/AnomalousBehavior'],
    ['Software and Configuration Checks/Industry and Regulatory Standards', null],
  ])('%s', (type, expected) => {
    expect(guardDutyTypeFromAsff(type)).toBe(expected);
  });
});
