/**
 * Security Hub findings in the AWS Security Finding Format (ASFF, schema 2018-10-08): consolidated
 * control findings, GuardDuty threats and Inspector vulnerabilities, as `get-findings` returns them.
 */
import type { SampleControl, SampleSeverity, SampleThreat, SampleVulnerability } from './catalog';
import type { Resource } from './estate';
import type { Random } from './random';

type Json = Record<string, unknown>;

const SCHEMA_VERSION = '2018-10-08';
const FSBP_STANDARD = 'standards/aws-foundational-security-best-practices/v/1.0.0';
const NORMALIZED: Record<SampleSeverity, number> = { CRITICAL: 90, HIGH: 70, MEDIUM: 40, LOW: 1, INFORMATIONAL: 0 };

export interface AsffContext {
  random: Random;
  /** The time of the export; every timestamp lies before it. */
  now: Date;
}

function resourceEntry(resource: Resource, type: string, details?: Json): Json {
  return {
    Type: type,
    Id: resource.arn,
    Partition: 'aws',
    Region: resource.region,
    ...(resource.kind === 'account' ? {} : { Tags: resource.tags }),
    ...(details ? { Details: details } : {}),
  };
}

/** Resource details that tell deployment variants apart (Fargate tasks, Lambda packaging, RDS engine). */
function detailsFor(resource: Resource, random: Random): Json | undefined {
  switch (resource.kind) {
    case 'lambda-function':
      return {
        AwsLambdaFunction: {
          FunctionName: resource.name,
          Runtime: random.pick(['python3.12', 'nodejs20.x', 'python3.8', 'nodejs16.x', 'java21']),
          PackageType: 'Zip',
        },
      };
    case 'ecs-task-definition':
      return { AwsEcsTaskDefinition: { Family: resource.name, RequiresCompatibilities: ['FARGATE'], NetworkMode: 'awsvpc' } };
    case 'ecs-service':
      return { AwsEcsService: { Name: resource.name, LaunchType: 'FARGATE' } };
    case 'rds-instance':
      return { AwsRdsDbInstance: { DBInstanceIdentifier: resource.name, Engine: random.pick(['postgres', 'mysql', 'aurora-postgresql']) } };
    default:
      return undefined;
  }
}

function timestamps(context: AsffContext): Json {
  const first = context.random.timeBefore(context.now, 120);
  const updated = new Date(Math.min(context.now.getTime(), Date.parse(first) + context.random.int(1, 60) * 86_400_000)).toISOString();
  return { FirstObservedAt: first, LastObservedAt: updated, CreatedAt: first, UpdatedAt: updated };
}

interface ControlOutcome {
  compliance: 'FAILED' | 'PASSED' | 'WARNING' | 'NOT_AVAILABLE';
  workflow: 'NEW' | 'NOTIFIED' | 'SUPPRESSED' | 'RESOLVED';
  record: 'ACTIVE' | 'ARCHIVED';
}

/** Draws the status fields so that the export contains every status the dashboard knows. */
function controlOutcome(control: SampleControl, random: Random): ControlOutcome {
  const record = random.chance(0.03) ? 'ARCHIVED' : 'ACTIVE';
  if (random.chance(0.04)) return { compliance: random.pick(['WARNING', 'NOT_AVAILABLE'] as const), workflow: 'NEW', record };
  if (random.chance(control.failRate)) {
    const roll = random.next();
    let workflow: ControlOutcome['workflow'] = 'NEW';
    if (roll < 0.08) workflow = 'SUPPRESSED';
    else if (roll < 0.13) workflow = 'RESOLVED';
    else if (roll < 0.3) workflow = 'NOTIFIED';
    return { compliance: 'FAILED', workflow, record };
  }
  return { compliance: 'PASSED', workflow: random.chance(0.3) ? 'RESOLVED' : 'NEW', record };
}

