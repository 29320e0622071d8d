/**
 * Controls and checks the sample exports report on. Control ids and titles follow the AWS Foundational
 * Security Best Practices standard v1.0.0 and check ids the Prowler AWS provider (v5). `failRate` is how
 * often a resource fails, chosen to give a realistic mix.
 */
import type { ResourceKind } from './estate';

export type SampleSeverity = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';

export interface SampleControl {
  id: string;
  title: string;
  severity: SampleSeverity;
  kind: ResourceKind;
  /** ASFF `Resources[].Type`. */
  asffType: string;
  failRate: number;
}

const control = (
  id: string,
  title: string,
  severity: SampleSeverity,
  kind: ResourceKind,
  asffType: string,
  failRate: number,
): SampleControl => ({ id, title, severity, kind, asffType, failRate });

export const CONTROLS: readonly SampleControl[] = [
  control('EC2.1', 'Amazon EBS snapshots should not be publicly restorable', 'CRITICAL', 'account', 'AwsAccount', 0.15),
  control('EC2.2', 'VPC default security groups should not allow inbound or outbound traffic', 'HIGH', 'security-group', 'AwsEc2SecurityGroup', 0.3),
  control('EC2.3', 'Attached Amazon EBS volumes should be encrypted at-rest', 'MEDIUM', 'ebs-volume', 'AwsEc2Volume', 0.35),
  control('EC2.6', 'VPC flow logging should be enabled in all VPCs', 'MEDIUM', 'vpc', 'AwsEc2Vpc', 0.5),
  control('EC2.8', 'EC2 instances should use Instance Metadata Service Version 2 (IMDSv2)', 'HIGH', 'ec2-instance', 'AwsEc2Instance', 0.4),
  control('EC2.9', 'Amazon EC2 instances should not have a public IPv4 address', 'HIGH', 'ec2-instance', 'AwsEc2Instance', 0.25),
  control('EC2.19', 'Security groups should not allow unrestricted access to ports with high risk', 'CRITICAL', 'security-group', 'AwsEc2SecurityGroup', 0.2),
  control('SSM.1', 'Amazon EC2 instances should be managed by AWS Systems Manager', 'MEDIUM', 'ec2-instance', 'AwsEc2Instance', 0.3),
  control('RDS.2', 'RDS DB Instances should prohibit public access, as determined by the PubliclyAccessible configuration', 'CRITICAL', 'rds-instance', 'AwsRdsDbInstance', 0.15),
  control('RDS.3', 'RDS DB instances should have encryption at-rest enabled', 'MEDIUM', 'rds-instance', 'AwsRdsDbInstance', 0.3),
  control('RDS.5', 'RDS DB instances should be configured with multiple Availability Zones', 'MEDIUM', 'rds-instance', 'AwsRdsDbInstance', 0.45),
  control('RDS.13', 'RDS automatic minor version upgrades should be enabled', 'HIGH', 'rds-instance', 'AwsRdsDbInstance', 0.3),
  control('EMR.1', 'Amazon EMR cluster primary nodes should not have public IP addresses', 'HIGH', 'emr-cluster', 'Other', 0.3),
  control('EKS.2', 'EKS clusters should run on a supported Kubernetes version', 'HIGH', 'eks-cluster', 'AwsEksCluster', 0.35),
  control('ECS.2', 'ECS services should not have public IP addresses assigned to them automatically', 'HIGH', 'ecs-service', 'AwsEcsService', 0.25),
  control('ECS.5', 'ECS containers should be limited to read-only access to root filesystems', 'HIGH', 'ecs-task-definition', 'AwsEcsTaskDefinition', 0.5),
  control('ElasticBeanstalk.2', 'Elastic Beanstalk managed platform updates should be enabled', 'HIGH', 'beanstalk-environment', 'AwsElasticBeanstalkEnvironment', 0.4),
  control('Opensearch.1', 'OpenSearch domains should have encryption at rest enabled', 'MEDIUM', 'opensearch-domain', 'AwsOpenSearchServiceDomain', 0.25),
  control('S3.1', 'S3 general purpose buckets should have block public access settings enabled', 'MEDIUM', 'account', 'AwsAccount', 0.35),
  control('S3.5', 'S3 general purpose buckets should require requests to use SSL', 'MEDIUM', 's3-bucket', 'AwsS3Bucket', 0.4),
  control('S3.8', 'S3 general purpose buckets should block public access', 'HIGH', 's3-bucket', 'AwsS3Bucket', 0.2),
  control('S3.9', 'S3 general purpose buckets should have server access logging enabled', 'MEDIUM', 's3-bucket', 'AwsS3Bucket', 0.5),
  control('DynamoDB.2', 'DynamoDB tables should have point-in-time recovery enabled', 'MEDIUM', 'dynamodb-table', 'AwsDynamoDbTable', 0.4),
  control('SQS.1', 'Amazon SQS queues should be encrypted at rest', 'MEDIUM', 'sqs-queue', 'AwsSqsQueue', 0.3),
  control('Lambda.1', 'Lambda function policies should prohibit public access', 'CRITICAL', 'lambda-function', 'AwsLambdaFunction', 0.1),
  control('Lambda.2', 'Lambda functions should use supported runtimes', 'MEDIUM', 'lambda-function', 'AwsLambdaFunction', 0.3),
  control('IAM.1', 'IAM policies should not allow full "*" administrative privileges', 'HIGH', 'iam-policy', 'AwsIamPolicy', 0.5),
  control('IAM.3', "IAM users' access keys should be rotated every 90 days or less", 'MEDIUM', 'iam-user', 'AwsIamUser', 0.4),
  control('IAM.4', 'IAM root user access key should not exist', 'CRITICAL', 'account', 'AwsAccount', 0.1),
  control('IAM.6', 'Hardware MFA should be enabled for the root user', 'CRITICAL', 'account', 'AwsAccount', 0.35),
  control('SecretsManager.1', 'Secrets Manager secrets should have automatic rotation enabled', 'MEDIUM', 'secret', 'AwsSecretsManagerSecret', 0.45),
  control('CloudTrail.2', 'CloudTrail should have encryption at-rest enabled', 'MEDIUM', 'cloudtrail-trail', 'AwsCloudTrailTrail', 0.3),
  control('CloudTrail.4', 'CloudTrail log file validation should be enabled', 'LOW', 'cloudtrail-trail', 'AwsCloudTrailTrail', 0.3),
  control('GuardDuty.1', 'GuardDuty should be enabled', 'HIGH', 'account', 'AwsAccount', 0.2),
  control('Account.1', 'Security contact information should be provided for an AWS account', 'MEDIUM', 'account', 'AwsAccount', 0.5),
];

