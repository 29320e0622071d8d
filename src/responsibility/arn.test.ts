import { describe, expect, it } from 'vitest';
import { matchResourceId, parseArn } from './arn';

describe('parseArn', () => {
  it('splits the six parts', () => {
    expect(parseArn('arn:aws:lambda:us-east-1:123456789012:function:my-function')).toEqual({
      partition: 'aws',
      namespace: 'lambda',
      region: 'us-east-1',
      account: '123456789012',
      resource: 'function:my-function',
    });
  });

  it('reads a bucket ARN', () => {
    expect(parseArn('arn:aws:s3:::my-bucket')).toMatchObject({ namespace: 's3', region: '', account: '', resource: 'my-bucket' });
  });

  it('reads other partitions', () => {
    expect(parseArn('arn:aws-us-gov:iam::123456789012:role/x')?.partition).toBe('aws-us-gov');
    expect(parseArn('arn:aws-cn:s3:::b')?.namespace).toBe('s3');
  });

  it('rejects non-ARN text', () => {
    expect(parseArn('i-0123456789abcdef0')).toBeNull();
    expect(parseArn('arn:aws:s3')).toBeNull();
  });
});

describe('resource id lookup', () => {
  it.each([
    ['arn:aws:s3:::my-bucket', 's3'],
    ['arn:aws:ec2:us-east-1:123456789012:instance/i-0abc', 'ec2'],
    ['arn:aws:ec2:us-east-1:123456789012:volume/vol-0abc', 'ebs'],
    ['arn:aws:ec2:us-east-1::snapshot/snap-0abc', 'ebs'],
    ['arn:aws:ec2:us-east-1:123456789012:security-group/sg-0abc', 'vpc'],
    ['arn:aws:ec2:us-east-1:123456789012:vpc/vpc-0abc', 'vpc'],
    ['arn:aws:ec2:us-east-1:123456789012:network-acl/acl-0abc', 'vpc'],
    ['arn:aws:ec2:us-east-1:123456789012:vpc-endpoint/vpce-0abc', 'privatelink'],
    ['arn:aws:ec2:us-east-1:123456789012:transit-gateway/tgw-0abc', 'transit-gateway'],
    ['arn:aws:ec2:us-east-1:123456789012:vpn-connection/vpn-0abc', 'vpn'],
    ['arn:aws:rds:us-east-1:123456789012:db:mydb', 'rds'],
    ['arn:aws:rds:us-east-1:123456789012:cluster:mycluster', 'aurora'],
    ['arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/my-alb/50dc6c495c0c9188', 'elb'],
    ['arn:aws:lambda:us-east-1:123456789012:function:f', 'lambda'],
    ['arn:aws:iam::123456789012:role/admin', 'iam'],
    ['arn:aws:iam::123456789012:root', 'account'],
    ['arn:aws:logs:us-east-1:123456789012:log-group:/aws/x', 'cloudwatch'],
    ['arn:aws:es:us-east-1:123456789012:domain/d', 'opensearch'],
    ['arn:aws:states:us-east-1:123456789012:stateMachine:s', 'stepfunctions'],
    ['arn:aws:ssm:us-east-1:123456789012:managed-instance/mi-0abc', 'ec2'],
    ['arn:aws:cloudformation:us-east-1:0123456789012:stack/myStack/d52a5180', 'cloudformation'],
    ['AWS::::Account:123456789012', 'account'],
    ['i-0123456789abcdef0', 'ec2'],
    ['vol-c5eaa459', 'ebs'],
    ['sg-01234567890abcdef', 'vpc'],
    ['subnet-0abc1234', 'vpc'],
    ['AKIAIOSFODNN7EXAMPLE', 'iam'],
    ['aws_s3_bucket.logs', 's3'],
    ['module.network.aws_security_group.web', 'vpc'],
  ])('%s is %s', (id, key) => {
    expect(matchResourceId(id)).toEqual({ kind: 'service', key });
  });

  it.each([
    '/subscriptions/fee3535b-9616-486f-a476-6a500a08a02b/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm',
    '//compute.googleapis.com/projects/p/zones/z/instances/i',
  ])('%s is not AWS', (id) => {
    expect(matchResourceId(id)).toEqual({ kind: 'non-aws' });
  });

  it.each(['my-bucket', 'src/config.py', 'arn:aws:madeup:us-east-1:1:thing/x', ''])('%s names no service', (id) => {
    expect(matchResourceId(id)).toEqual({ kind: 'unknown' });
  });
});