export function controlFinding(control: SampleControl, resource: Resource, context: AsffContext): Json {
  const { random } = context;
  const { account, region } = resource;
  const outcome = controlOutcome(control, random);
  const severity = outcome.compliance === 'PASSED' ? 'INFORMATIONAL' : control.severity;
  const findingId = `arn:aws:securityhub:${region}:${account.id}:security-control/${control.id}/finding/${random.uuid()}`;

  return {
    SchemaVersion: SCHEMA_VERSION,
    Id: findingId,
    ProductArn: `arn:aws:securityhub:${region}::product/aws/securityhub`,
    ProductName: 'Security Hub',
    CompanyName: 'AWS',
    Region: region,
    GeneratorId: `security-control/${control.id}`,
    AwsAccountId: account.id,
    Types: ['Software and Configuration Checks/Industry and Regulatory Standards'],
    ...timestamps(context),
    Severity: { Label: severity, Normalized: NORMALIZED[severity], Original: severity },
    Title: control.title,
    Description: `This control evaluates ${resource.name} against: ${control.title}.`,
    Remediation: {
      Recommendation: {
        Text: 'For information on how to correct this issue, consult the AWS Security Hub controls documentation.',
        Url: `https://docs.aws.amazon.com/console/securityhub/${control.id}/remediation`,
      },
    },
    ProductFields: {
      RelatedAWSResources: `securityhub-${control.id.toLowerCase().replace('.', '-')}-${random.hex(8)}`,
      'aws/securityhub/ProductName': 'Security Hub',
      'aws/securityhub/CompanyName': 'AWS',
      'aws/securityhub/FindingId': `arn:aws:securityhub:${region}::product/aws/securityhub/${findingId}`,
    },
    Resources: [resourceEntry(resource, control.asffType, detailsFor(resource, random))],
    Compliance: {
      Status: outcome.compliance,
      SecurityControlId: control.id,
      AssociatedStandards: [{ StandardsId: FSBP_STANDARD }],
    },
    WorkflowState: outcome.workflow === 'NOTIFIED' ? 'NEW' : outcome.workflow,
    Workflow: { Status: outcome.workflow },
    RecordState: outcome.record,
    FindingProviderFields: {
      Severity: { Label: severity, Original: severity },
      Types: ['Software and Configuration Checks/Industry and Regulatory Standards'],
    },
  };
}

function guardDutySeverityLabel(severity: number): SampleSeverity {
  if (severity >= 7) return 'HIGH';
  if (severity >= 4) return 'MEDIUM';
  return 'LOW';
}

export function guardDutyFinding(threat: SampleThreat, resource: Resource, context: AsffContext): Json {
  const { random } = context;
  const { account, region } = resource;
  const detector = random.hex(32);
  const findingId = `arn:aws:guardduty:${region}:${account.id}:detector/${detector}/finding/${random.hex(32)}`;
  const label = guardDutySeverityLabel(threat.severity);
  const title = threat.title.replace('{name}', resource.name);
  const archived = random.chance(0.15);

  return {
    SchemaVersion: SCHEMA_VERSION,
    Id: findingId,
    ProductArn: `arn:aws:securityhub:${region}::product/aws/guardduty`,
    ProductName: 'GuardDuty',
    CompanyName: 'Amazon',
    Region: region,
    GeneratorId: `arn:aws:guardduty:${region}:${account.id}:detector/${detector}`,
    AwsAccountId: account.id,
    Types: [threat.asffType],
    ...timestamps(context),
    Severity: { Product: threat.severity, Label: label, Normalized: threat.severity * 10 },
    Title: title,
    Description: `${title} GuardDuty reports this as ${threat.type}.`,
    SourceUrl: `https://${region}.console.aws.amazon.com/guardduty/home?region=${region}#/findings?fId=${findingId.split('/').pop()}`,
    ProductFields: {
      'aws/guardduty/service/archived': String(archived),
      'aws/guardduty/service/resourceRole': threat.resourceRole,
      'aws/guardduty/service/serviceName': 'guardduty',
      'aws/guardduty/service/count': String(random.int(1, 400)),
      'aws/securityhub/ProductName': 'GuardDuty',
      'aws/securityhub/CompanyName': 'Amazon',
      'aws/securityhub/FindingId': `arn:aws:securityhub:${region}::product/aws/guardduty/${findingId}`,
    },
    Resources: [resourceEntry(resource, threat.asffResourceType)],
    WorkflowState: 'NEW',
    Workflow: { Status: 'NEW' },
    RecordState: archived ? 'ARCHIVED' : 'ACTIVE',
    FindingProviderFields: { Severity: { Label: label }, Types: [threat.asffType] },
    Sample: false,
  };
}

const INSPECTOR_RESOURCE_TYPE: Partial<Record<Resource['kind'], string>> = {
  'ec2-instance': 'AwsEc2Instance',
  'ecr-image': 'AwsEcrContainerImage',
  'lambda-function': 'AwsLambdaFunction',
};

