import { describe, expect, it } from 'vitest';
import { matchResourceType, refineEc2Family, serviceForResourceType } from './resource-types';

describe('resource type lookup', () => {
  it.each([
    // ASFF
    ['AwsS3Bucket', 's3'],
    ['AwsEc2Instance', 'ec2'],
    ['AwsEc2Volume', 'ebs'],
    ['AwsEc2SecurityGroup', 'vpc'],
    ['AwsEc2NetworkAcl', 'vpc'],
    ['AwsEc2VpcEndpointService', 'privatelink'],
    ['AwsEc2TransitGateway', 'transit-gateway'],
    ['AwsEc2VpnConnection', 'vpn'],
    ['AwsRdsDbInstance', 'rds'],
    ['AwsRdsDbCluster', 'aurora'],
    ['AwsElbv2LoadBalancer', 'elb'],
    ['AwsEcsTaskDefinition', 'ecs-ec2'],
    ['AwsEksCluster', 'eks-control-plane'],
    ['AwsLambdaFunction', 'lambda'],
    ['AwsEcrContainerImage', 'ecr'],
    ['AwsIamAccessKey', 'iam'],
    ['AwsAccount', 'account'],
    ['AwsSsmPatchCompliance', 'ssm'],
    // CloudFormation
    ['AWS::S3::Bucket', 's3'],
    ['AWS::EC2::Instance', 'ec2'],
    ['AWS::EC2::Volume', 'ebs'],
    ['AWS::EC2::SecurityGroup', 'vpc'],
    ['AWS::EC2::VPCEndpoint', 'privatelink'],
    ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'elb'],
    ['AWS::OpenSearchService::Domain', 'opensearch'],
    ['AWS::OpenSearchServerless::Collection', 'opensearch-serverless'],
    ['AWS::Events::EventBus', 'eventbridge'],
    ['AWS::DAX::Cluster', 'dax'],
    ['AWS::RDS::DBCluster', 'aurora'],
    ['AWS::::Account', 'account'],
    // Terraform
    ['aws_s3_bucket', 's3'],
    ['aws_instance', 'ec2'],
    ['aws_security_group', 'vpc'],
    ['aws_vpc_endpoint', 'privatelink'],
    ['aws_db_instance', 'rds'],
    ['aws_rds_cluster', 'aurora'],
    ['aws_lb', 'elb'],
    ['aws_lb_listener', 'elb'],
    ['aws_cloudwatch_log_group', 'cloudwatch'],
    ['aws_cloudwatch_event_rule', 'eventbridge'],
    ['aws_route53_zone', 'route53'],
    ['aws_route_table', 'vpc'],
    ['aws_kinesis_firehose_delivery_stream', 'firehose'],
    ['aws_ebs_volume', 'ebs'],
    ['aws_iam_role', 'iam'],
    // Inspector
    ['AWS_EC2_INSTANCE', 'ec2'],
    ['AWS_ECR_CONTAINER_IMAGE', 'ecr'],
    ['AWS_LAMBDA_FUNCTION', 'lambda'],
    // GuardDuty
    ['Instance', 'ec2'],
    ['AccessKey', 'iam'],
    ['S3Bucket', 's3'],
    ['EKSCluster', 'eks-control-plane'],
    ['RDSDBInstance', 'rds'],
    ['EC2_INSTANCE', 'ec2'],
  ])('%s is %s', (type, key) => {
    expect(serviceForResourceType(type)).toBe(key);
  });

  it('ignores case and separators', () => {
    expect(serviceForResourceType('awss3bucket')).toBe('s3');
    expect(serviceForResourceType('AWSS3BUCKET')).toBe('s3');
    expect(serviceForResourceType('AwsAmazonMQBroker')).toBe('mq');
    expect(serviceForResourceType('AwsAppSyncGraphQLApi')).toBe('appsync');
  });

  it.each([
    ['AwsEc2SomethingNew', 'ec2'],
    ['AwsGlue', 'glue'],
    ['AwsEMR', 'emr'],
    ['AwsMacieSession', 'macie'],
    ['AwsLogsLogGroup', 'cloudwatch'],
    ['AwsIamPasswordPolicy', 'iam'],
    ['AwsCloudTrailLogGroup', 'cloudtrail'],
    ['AwsRolesAnywhereProfile', 'rolesanywhere'],
  ])('unknown name %s takes the longest prefix, %s', (type, key) => {
    expect(serviceForResourceType(type)).toBe(key);
  });

  const nonAwsTypes = ['Microsoft.Compute/virtualMachines', 'AzureResource', 'CODE_REPOSITORY', 'KubernetesAPIServer'];
  it.each([...nonAwsTypes, 'Pod', 'ServiceAccount'])('%s is not AWS', (type) => {
    expect(matchResourceType(type)).toEqual({ kind: 'non-aws' });
  });

  it.each(['Other', 'Container', '', 'SomethingElse'])('%s names no service', (type) => {
    expect(matchResourceType(type)).toEqual({ kind: 'unknown' });
  });
});

describe('EC2 family refinement', () => {
  it.each([
    ['securitygroup_allow_ingress_from_internet', 'vpc'],
    ['security-group-opens-SSH-port-to-all', 'vpc'],
    ['security_groups', 'vpc'],
    ['networkacl_allow_ingress_any_port', 'vpc'],
    ['ebs_default_encryption', 'ebs'],
    ['volumes', 'ebs'],
    ['transitgateway_auto_accept_vpc_attachments', 'transit-gateway'],
    ['client_vpn_endpoint_connection_logging_enabled', 'vpn'],
    ['instance_imdsv2_enabled', 'ec2'],
  ])('%s is %s', (words, key) => {
    expect(refineEc2Family('ec2', words)).toBe(key);
  });

  it('leaves other families alone', () => {
    expect(refineEc2Family('s3', 'securitygroup')).toBe('s3');
  });
});
