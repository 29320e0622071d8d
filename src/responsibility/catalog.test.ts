import { describe, expect, it } from 'vitest';
import {
  SERVICES,
  baseServiceOf,
  sameFamily,
  serviceByKey,
  serviceForControlPrefix,
  serviceForNamespace,
  serviceForToolName,
} from './catalog';

describe('service catalog', () => {
  it('has at least 120 services', () => {
    expect(SERVICES.length).toBeGreaterThanOrEqual(120);
  });

  it('has unique keys', () => {
    const keys = SERVICES.map((service) => service.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has short lower-case keys', () => {
    for (const service of SERVICES) expect(service.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each([
    ['ecs-ec2', 'infrastructure'],
    ['ecs-fargate', 'container'],
    ['eks-control-plane', 'container'],
    ['eks-nodes', 'infrastructure'],
    ['eks-fargate', 'container'],
    ['lambda', 'abstract'],
    ['lambda-image', 'abstract'],
    ['rds', 'container'],
    ['rds-custom', 'infrastructure'],
    ['batch-ec2', 'infrastructure'],
    ['batch-fargate', 'container'],
    ['ec2', 'infrastructure'],
    ['ebs', 'infrastructure'],
    ['vpc', 'infrastructure'],
    ['s3', 'abstract'],
    ['iam', 'abstract'],
  ])('%s is %s', (key, category) => {
    expect(serviceByKey(key)?.category).toBe(category);
  });

  it('links variants to their base row', () => {
    expect(serviceByKey('ecs-fargate')?.variantOf).toBe('ecs-ec2');
    expect(serviceByKey('eks-nodes')?.variantOf).toBe('eks-control-plane');
    expect(serviceByKey('lambda-image')?.variantOf).toBe('lambda');
    expect(serviceByKey('rds-custom')?.variantOf).toBe('rds');
    expect(serviceByKey('batch-fargate')?.variantOf).toBe('batch-ec2');
    expect(serviceByKey('s3')?.variantOf).toBeNull();
    expect(baseServiceOf('lambda-image')).toBe('lambda');
  });

  it('returns undefined for an unknown key', () => {
    expect(serviceByKey('no-such-service')).toBeUndefined();
  });

  it('carries CloudFormation and Terraform names', () => {
    expect(serviceByKey('s3')?.cloudFormationTypes).toContain('AWS::S3::');
    expect(serviceByKey('s3')?.terraformTypes).toContain('aws_s3_');
  });
});

describe('catalog name lookups', () => {
  it.each([
    ['ec2', 'ec2'],
    ['rds', 'rds'],
    ['elasticloadbalancing', 'elb'],
    ['states', 'stepfunctions'],
    ['logs', 'cloudwatch'],
    ['es', 'opensearch'],
    ['kafka', 'msk'],
    ['cassandra', 'keyspaces'],
    ['ecs', 'ecs-ec2'],
    ['eks', 'eks-control-plane'],
  ])('namespace %s is %s', (namespace, key) => {
    expect(serviceForNamespace(namespace)).toBe(key);
  });

  it.each([
    ['S3', 's3'],
    ['EC2', 'ec2'],
    ['Account', 'account'],
    ['AutoScaling', 'autoscaling'],
    ['Autoscaling', 'autoscaling'],
    ['Opensearch', 'opensearch'],
    ['OpenSearch', 'opensearch'],
    ['ES', 'opensearch'],
    ['DynamoDB', 'dynamodb'],
  ])('control prefix %s is %s', (prefix, key) => {
    expect(serviceForControlPrefix(prefix)).toBe(key);
  });

  it.each([
    ['awslambda', 'lambda'],
    ['vpc', 'vpc'],
    ['elbv2', 'elb'],
    ['documentdb', 'documentdb'],
    ['docdb', 'documentdb'],
    ['directoryservice', 'directory-service'],
    ['macie', 'macie'],
    ['ssmincidents', 'ssm'],
    ['CloudFormation', 'cloudformation'],
    ['Secrets Manager', 'secretsmanager'],
  ])('tool name %s is %s', (name, key) => {
    expect(serviceForToolName(name)).toBe(key);
  });

  it('returns null for unknown names', () => {
    expect(serviceForNamespace('nope')).toBeNull();
    expect(serviceForControlPrefix('PCI')).toBeNull();
    expect(serviceForToolName('apiserver')).toBeNull();
  });
});

describe('service families', () => {
  it('groups rows sharing names', () => {
    expect(sameFamily('ec2', 'ebs')).toBe(true);
    expect(sameFamily('vpc', 'ec2')).toBe(true);
    expect(sameFamily('rds', 'aurora')).toBe(true);
    expect(sameFamily('ecs-fargate', 'ecs-ec2')).toBe(true);
    expect(sameFamily('lambda-image', 'lambda')).toBe(true);
  });

  it('keeps unrelated rows apart', () => {
    expect(sameFamily('ec2', 's3')).toBe(false);
    expect(sameFamily('ssm', 'ec2')).toBe(false);
    expect(sameFamily('cloudtrail', 'account')).toBe(false);
  });
});