function inspectorDetails(resource: Resource, random: Random): Json | undefined {
  if (resource.kind === 'ecr-image') {
    return {
      AwsEcrContainerImage: {
        RepositoryName: resource.name,
        ImageDigest: `sha256:${random.hex(64)}`,
        ImageTags: [`v1.${random.int(0, 30)}.${random.int(0, 9)}`],
      },
    };
  }
  return detailsFor(resource, random);
}

function inspectorBase(resource: Resource, context: AsffContext, severity: SampleSeverity): Json {
  const { random } = context;
  const { account, region } = resource;
  const findingId = `arn:aws:inspector2:${region}:${account.id}:finding/${random.hex(32)}`;
  const closed = random.chance(0.12);
  const suppressed = !closed && random.chance(0.08);
  return {
    SchemaVersion: SCHEMA_VERSION,
    Id: findingId,
    ProductArn: `arn:aws:securityhub:${region}::product/aws/inspector`,
    ProductName: 'Inspector',
    CompanyName: 'Amazon',
    Region: region,
    GeneratorId: 'AWSInspector',
    AwsAccountId: account.id,
    ...timestamps(context),
    Severity: { Label: severity, Normalized: NORMALIZED[severity] },
    ProductFields: {
      'aws/inspector/FindingStatus': closed ? 'CLOSED' : 'ACTIVE',
      'aws/inspector/ProductVersion': '2',
      'aws/securityhub/ProductName': 'Inspector',
      'aws/securityhub/CompanyName': 'Amazon',
      'aws/securityhub/FindingId': `arn:aws:securityhub:${region}::product/aws/inspector/${findingId}`,
    },
    Resources: [resourceEntry(resource, INSPECTOR_RESOURCE_TYPE[resource.kind] ?? 'Other', inspectorDetails(resource, random))],
    WorkflowState: suppressed ? 'SUPPRESSED' : 'NEW',
    Workflow: { Status: suppressed ? 'SUPPRESSED' : 'NEW' },
    RecordState: closed ? 'ARCHIVED' : 'ACTIVE',
  };
}

export function inspectorVulnerability(vulnerability: SampleVulnerability, resource: Resource, context: AsffContext): Json {
  const types = ['Software and Configuration Checks/Vulnerabilities/CVE'];
  return {
    ...inspectorBase(resource, context, vulnerability.severity),
    Types: types,
    Title: `${vulnerability.cve} - ${vulnerability.packageName}`,
    Description: `${vulnerability.packageName} ${vulnerability.version} on ${resource.name} is affected by ${vulnerability.cve}.`,
    Remediation: { Recommendation: { Text: `Update ${vulnerability.packageName} to ${vulnerability.fixedIn} or later.` } },
    Vulnerabilities: [
      {
        Id: vulnerability.cve,
        VulnerablePackages: [
          {
            Name: vulnerability.packageName,
            Version: vulnerability.version,
            PackageManager: vulnerability.packageManager,
            FixedInVersion: vulnerability.fixedIn,
          },
        ],
        Cvss: [{ Version: '3.1', BaseScore: vulnerability.score, Source: 'NVD' }],
        Vendor: { Name: 'NVD', Url: `https://nvd.nist.gov/vuln/detail/${vulnerability.cve}`, VendorSeverity: vulnerability.severity },
        FixAvailable: 'YES',
      },
    ],
    FindingProviderFields: { Severity: { Label: vulnerability.severity }, Types: types },
  };
}

export function inspectorReachability(resource: Resource, context: AsffContext): Json {
  const port = context.random.pick([22, 3389, 8080]);
  const types = ['Software and Configuration Checks/AWS Security Best Practices/Network Reachability - Recognized port reachable from internet'];
  return {
    ...inspectorBase(resource, context, port === 8080 ? 'MEDIUM' : 'HIGH'),
    Types: types,
    Title: `Port ${port} is reachable from an Internet Gateway - TCP`,
    Description: `On the instance ${resource.name}, the port range ${port}-${port} is reachable from the internet through an internet gateway.`,
    Remediation: { Recommendation: { Text: 'Restrict access to the port with security groups and network ACLs.' } },
    FindingProviderFields: { Severity: { Label: port === 8080 ? 'MEDIUM' : 'HIGH' }, Types: types },
  };
}