export interface SampleCheck {
  id: string;
  /** Prowler `ServiceName`, written to `resources[].group.name`. */
  service: string;
  title: string;
  severity: SampleSeverity;
  kind: ResourceKind;
  /** Prowler `ResourceType`. */
  resourceType: string;
  categories: string[];
  /** FSBP control ids the check maps to, for `unmapped.compliance`. */
  fsbp: string[];
  failRate: number;
}

const check = (
  id: string,
  service: string,
  title: string,
  severity: SampleSeverity,
  kind: ResourceKind,
  resourceType: string,
  categories: string[],
  fsbp: string[],
  failRate: number,
): SampleCheck => ({ id, service, title, severity, kind, resourceType, categories, fsbp, failRate });

export const CHECKS: readonly SampleCheck[] = [
  check('ec2_instance_imdsv2_enabled', 'ec2', 'EC2 instance requires IMDSv2 or has the instance metadata service disabled', 'HIGH', 'ec2-instance', 'AwsEc2Instance', ['identity-access', 'secrets', 'ec2-imdsv1'], ['EC2.8'], 0.4),
  check('ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22', 'ec2', 'Security group does not allow ingress from 0.0.0.0/0 or ::/0 to TCP port 22 (SSH)', 'HIGH', 'security-group', 'AwsEc2SecurityGroup', ['internet-exposed'], ['EC2.19'], 0.25),
  check('ec2_ebs_volume_encryption', 'ec2', 'EBS volume is encrypted', 'MEDIUM', 'ebs-volume', 'AwsEc2Volume', ['encryption'], ['EC2.3'], 0.35),
  check('ec2_ebs_public_snapshot', 'ec2', 'EBS snapshot is not public', 'CRITICAL', 'ebs-snapshot', 'AwsEc2Volume', ['internet-exposed'], ['EC2.1'], 0.1),
  check('ec2_instance_managed_by_ssm', 'ec2', 'EC2 instance is managed by AWS Systems Manager or not running', 'MEDIUM', 'ec2-instance', 'AwsEc2Instance', ['node-security'], ['SSM.1'], 0.3),
  check('vpc_flow_logs_enabled', 'vpc', 'VPC flow logs are enabled', 'MEDIUM', 'vpc', 'AwsEc2Vpc', ['logging', 'forensics-ready'], ['EC2.6'], 0.5),
  check('rds_instance_no_public_access', 'rds', 'RDS instance is not publicly exposed to the Internet', 'CRITICAL', 'rds-instance', 'AwsRdsDbInstance', ['internet-exposed'], ['RDS.2'], 0.15),
  check('rds_instance_storage_encrypted', 'rds', 'RDS DB instance storage is encrypted at rest', 'MEDIUM', 'rds-instance', 'AwsRdsDbInstance', ['encryption'], ['RDS.3'], 0.3),
  check('rds_instance_backup_enabled', 'rds', 'RDS instance has backup retention period greater than 0 days', 'MEDIUM', 'rds-instance', 'AwsRdsDbInstance', ['resilience'], [], 0.2),
  check('emr_cluster_master_nodes_no_public_ip', 'emr', 'EMR Cluster without Public IP.', 'HIGH', 'emr-cluster', 'Other', ['internet-exposed'], ['EMR.1'], 0.3),
  check('eks_cluster_uses_a_supported_version', 'eks', 'EKS cluster uses a supported Kubernetes version', 'HIGH', 'eks-cluster', 'AwsEksCluster', ['vulnerabilities'], ['EKS.2'], 0.35),
  check('ecs_task_definitions_no_environment_secrets', 'ecs', 'ECS task definition has no secrets in environment variables', 'CRITICAL', 'ecs-task-definition', 'AwsEcsTaskDefinition', ['secrets'], [], 0.25),
  check('elasticbeanstalk_environment_managed_updates_enabled', 'elasticbeanstalk', 'Elastic Beanstalk environment has managed platform updates enabled', 'HIGH', 'beanstalk-environment', 'AwsElasticBeanstalkEnvironment', ['vulnerabilities'], ['ElasticBeanstalk.2'], 0.4),
  check('opensearch_service_domains_encryption_at_rest_enabled', 'opensearch', 'Amazon OpenSearch Service domain has encryption at rest enabled', 'MEDIUM', 'opensearch-domain', 'AwsOpenSearchServiceDomain', ['encryption'], ['Opensearch.1'], 0.25),
  check('s3_bucket_public_access', 's3', 'S3 bucket is not publicly accessible to Everyone or Authenticated Users', 'CRITICAL', 's3-bucket', 'AwsS3Bucket', ['internet-exposed'], [], 0.12),
  check('s3_bucket_secure_transport_policy', 's3', 'S3 bucket policy denies requests over insecure transport', 'MEDIUM', 's3-bucket', 'AwsS3Bucket', ['encryption'], ['S3.5'], 0.4),
  check('s3_bucket_versioning_enabled', 's3', 'S3 bucket has versioning enabled', 'MEDIUM', 's3-bucket', 'AwsS3Bucket', ['resilience'], [], 0.45),
  check('dynamodb_tables_pitr_enabled', 'dynamodb', 'DynamoDB table has point-in-time recovery (PITR) enabled', 'MEDIUM', 'dynamodb-table', 'AwsDynamoDbTable', ['resilience'], ['DynamoDB.2'], 0.4),
  check('sqs_queues_server_side_encryption_enabled', 'sqs', 'SQS queue has server-side encryption enabled', 'MEDIUM', 'sqs-queue', 'AwsSqsQueue', ['encryption'], ['SQS.1'], 0.3),
  check('awslambda_function_no_secrets_in_variables', 'awslambda', 'Lambda function environment variables do not contain secrets', 'CRITICAL', 'lambda-function', 'AwsLambdaFunction', ['secrets'], [], 0.15),
  check('awslambda_function_using_supported_runtimes', 'awslambda', 'Lambda function uses a supported runtime', 'MEDIUM', 'lambda-function', 'AwsLambdaFunction', [], ['Lambda.2'], 0.3),
  check('iam_root_mfa_enabled', 'iam', 'Root account has MFA enabled', 'CRITICAL', 'account', 'AwsIamUser', ['identity-access'], [], 0.2),
  check('iam_user_mfa_enabled_console_access', 'iam', 'IAM user has MFA enabled for console access or no console password is set', 'HIGH', 'iam-user', 'AwsIamUser', ['identity-access'], [], 0.35),
  check('iam_rotate_access_key_90_days', 'iam', 'IAM user does not have active access keys older than 90 days', 'MEDIUM', 'iam-user', 'AwsIamUser', ['secrets'], ['IAM.3'], 0.4),
  check('iam_policy_no_full_access_to_kms', 'iam', "Custom IAM policy does not allow 'kms:*' privileges", 'MEDIUM', 'iam-policy', 'AwsIamPolicy', ['identity-access'], [], 0.5),
  check('kms_cmk_rotation_enabled', 'kms', 'KMS customer-managed symmetric CMK has automatic rotation enabled', 'MEDIUM', 'kms-key', 'AwsKmsKey', ['encryption'], [], 0.5),
  check('secretsmanager_automatic_rotation_enabled', 'secretsmanager', 'Secrets Manager secret has rotation enabled', 'MEDIUM', 'secret', 'AwsSecretsManagerSecret', ['secrets'], ['SecretsManager.1'], 0.45),
  check('cloudtrail_multi_region_enabled', 'cloudtrail', 'Region has at least one CloudTrail trail logging', 'HIGH', 'cloudtrail-trail', 'AwsCloudTrailTrail', ['logging', 'forensics-ready'], [], 0.15),
  check('cloudtrail_log_file_validation_enabled', 'cloudtrail', 'CloudTrail trail has log file validation enabled', 'LOW', 'cloudtrail-trail', 'AwsCloudTrailTrail', ['logging', 'forensics-ready'], ['CloudTrail.4'], 0.3),
  check('cloudwatch_log_group_retention_policy_specific_days_enabled', 'cloudwatch', 'CloudWatch log group has a retention policy of at least the configured minimum days or never expires', 'MEDIUM', 'log-group', 'AwsLogsLogGroup', ['logging', 'forensics-ready'], [], 0.4),
  check('guardduty_is_enabled', 'guardduty', 'GuardDuty detector is enabled and not suspended', 'HIGH', 'account', 'AwsGuardDutyDetector', ['forensics-ready'], ['GuardDuty.1'], 0.2),
  check('account_security_contact_information_is_registered', 'account', 'AWS account has security alternate contact registered', 'MEDIUM', 'account', 'Other', [], ['Account.1'], 0.5),
];

