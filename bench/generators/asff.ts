/**
 * Writes a Security Hub export in the shape of `aws securityhub get-findings` output: `{"Findings":[...]}`
 * of ASFF (schema 2018-10-08) findings from four products. Security Hub control findings use real control
 * ids from the FSBP table, Prowler findings real check ids; GuardDuty and Inspector findings use a small
 * table of real finding types and packages. Each finding is about 2 KB of compact JSON, as in real exports.
 *
 * Status: every finding gets one intended status and source fields that only that status fits, so any
 * reasonable reading of RecordState, Workflow.Status and Compliance.Status gives the tallied value.
 */
import type { Severity, Status } from '../../src/model/vocabulary';
import { REGIONS, isoTime, laterTime, makeAccounts } from '../lib/places';
import { Random } from '../lib/random';
import { readChecks, readControls, type CheckRow, type ControlRow } from '../lib/reference';
import { countProduct, countSource, emptyTally, type Tally } from '../lib/tally';
import type { FileWriter } from '../lib/writer';

export interface GenerateOptions {
  count: number;
  seed: number;
  accounts?: number;
}

type Product = 'securityhub' | 'guardduty' | 'inspector' | 'prowler';

const PRODUCT_WEIGHTS: Record<Product, number> = { securityhub: 55, guardduty: 10, inspector: 25, prowler: 10 };

/** Intended status mix of Security Hub control findings. */
const STATUS_WEIGHTS: Record<Status, number> = { open: 40, passed: 35, suppressed: 6, resolved: 14, unknown: 5 };

const SEVERITY_WEIGHTS: Record<Severity, number> = { critical: 4, high: 18, medium: 45, low: 20, informational: 13 };

/** ASFF Severity.Label and the Normalized score Security Hub derives from it. */
const SEVERITY_LABELS: Record<Severity, { label: string; normalized: number }> = {
  critical: { label: 'CRITICAL', normalized: 90 },
  high: { label: 'HIGH', normalized: 70 },
  medium: { label: 'MEDIUM', normalized: 40 },
  low: { label: 'LOW', normalized: 1 },
  informational: { label: 'INFORMATIONAL', normalized: 0 },
};

interface Context {
  random: Random;
  accounts: string[];
  controls: ControlRow[];
  checks: CheckRow[];
}

/** Source fields for one status. Compliance is absent for products without one (GuardDuty, Inspector). */
interface StatusFields {
  recordState: 'ACTIVE' | 'ARCHIVED';
  workflow: 'NEW' | 'NOTIFIED' | 'SUPPRESSED' | 'RESOLVED' | undefined;
  compliance: 'PASSED' | 'FAILED' | 'WARNING' | 'NOT_AVAILABLE' | undefined;
}

/** Writes `options.count` findings to `out` and returns the tally. Only one finding is in memory at a time. */
export function generateAsff(options: GenerateOptions, out: FileWriter): Tally {
  const random = new Random(options.seed);
  const context: Context = {
    random,
    accounts: makeAccounts(random, options.accounts ?? 12),
    controls: readControls(),
    checks: readChecks(),
  };
  const tally = emptyTally('asff', options.seed, context.accounts.length, REGIONS.length);

  out.write('{\n  "Findings": [\n');
  for (let index = 0; index < options.count; index++) {
    const product = random.weighted(PRODUCT_WEIGHTS);
    const status = pickStatus(random, product);
    const severity = random.weighted(SEVERITY_WEIGHTS);
    const fields = statusFields(random, product, status);
    const finding = BUILDERS[product](context, index, severity, fields);

    out.write(index === 0 ? '    ' : ',\n    ');
    out.write(JSON.stringify(finding));

    tally.records++;
    tally.byStatus[status]++;
    tally.bySeverity[severity]++;
    countProduct(tally, product);
    countSource(tally, 'RecordState', fields.recordState);
    countSource(tally, 'Workflow.Status', fields.workflow);
    countSource(tally, 'Compliance.Status', fields.compliance);
  }
  out.write('\n  ]\n}\n');
  return tally;
}

/**
 * Prowler's ASFF output has no workflow, so its findings are open, passed or unknown. GuardDuty and
 * Inspector findings have no compliance result, so they are open, suppressed or resolved.
 */
