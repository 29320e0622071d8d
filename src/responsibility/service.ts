/**
 * Names the catalog row of a finding. Evidence, strongest first:
 *
 * 1. the FSBP control (its table row, else its id prefix: `S3.1` -> S3),
 * 2. the Prowler check (its table row),
 * 3. a secret finding: an AWS credential is IAM, any other secret has no AWS service,
 * 4. the resource types (ASFF, CloudFormation, Terraform, Inspector, GuardDuty vocabularies),
 * 5. the resource ids (ARN namespace and resource part, bare EC2 ids, Terraform addresses),
 * 6. the tool's own service name (`hints.serviceName`: Prowler `awslambda`, ScoutSuite `vpc`); a
 *    provider prefix of another cloud (`gcp:iam`) ends the search with no service,
 * 7. the resource token of a GuardDuty or Macie type (`EC2` in `Trojan:EC2/...`),
 * 8. the first word of a rule id (`ec2_securitygroup_*`, tfsec `aws-s3-*`),
 * 9. a service abbreviation in the title ("Public S3 bucket detected"), for exports that carry no
 *    resource details.
 *
 * A control or check gives the service family. A resource type or id of the same family then picks
 * the row, so EC2.3 on `AwsEc2Volume` is EBS. A resource outside AWS (Azure, Kubernetes, a code
 * repository) ends the search with no service, unless an ARN names one. The deployment variant
 * (ECS on Fargate, EKS nodes, ...) is chosen last.
 */
import type { ParsedFinding } from '../model/finding';
import { serviceForControlPrefix, serviceForToolName } from './catalog';
import { matchResourceId } from './arn';
import { nativeFindingTypes, serviceForNativeType } from './guardduty';
import { matchResourceType, refineEc2Family } from './resource-types';
import { isResourceRow, type TableEntry } from './tables';
import { chooseVariant } from './variants';

export interface ServiceChoice {
  /** Catalog key, or null when no AWS service could be named. */
  key: string | null;
  /** Clause naming the evidence for the service, or the reason there is none: "resource type AwsS3Bucket". */
  evidence: string;
  /** The resource fact that chose a deployment variant ("the launch type is FARGATE"), or null. */
  variantFact: string | null;
}

/** The first AWS service a finding's resources name, and whether any resource is outside AWS. */
interface ResourceEvidence {
  key: string | null;
  evidence: string;
  nonAws: string | null;
}

/**
 * Title words that name one service and are not everyday English words, so that a title such as
 * "Critical IAM root access key active" can name IAM. Words like "config" or "backup" are left out.
 */
const TITLE_SERVICE_WORDS = new Map(Object.entries({
  s3: 's3',
  iam: 'iam',
  ec2: 'ec2',
  ebs: 'ebs',
  ami: 'ec2',
  vpc: 'vpc',
  rds: 'rds',
  aurora: 'aurora',
  dynamodb: 'dynamodb',
  lambda: 'lambda',
  cloudtrail: 'cloudtrail',
  cloudfront: 'cloudfront',
  cloudwatch: 'cloudwatch',
  kms: 'kms',
  sqs: 'sqs',
  sns: 'sns',
  ecs: 'ecs-ec2',
  eks: 'eks-control-plane',
  ecr: 'ecr',
  elb: 'elb',
  alb: 'elb',
  nlb: 'elb',
  redshift: 'redshift',
  opensearch: 'opensearch',
  elasticsearch: 'opensearch',
  elasticache: 'elasticache',
  guardduty: 'guardduty',
  efs: 'efs',
  emr: 'emr',
  sagemaker: 'sagemaker',
  route53: 'route53',
  waf: 'waf',
  acm: 'acm',
  cloudformation: 'cloudformation',
  secretsmanager: 'secretsmanager',
  apigateway: 'apigateway',
}));

/** Provider prefix that formats put on the service name of another cloud: `gcp:cloudstorage`. */
const PROVIDER_PREFIX = /^([a-z0-9]+):/i;

/** Names of AWS credentials in secret scanner rules and titles ("AWS Access Key", `aws-access-token`). */
const AWS_CREDENTIAL = /\b(aws|amazon)\b|\bakia[0-9a-z]{4}/i;

export function chooseService(
  finding: ParsedFinding,
  control: TableEntry<unknown> | undefined,
  check: TableEntry<unknown> | undefined,
): ServiceChoice {
  const base = chooseBaseService(finding, control, check);
  if (!base.key) return { ...base, variantFact: null };
  const variant = chooseVariant(base.key, finding);
  return { key: variant.key, evidence: base.evidence, variantFact: variant.fact };
}

type BaseChoice = Omit<ServiceChoice, 'variantFact'>;

