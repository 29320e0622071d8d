/**
 * The fictional AWS estate the sample exports describe: three accounts in three regions, with resources of
 * every service category. Infrastructure: EC2, EBS and VPC. Container: RDS, EMR, EKS, ECS on Fargate and
 * Elastic Beanstalk. Abstract: S3, DynamoDB, SQS, Lambda, IAM, KMS, Secrets Manager and CloudTrail.
 */
import type { Random } from './random';

export interface Account {
  id: string;
  name: string;
  environment: string;
}

export const ACCOUNTS: readonly Account[] = [
  { id: '111122223333', name: 'payments-prod', environment: 'production' },
  { id: '444455556666', name: 'payments-staging', environment: 'staging' },
  { id: '777788889999', name: 'data-platform', environment: 'production' },
];

export const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'] as const;

/** Kinds of resource in the estate; each control or check in the catalogs names the kind it evaluates. */
export const RESOURCE_KINDS = [
  'account',
  'ec2-instance',
  'security-group',
  'ebs-volume',
  'ebs-snapshot',
  'vpc',
  'rds-instance',
  'emr-cluster',
  'eks-cluster',
  'ecs-service',
  'ecs-task-definition',
  'beanstalk-environment',
  'opensearch-domain',
  's3-bucket',
  'dynamodb-table',
  'sqs-queue',
  'lambda-function',
  'iam-user',
  'iam-policy',
  'kms-key',
  'secret',
  'cloudtrail-trail',
  'log-group',
  'ecr-image',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export interface Resource {
  kind: ResourceKind;
  account: Account;
  region: string;
  /** ARN, or the ASFF account id form `AWS::::Account:<id>` for account-level checks. */
  arn: string;
  name: string;
  tags: Record<string, string>;
}

/** How many resources of each kind one account has in one region; IAM and the account are global. */
const PER_REGION: Record<ResourceKind, number> = {
  account: 0,
  'ec2-instance': 4,
  'security-group': 3,
  'ebs-volume': 3,
  'ebs-snapshot': 1,
  vpc: 1,
  'rds-instance': 2,
  'emr-cluster': 1,
  'eks-cluster': 1,
  'ecs-service': 2,
  'ecs-task-definition': 2,
  'beanstalk-environment': 1,
  'opensearch-domain': 1,
  's3-bucket': 2,
  'dynamodb-table': 2,
  'sqs-queue': 2,
  'lambda-function': 3,
  'iam-user': 0,
  'iam-policy': 0,
  'kms-key': 1,
  secret: 2,
  'cloudtrail-trail': 1,
  'log-group': 1,
  'ecr-image': 2,
};

const GLOBAL: Partial<Record<ResourceKind, number>> = { account: 1, 'iam-user': 4, 'iam-policy': 2 };

const APPS = ['checkout', 'ledger', 'ingest', 'reports', 'auth', 'search', 'billing', 'events'];

function arnFor(kind: ResourceKind, account: Account, region: string, name: string): string {
  const prefix = (service: string, scope = region) => `arn:aws:${service}:${scope}:${account.id}`;
  switch (kind) {
    case 'account':
      return `AWS::::Account:${account.id}`;
    case 'ec2-instance':
      return `${prefix('ec2')}:instance/${name}`;
    case 'security-group':
      return `${prefix('ec2')}:security-group/${name}`;
    case 'ebs-volume':
      return `${prefix('ec2')}:volume/${name}`;
    case 'ebs-snapshot':
      return `${prefix('ec2')}:snapshot/${name}`;
    case 'vpc':
      return `${prefix('ec2')}:vpc/${name}`;
    case 'rds-instance':
      return `${prefix('rds')}:db:${name}`;
    case 'emr-cluster':
      return `${prefix('elasticmapreduce')}:cluster/${name}`;
    case 'eks-cluster':
      return `${prefix('eks')}:cluster/${name}`;
    case 'ecs-service':
      return `${prefix('ecs')}:service/${account.name}/${name}`;
    case 'ecs-task-definition':
      return `${prefix('ecs')}:task-definition/${name}:3`;
    case 'beanstalk-environment':
      return `${prefix('elasticbeanstalk')}:environment/${name}`;
    case 'opensearch-domain':
      return `${prefix('es')}:domain/${name}`;
    case 's3-bucket':
      return `arn:aws:s3:::${name}`;
    case 'dynamodb-table':
      return `${prefix('dynamodb')}:table/${name}`;
    case 'sqs-queue':
      return `${prefix('sqs')}:${name}`;
    case 'lambda-function':
      return `${prefix('lambda')}:function:${name}`;
    case 'iam-user':
      return `${prefix('iam', '')}:user/${name}`;
    case 'iam-policy':
      return `${prefix('iam', '')}:policy/${name}`;
    case 'kms-key':
      return `${prefix('kms')}:key/${name}`;
    case 'secret':
      return `${prefix('secretsmanager')}:secret:${name}`;
    case 'cloudtrail-trail':
      return `${prefix('cloudtrail')}:trail/${name}`;
    case 'log-group':
      return `${prefix('logs')}:log-group:${name}`;
    case 'ecr-image':
      return `${prefix('ecr')}:repository/${name}`;
  }
}

function nameFor(kind: ResourceKind, random: Random, account: Account, index: number): string {
  const app = APPS[(index + account.name.length) % APPS.length];
  const env = account.environment === 'production' ? 'prod' : 'stg';
  switch (kind) {
    case 'account':
      return account.id;
    case 'ec2-instance':
      return `i-0${random.hex(16)}`;
    case 'security-group':
      return `sg-0${random.hex(16)}`;
    case 'ebs-volume':
      return `vol-0${random.hex(16)}`;
    case 'ebs-snapshot':
      return `snap-0${random.hex(16)}`;
    case 'vpc':
      return `vpc-0${random.hex(16)}`;
    case 'emr-cluster':
      return `j-${random.hex(13).toUpperCase()}`;
    case 's3-bucket':
      return `${account.name}-${app}-${random.hex(6)}`;
    case 'kms-key':
      return random.uuid();
    case 'secret':
      return `${env}/${app}/db-credentials-${random.hex(6)}`;
    case 'iam-user':
      return ['ci-deploy', 'alice.ng', 'backup-agent', 'legacy-etl', 'ravi.k'][index % 5];
    case 'iam-policy':
      return ['AdminEverything', 'KmsFullAccess'][index % 2];
    case 'log-group':
      return `/aws/lambda/${app}-${env}`;
    case 'ecr-image':
      return `${app}-service`;
    default:
      return `${app}-${env}-${index + 1}`;
  }
}

function tagsFor(account: Account, name: string, random: Random): Record<string, string> {
  const tags: Record<string, string> = { Environment: account.environment, Owner: `${name.split('-')[0]}-team` };
  if (random.chance(0.5)) tags.CostCenter = `cc-${random.int(100, 999)}`;
  return tags;
}

/** Builds every resource of the estate, grouped by kind. */
export function buildEstate(random: Random): Map<ResourceKind, Resource[]> {
  const estate = new Map<ResourceKind, Resource[]>(RESOURCE_KINDS.map((kind) => [kind, []]));
  for (const account of ACCOUNTS) {
    for (const kind of RESOURCE_KINDS) {
      const globalCount = GLOBAL[kind] ?? 0;
      for (let index = 0; index < globalCount; index++) {
        estate.get(kind)!.push(makeResource(kind, account, 'us-east-1', index, random));
      }
      for (const region of REGIONS) {
        for (let index = 0; index < PER_REGION[kind]; index++) {
          estate.get(kind)!.push(makeResource(kind, account, region, index, random));
        }
      }
    }
  }
  return estate;
}

function makeResource(kind: ResourceKind, account: Account, region: string, index: number, random: Random): Resource {
  const name = nameFor(kind, random, account, index);
  return { kind, account, region, arn: arnFor(kind, account, region, name), name, tags: tagsFor(account, name, random) };
}