function pickStatus(random: Random, product: Product): Status {
  switch (product) {
    case 'securityhub':
      return random.weighted(STATUS_WEIGHTS);
    case 'prowler':
      return random.weighted({ open: 45, passed: 50, unknown: 5 });
    case 'guardduty':
    case 'inspector':
      return random.weighted({ open: 70, suppressed: 10, resolved: 20 });
  }
}

function statusFields(random: Random, product: Product, status: Status): StatusFields {
  const hasCompliance = product === 'securityhub' || product === 'prowler';
  const failing = hasCompliance ? 'FAILED' : undefined;
  const workflowless = product === 'prowler';
  switch (status) {
    case 'open':
      return { recordState: 'ACTIVE', workflow: workflowless ? undefined : random.pick(['NEW', 'NOTIFIED'] as const), compliance: failing };
    case 'passed':
      return { recordState: 'ACTIVE', workflow: workflowless ? undefined : 'NEW', compliance: 'PASSED' };
    case 'suppressed':
      return { recordState: 'ACTIVE', workflow: 'SUPPRESSED', compliance: failing };
    case 'resolved':
      return random.next() < 0.5
        ? { recordState: 'ARCHIVED', workflow: 'NEW', compliance: failing }
        : { recordState: 'ACTIVE', workflow: 'RESOLVED', compliance: failing };
    case 'unknown':
      return {
        recordState: 'ACTIVE',
        workflow: workflowless ? undefined : 'NEW',
        compliance: random.pick(['WARNING', 'NOT_AVAILABLE'] as const),
      };
  }
}

type Builder = (context: Context, index: number, severity: Severity, fields: StatusFields) => Record<string, unknown>;

const BUILDERS: Record<Product, Builder> = {
  securityhub: controlFinding,
  guardduty: guardDutyFinding,
  inspector: inspectorFinding,
  prowler: prowlerFinding,
};

/** Fields every ASFF finding carries, in the order Security Hub writes them. */
function baseFinding(
  context: Context,
  id: string,
  product: { arn: string; name: string; company: string },
  generatorId: string,
  account: string,
  region: string,
): Record<string, unknown> {
  const created = isoTime(context.random);
  return {
    SchemaVersion: '2018-10-08',
    Id: id,
    ProductArn: product.arn,
    ProductName: product.name,
    CompanyName: product.company,
    Region: region,
    GeneratorId: generatorId,
    AwsAccountId: account,
    FirstObservedAt: created,
    LastObservedAt: laterTime(context.random, created),
    CreatedAt: created,
    UpdatedAt: laterTime(context.random, created),
  };
}

function severityField(severity: Severity): Record<string, unknown> {
  const { label, normalized } = SEVERITY_LABELS[severity];
  return { Label: label, Normalized: normalized, Original: label };
}

/** The deprecated WorkflowState that Security Hub still writes beside Workflow.Status. */
const LEGACY_WORKFLOW_STATE: Record<NonNullable<StatusFields['workflow']>, string> = {
  NEW: 'NEW',
  NOTIFIED: 'ASSIGNED',
  SUPPRESSED: 'DEFERRED',
  RESOLVED: 'RESOLVED',
};

function stateFields(fields: StatusFields, time: string): Record<string, unknown> {
  const out: Record<string, unknown> = { RecordState: fields.recordState };
  if (fields.workflow !== undefined) {
    out.WorkflowState = LEGACY_WORKFLOW_STATE[fields.workflow];
    out.Workflow = { Status: fields.workflow };
  }
  out.ProcessedAt = time;
  return out;
}