/** GuardDuty finding types (native form) with the resource kind they concern. */
export interface SampleThreat {
  type: string;
  /** ASFF `Types[]` entry. */
  asffType: string;
  title: string;
  severity: number;
  kind: ResourceKind;
  asffResourceType: string;
  resourceRole: 'TARGET' | 'ACTOR';
}

export const THREATS: readonly SampleThreat[] = [
  { type: 'Recon:EC2/PortProbeUnprotectedPort', asffType: 'TTPs/Discovery/Recon:EC2-PortProbeUnprotectedPort', title: 'Unprotected port on EC2 instance {name} is being probed.', severity: 2, kind: 'ec2-instance', asffResourceType: 'AwsEc2Instance', resourceRole: 'TARGET' },
  { type: 'UnauthorizedAccess:EC2/SSHBruteForce', asffType: 'TTPs/Initial Access/UnauthorizedAccess:EC2-SSHBruteForce', title: 'SSH brute force attacks against {name}.', severity: 5, kind: 'ec2-instance', asffResourceType: 'AwsEc2Instance', resourceRole: 'TARGET' },
  { type: 'CryptoCurrency:EC2/BitcoinTool.B!DNS', asffType: 'Effects/Resource Consumption/CryptoCurrency:EC2-BitcoinTool.B!DNS', title: 'EC2 instance {name} is querying a domain name that is associated with Bitcoin-related activity.', severity: 8, kind: 'ec2-instance', asffResourceType: 'AwsEc2Instance', resourceRole: 'ACTOR' },
  { type: 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS', asffType: 'TTPs/Initial Access/UnauthorizedAccess:IAMUser-InstanceCredentialExfiltration.OutsideAWS', title: 'Credentials for instance role used from an external IP address.', severity: 8, kind: 'iam-user', asffResourceType: 'AwsIamAccessKey', resourceRole: 'TARGET' },
  { type: 'Policy:S3/BucketBlockPublicAccessDisabled', asffType: 'Software and Configuration Checks/Policy:S3-BucketBlockPublicAccessDisabled', title: 'Amazon S3 Block Public Access was disabled for S3 bucket {name}.', severity: 2, kind: 's3-bucket', asffResourceType: 'AwsS3Bucket', resourceRole: 'TARGET' },
  { type: 'Discovery:S3/AnomalousBehavior', asffType: 'TTPs/Discovery/Discovery:S3-AnomalousBehavior', title: 'An API commonly used to discover S3 objects was invoked in an unusual way.', severity: 2, kind: 's3-bucket', asffResourceType: 'AwsS3Bucket', resourceRole: 'TARGET' },
  { type: 'Policy:Kubernetes/AnonymousAccessGranted', asffType: 'Software and Configuration Checks/Policy:Kubernetes-AnonymousAccessGranted', title: 'The anonymous user was granted access to EKS cluster {name}.', severity: 5, kind: 'eks-cluster', asffResourceType: 'AwsEksCluster', resourceRole: 'TARGET' },
];

/** Real CVEs with the package and package manager Inspector reports them in. */
export interface SampleVulnerability {
  cve: string;
  packageName: string;
  version: string;
  fixedIn: string;
  packageManager: 'OS' | 'NPM' | 'PIP' | 'JAR';
  severity: SampleSeverity;
  score: number;
}

export const VULNERABILITIES: readonly SampleVulnerability[] = [
  { cve: 'CVE-2024-6387', packageName: 'openssh-server', version: '8.7p1', fixedIn: '8.7p1-38.el9_4.1', packageManager: 'OS', severity: 'HIGH', score: 8.1 },
  { cve: 'CVE-2023-38545', packageName: 'curl', version: '7.88.1', fixedIn: '8.4.0', packageManager: 'OS', severity: 'CRITICAL', score: 9.8 },
  { cve: 'CVE-2023-4863', packageName: 'libwebp', version: '1.2.4', fixedIn: '1.3.2', packageManager: 'OS', severity: 'HIGH', score: 8.8 },
  { cve: 'CVE-2023-44487', packageName: 'nghttp2', version: '1.43.0', fixedIn: '1.57.0', packageManager: 'OS', severity: 'HIGH', score: 7.5 },
  { cve: 'CVE-2021-44228', packageName: 'log4j-core', version: '2.14.1', fixedIn: '2.15.0', packageManager: 'JAR', severity: 'CRITICAL', score: 10 },
  { cve: 'CVE-2022-25883', packageName: 'semver', version: '7.3.8', fixedIn: '7.5.2', packageManager: 'NPM', severity: 'MEDIUM', score: 5.3 },
  { cve: 'CVE-2023-32681', packageName: 'requests', version: '2.28.2', fixedIn: '2.31.0', packageManager: 'PIP', severity: 'MEDIUM', score: 6.1 },
];