function chooseBaseService(
  finding: ParsedFinding,
  control: TableEntry<unknown> | undefined,
  check: TableEntry<unknown> | undefined,
): BaseChoice {
  const resources = readResources(finding);

  const fromControl = control?.service ?? controlPrefixService(finding.controlId);
  if (fromControl) {
    return refineWithResource(fromControl, `control ${finding.controlId}`, control?.servicePinned, resources);
  }
  if (check?.service) {
    return refineWithResource(check.service, `check ${finding.checkId}`, check.servicePinned, resources);
  }

  if (finding.kind === 'secret') {
    const text = [finding.title, finding.hints.ruleKey, finding.checkId].filter(Boolean).join(' ');
    return AWS_CREDENTIAL.test(text)
      ? { key: 'iam', evidence: 'the secret is an AWS credential' }
      : { key: null, evidence: 'the secret is not an AWS credential' };
  }

  if (resources.key) return { key: resources.key, evidence: resources.evidence };
  if (resources.nonAws) return { key: null, evidence: resources.nonAws };

  const serviceName = finding.hints.serviceName?.trim();
  const provider = serviceName ? PROVIDER_PREFIX.exec(serviceName)?.[1].toLowerCase() : undefined;
  if (provider && provider !== 'aws') {
    return { key: null, evidence: `the service ${serviceName} belongs to ${provider}, not AWS` };
  }
  const named = serviceName ? serviceForToolName(serviceName) : null;
  if (named) {
    const ruleId = finding.hints.ruleKey ?? finding.checkId ?? '';
    const byType = refineEc2Family(named, finding.resourceType ?? '');
    const key = byType !== named ? byType : refineEc2Family(named, afterFirstWord(ruleId));
    return { key, evidence: `service name ${serviceName}` };
  }

  for (const type of nativeFindingTypes(finding)) {
    const key = serviceForNativeType(type);
    if (key) return { key, evidence: `finding type ${type}` };
  }

  for (const ruleId of [finding.checkId, finding.hints.ruleKey]) {
    const key = ruleId ? serviceFromRuleId(ruleId) : null;
    if (key) return { key, evidence: `rule id ${ruleId}` };
  }

  const titleWords = finding.title
    .toLowerCase()
    .replace(/\b(route 53|secrets manager|api gateway)\b/g, (phrase) => phrase.replace(' ', ''))
    .split(/[^a-z0-9]+/);
  for (const word of titleWords) {
    const key = TITLE_SERVICE_WORDS.get(word);
    if (key) return { key, evidence: `the title word ${word}` };
  }
  return { key: null, evidence: 'no control, check, resource type, ARN or service name names an AWS service' };
}

function refineWithResource(
  key: string,
  evidence: string,
  pinned: boolean | undefined,
  resources: ResourceEvidence,
): BaseChoice {
  if (!pinned && resources.key && resources.key !== key && isResourceRow(resources.key, key)) {
    return { key: resources.key, evidence: `${evidence} on ${resources.evidence}` };
  }
  return { key, evidence };
}

/**
 * Service of a control id that is not in the table: the first segment that is a known prefix or tool
 * name (`ELBv2` in legacy `ELBv2.2`, `IAM` in PCI `PCI.IAM.1`).
 */
function controlPrefixService(controlId: string | null): string | null {
  if (!controlId) return null;
  for (const segment of controlId.split('.')) {
    if (/^\d*$/.test(segment)) continue;
    const key = serviceForControlPrefix(segment) ?? serviceForToolName(segment);
    if (key) return key;
  }
  return null;
}

function readResources(finding: ParsedFinding): ResourceEvidence {
  let nonAws: string | null = null;
  const types = [finding.resourceType, ...(finding.hints.resourceTypes ?? [])];
  for (const type of types) {
    if (!type) continue;
    const match = matchResourceType(type);
    if (match.kind === 'service') return { key: match.key, evidence: `resource type ${type}`, nonAws: null };
    if (match.kind === 'non-aws') nonAws ??= `the resource type ${type} is not an AWS resource`;
  }
  const ids = [finding.resourceId, ...(finding.hints.resourceIds ?? [])];
  for (const id of ids) {
    if (!id) continue;
    const match = matchResourceId(id);
    if (match.kind === 'service') return { key: match.key, evidence: `resource ${id}`, nonAws: null };
    if (match.kind === 'non-aws') nonAws ??= `the resource ${id} is not an AWS resource`;
  }
  return { key: null, evidence: '', nonAws };
}

function afterFirstWord(ruleId: string): string {
  return ruleId.replace(/^\s*[a-z0-9]+[^a-z0-9]+/i, '');
}

/**
 * Service named by the first word of a rule id: Prowler `iam_disable_90_days_credentials`, ScoutSuite
 * `ec2-ebs-volume-not-encrypted`, tfsec `aws-s3-enable-bucket-encryption` (a leading `aws` is skipped).
 */
function serviceFromRuleId(ruleId: string): string | null {
  const words = ruleId.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const start = words[0] === 'aws' ? 1 : 0;
  const first = words[start];
  if (!first || first.length < 2) return null;
  const key = serviceForToolName(first);
  return key ? refineEc2Family(key, words.slice(start + 1).join('')) : null;
}