function controlFinding(context: Context, index: number, severity: Severity, fields: StatusFields): Record<string, unknown> {
  const { random } = context;
  const control = random.pick(context.controls);
  const account = random.pick(context.accounts);
  const region = random.pick(REGIONS);
  const resource = resourceFor(random, control, account, region);
  const findingId = `arn:aws:securityhub:${region}:${account}:security-control/${control.controlId}/finding/${random.uuid()}`;
  const base = baseFinding(
    context,
    findingId,
    { arn: `arn:aws:securityhub:${region}::product/aws/securityhub`, name: 'Security Hub', company: 'AWS' },
    `security-control/${control.controlId}`,
    account,
    region,
  );
  return {
    ...base,
    Types: ['Software and Configuration Checks/Industry and Regulatory Standards'],
    Severity: severityField(severity),
    Title: control.title,
    Description: `This control checks the requirement "${control.title}" for the resource. Finding ${index}.`,
    Remediation: {
      Recommendation: {
        Text: 'For information on how to correct this issue, consult the AWS Security Hub controls documentation.',
        Url: `https://docs.aws.amazon.com/console/securityhub/${control.controlId}/remediation`,
      },
    },
    ProductFields: {
      RelatedAWSResources: `securityhub-${control.controlId.toLowerCase().replace('.', '-')}-${random.hex(8)}`,
      'aws/securityhub/ProductName': 'Security Hub',
      'aws/securityhub/CompanyName': 'AWS',
      'aws/securityhub/FindingId': findingId,
      'Resources:0/Id': resource.Id,
    },
    Resources: [resource],
    Compliance: {
      Status: fields.compliance,
      SecurityControlId: control.controlId,
      AssociatedStandards: [{ StandardsId: 'standards/aws-foundational-security-best-practices/v/1.0.0' }],
    },
    ...stateFields(fields, base.UpdatedAt as string),
    FindingProviderFields: { Severity: { Label: SEVERITY_LABELS[severity].label, Original: SEVERITY_LABELS[severity].label }, Types: ['Software and Configuration Checks/Industry and Regulatory Standards'] },
  };
}

/** CloudFormation names whose ASFF name is not the plain concatenation. */
const ASFF_TYPE_NAMES: Record<string, string> = {
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'AwsElbv2LoadBalancer',
  'AWS::ElasticLoadBalancing::LoadBalancer': 'AwsElbLoadBalancer',
  'AWS::OpenSearch::Domain': 'AwsOpenSearchServiceDomain',
  'AWS::::Account': 'AwsAccount',
  'AWS account': 'AwsAccount',
};

function resourceFor(random: Random, control: ControlRow, account: string, region: string): Record<string, unknown> {
  const cfnType = control.configResourceType;
  const type = ASFF_TYPE_NAMES[cfnType] ?? (cfnType.startsWith('AWS::') ? `Aws${cfnType.slice(5).replace('::', '').replace(/DB/g, 'Db')}` : 'Other');
  if (type === 'AwsAccount') {
    return { Type: type, Id: `AWS::::Account:${account}`, Partition: 'aws', Region: region };
  }
  const prefix = control.controlId.split('.')[0].toLowerCase();
  const name = `${prefix}-${random.hex(12)}`;
  return {
    Type: type,
    Id: `arn:aws:${prefix}:${region}:${account}:${name}`,
    Partition: 'aws',
    Region: region,
    Tags: { Environment: random.pick(['prod', 'staging', 'dev']), Team: random.pick(['payments', 'platform', 'data']) },
  };
}

/** Real GuardDuty finding types with the ASFF resource type they name. */
const GUARDDUTY_TYPES: readonly { type: string; tactic: string; resourceType: string; action: string }[] = [
  { type: 'Recon:EC2/PortProbeUnprotectedPort', tactic: 'Discovery', resourceType: 'AwsEc2Instance', action: 'PORT_PROBE' },
  { type: 'UnauthorizedAccess:EC2/SSHBruteForce', tactic: 'Initial Access', resourceType: 'AwsEc2Instance', action: 'NETWORK_CONNECTION' },
  { type: 'Trojan:EC2/DNSDataExfiltration', tactic: 'Exfiltration', resourceType: 'AwsEc2Instance', action: 'DNS_REQUEST' },
  { type: 'CryptoCurrency:EC2/BitcoinTool.B!DNS', tactic: 'Impact', resourceType: 'AwsEc2Instance', action: 'DNS_REQUEST' },
  { type: 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS', tactic: 'Credential Access', resourceType: 'AwsIamAccessKey', action: 'AWS_API_CALL' },
  { type: 'Discovery:S3/AnomalousBehavior', tactic: 'Discovery', resourceType: 'AwsS3Bucket', action: 'AWS_API_CALL' },
  { type: 'Policy:IAMUser/RootCredentialUsage', tactic: 'Privilege Escalation', resourceType: 'AwsIamAccessKey', action: 'AWS_API_CALL' },
  { type: 'PrivilegeEscalation:Kubernetes/PrivilegedContainer', tactic: 'Privilege Escalation', resourceType: 'AwsEksCluster', action: 'KUBERNETES_API_CALL' },
];

function guardDutyFinding(context: Context, index: number, severity: Severity, fields: StatusFields): Record<string, unknown> {
  const { random } = context;
  const threat = random.pick(GUARDDUTY_TYPES);
  const account = random.pick(context.accounts);
  const region = random.pick(REGIONS);
  const detector = random.hex(32);
  const findingHex = random.hex(32);
  const base = baseFinding(
    context,
    `arn:aws:guardduty:${region}:${account}:detector/${detector}/finding/${findingHex}`,
    { arn: `arn:aws:securityhub:${region}::product/aws/guardduty`, name: 'GuardDuty', company: 'Amazon' },
    `arn:aws:guardduty:${region}:${account}:detector/${detector}`,
    account,
    region,
  );
  const resourceId =
    threat.resourceType === 'AwsEc2Instance'
      ? `arn:aws:ec2:${region}:${account}:instance/i-${random.hex(17)}`
      : threat.resourceType === 'AwsS3Bucket'
        ? `arn:aws:s3:::bucket-${random.hex(10)}`
        : threat.resourceType === 'AwsEksCluster'
          ? `arn:aws:eks:${region}:${account}:cluster/cluster-${random.hex(6)}`
          : `AKIA${random.hex(16).toUpperCase()}`;
  return {
    ...base,
    Types: [`TTPs/${threat.tactic}/${threat.type.replace('/', '-')}`],
    Severity: severityField(severity),
    Title: `${threat.type} activity observed against ${resourceId.split('/').pop()}`,
    Description: `GuardDuty reported ${threat.type} for a resource in account ${account}. Finding ${index}.`,
    SourceUrl: `https://console.aws.amazon.com/guardduty/home?region=${region}#/findings?search=id%3D${findingHex}`,
    ProductFields: {
      'aws/guardduty/service/action/actionType': threat.action,
      'aws/guardduty/service/resourceRole': 'TARGET',
      'aws/guardduty/service/serviceName': 'guardduty',
      'aws/guardduty/service/count': String(random.int(1, 500)),
      'aws/guardduty/service/archived': String(fields.recordState === 'ARCHIVED'),
      'aws/securityhub/ProductName': 'GuardDuty',
      'aws/securityhub/CompanyName': 'Amazon',
    },
    Resources: [{ Type: threat.resourceType, Id: resourceId, Partition: 'aws', Region: region }],
    ...stateFields(fields, base.UpdatedAt as string),
    FindingProviderFields: { Severity: { Label: SEVERITY_LABELS[severity].label }, Types: [`TTPs/${threat.tactic}/${threat.type.replace('/', '-')}`] },
  };
}

/** Vulnerable packages by Inspector package manager, with the resource type that carries them. */
const INSPECTOR_PACKAGES: readonly { name: string; manager: string; resourceType: string }[] = [
  { name: 'openssl', manager: 'OS', resourceType: 'AwsEc2Instance' },
  { name: 'kernel', manager: 'OS', resourceType: 'AwsEc2Instance' },
  { name: 'glibc', manager: 'OS', resourceType: 'AwsEcrContainerImage' },
  { name: 'curl', manager: 'OS', resourceType: 'AwsEcrContainerImage' },
  { name: 'lodash', manager: 'NPM', resourceType: 'AwsLambdaFunction' },
  { name: 'requests', manager: 'PIP', resourceType: 'AwsLambdaFunction' },
  { name: 'jackson-databind', manager: 'JAR', resourceType: 'AwsEcrContainerImage' },
];

const CVSS_BY_SEVERITY: Record<Severity, number> = { critical: 9.8, high: 7.5, medium: 5.5, low: 3.1, informational: 0 };

function inspectorFinding(context: Context, index: number, severity: Severity, fields: StatusFields): Record<string, unknown> {
  const { random } = context;
  const pkg = random.pick(INSPECTOR_PACKAGES);
  const account = random.pick(context.accounts);
  const region = random.pick(REGIONS);
  const cve = `CVE-${random.int(2019, 2025)}-${random.int(1000, 49999)}`;
  const resourceId =
    pkg.resourceType === 'AwsEc2Instance'
      ? `arn:aws:ec2:${region}:${account}:instance/i-${random.hex(17)}`
      : pkg.resourceType === 'AwsLambdaFunction'
        ? `arn:aws:lambda:${region}:${account}:function:fn-${random.hex(8)}`
        : `arn:aws:ecr:${region}:${account}:repository/app-${random.hex(4)}/sha256:${random.hex(64)}`;
  const version = `${random.int(0, 3)}.${random.int(0, 20)}.${random.int(0, 9)}`;
  const base = baseFinding(
    context,
    `arn:aws:inspector2:${region}:${account}:finding/${random.hex(32)}`,
    { arn: `arn:aws:securityhub:${region}::product/aws/inspector`, name: 'Inspector', company: 'Amazon' },
    'AWSInspector',
    account,
    region,
  );
  const score = CVSS_BY_SEVERITY[severity];
  return {
    ...base,
    Types: ['Software and Configuration Checks/Vulnerabilities/CVE'],
    Severity: severityField(severity),
    Title: `${cve} - ${pkg.name}`,
    Description: `A flaw in ${pkg.name} before ${version} allows a remote attacker to cause a denial of service. Finding ${index}.`,
    Remediation: { Recommendation: { Text: `Update ${pkg.name} to a fixed version.` } },
    ProductFields: {
      'aws/inspector/FindingStatus': fields.recordState === 'ARCHIVED' ? 'CLOSED' : 'ACTIVE',
      'aws/inspector/inspectorScore': String(score),
      'aws/inspector/resources/1/resourceDetails/awsEc2InstanceDetails/platform': 'AMAZON_LINUX_2',
      'aws/securityhub/ProductName': 'Inspector',
      'aws/securityhub/CompanyName': 'Amazon',
    },
    Resources: [{ Type: pkg.resourceType, Id: resourceId, Partition: 'aws', Region: region }],
    Vulnerabilities: [
      {
        Id: cve,
        VulnerablePackages: [
          { Name: pkg.name, Version: version, Epoch: '0', Release: `${random.int(1, 90)}.amzn2`, Architecture: 'X86_64', PackageManager: pkg.manager, FixedInVersion: `${version}-1`, Remediation: `yum update ${pkg.name}` },
        ],
        Cvss: [{ Version: '3.1', BaseScore: score, BaseVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', Source: 'NVD' }],
        Vendor: { Name: 'NVD', Url: `https://nvd.nist.gov/vuln/detail/${cve}`, VendorSeverity: SEVERITY_LABELS[severity].label },
        ReferenceUrls: [`https://nvd.nist.gov/vuln/detail/${cve}`],
        FixAvailable: 'YES',
      },
    ],
    ...stateFields(fields, base.UpdatedAt as string),
    FindingProviderFields: { Severity: { Label: SEVERITY_LABELS[severity].label }, Types: ['Software and Configuration Checks/Vulnerabilities/CVE'] },
  };
}

function prowlerFinding(context: Context, index: number, severity: Severity, fields: StatusFields): Record<string, unknown> {
  const { random } = context;
  const check = random.pick(context.checks);
  const account = random.pick(context.accounts);
  const region = random.pick(REGIONS);
  const resourceId = `arn:aws:${check.serviceName}:${region}:${account}:${check.serviceName}-${random.hex(10)}`;
  const base = baseFinding(
    context,
    `prowler-${check.checkId}-${account}-${region}-${random.hex(10)}`,
    { arn: `arn:aws:securityhub:${region}::product/prowler/prowler`, name: 'Prowler', company: 'Prowler' },
    `prowler-${check.checkId}`,
    account,
    region,
  );
  return {
    ...base,
    Types: ['Software and Configuration Checks/AWS Security Best Practices'],
    Severity: { Label: SEVERITY_LABELS[severity].label },
    Title: check.title,
    Description: `${check.title}: ${fields.compliance === 'PASSED' ? 'passed' : 'not met'} for ${resourceId}. Finding ${index}.`,
    Resources: [{ Type: check.resourceType, Id: resourceId, Partition: 'aws', Region: region, Tags: {} }],
    Compliance: {
      Status: fields.compliance,
      RelatedRequirements: ['CISA your-systems-3 your-data-1', 'SOC2 cc_6_1'],
      AssociatedStandards: [{ StandardsId: 'CISA' }, { StandardsId: 'SOC2' }],
    },
    Remediation: {
      Recommendation: {
        Text: `Follow the Prowler remediation for ${check.checkId}.`,
        Url: `https://hub.prowler.com/check/${check.checkId}`,
      },
    },
    ProductFields: { ProviderName: 'Prowler', ProviderVersion: '4.2.4', ProwlerResourceName: resourceId },
    ...stateFields(fields, base.UpdatedAt as string),
  };
}
