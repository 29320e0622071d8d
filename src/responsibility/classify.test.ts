import { describe, expect, it } from 'vitest';
import type { ClassificationHints, ParsedFinding } from '../model/finding';
import { classify } from './classify';
import { findingWith } from './test-reference';

function classifyWith(fields: Partial<ParsedFinding>) {
  return classify(findingWith(fields));
}

function inspector(hints: ClassificationHints, resourceType: string) {
  return classifyWith({ kind: 'vulnerability', resourceType, hints: { productName: 'Inspector', ...hints } });
}

describe('worked examples', () => {
  it('EC2.8 IMDSv2 is credentials', () => {
    const result = classifyWith({ controlId: 'EC2.8', resourceType: 'AwsEc2Instance' });
    expect(result).toMatchObject({
      service: 'ec2',
      category: 'infrastructure',
      layer: 'secrets_credentials',
      secondaryLayer: 'os',
      owner: 'customer',
      rule: 'control:EC2.8',
    });
  });

  it.each(['EC2.170', 'AutoScaling.3'])('%s IMDSv2 has the OS as second layer', (controlId) => {
    const result = classifyWith({ controlId });
    expect(result.layer).toBe('secrets_credentials');
    expect(result.secondaryLayer).toBe('os');
  });

  it.each(['S3.1', 'S3.2', 'S3.3', 'S3.8'])('%s public access is customer data through IAM', (controlId) => {
    const result = classifyWith({ controlId, resourceType: 'AwsS3Bucket' });
    expect(result).toMatchObject({ service: 's3', category: 'abstract', layer: 'customer_data', secondaryLayer: 'iam' });
    expect(result.owner).toBe('customer');
  });

  it.each(['S3.6', 'S3.12'])('%s is IAM', (controlId) => {
    expect(classifyWith({ controlId }).layer).toBe('iam');
  });

  it('S3.5 SSL is shared', () => {
    const result = classifyWith({ controlId: 'S3.5', resourceType: 'AwsS3Bucket' });
    expect(result).toMatchObject({ layer: 'network_traffic_protection', owner: 'shared' });
  });

  it('RDS.3 encryption is shared', () => {
    const result = classifyWith({ controlId: 'RDS.3', resourceType: 'AwsRdsDbInstance' });
    expect(result).toMatchObject({ service: 'rds', category: 'container', layer: 'server_side_encryption', owner: 'shared' });
  });

  it('EC2.3 EBS encryption is customer’s', () => {
    const result = classifyWith({ controlId: 'EC2.3', resourceType: 'AwsEc2Volume' });
    expect(result).toMatchObject({ service: 'ebs', layer: 'server_side_encryption', owner: 'customer' });
  });

  it('RDS.13 upgrades are shared platform', () => {
    expect(classifyWith({ controlId: 'RDS.13' })).toMatchObject({ layer: 'platform_app', owner: 'shared' });
  });

  it.each([
    ['RDS.2', 'rds'],
    ['Redshift.1', 'redshift'],
    ['Opensearch.2', 'opensearch'],
  ])('%s public access is the customer’s firewall', (controlId, service) => {
    const result = classifyWith({ controlId });
    expect(result).toMatchObject({ service, category: 'container', layer: 'network_firewall', owner: 'customer' });
  });

  it('Inspector OS package on EC2', () => {
    const result = inspector({ inspectorType: 'PACKAGE_VULNERABILITY', packageManagers: ['OS'] }, 'AwsEc2Instance');
    expect(result).toMatchObject({ service: 'ec2', layer: 'os', owner: 'customer', rule: 'inspector:os-package' });
  });

  it('Inspector application package on EC2', () => {
    const result = inspector({ inspectorType: 'PACKAGE_VULNERABILITY', packageManagers: ['JAR'] }, 'AwsEc2Instance');
    expect(result).toMatchObject({ layer: 'platform_app', owner: 'customer', rule: 'inspector:app-package' });
  });

  it('Inspector package on zip Lambda', () => {
    const result = inspector({ inspectorType: 'PACKAGE_VULNERABILITY', packageManagers: ['NPM'] }, 'AwsLambdaFunction');
    expect(result).toMatchObject({ service: 'lambda', category: 'abstract', layer: 'platform_app', owner: 'customer' });
    expect(result.reason).toContain('owner differs from the matrix');
  });

  it('Inspector OS package on image Lambda', () => {
    const hints = { inspectorType: 'PACKAGE_VULNERABILITY', packageManagers: ['OS'], lambdaPackageType: 'Image' };
    const result = inspector(hints, 'AwsLambdaFunction');
    expect(result).toMatchObject({ service: 'lambda-image', layer: 'os', owner: 'shared' });
  });

  it('Inspector OS package in images', () => {
    const result = inspector({ packageManagers: ['OS'] }, 'AwsEcrContainerImage');
    expect(result).toMatchObject({ service: 'ecr', layer: 'os', owner: 'customer' });
    const onFargate = inspector({ packageManagers: ['OS'], launchType: 'FARGATE' }, 'AwsEcsTask');
    expect(onFargate).toMatchObject({ service: 'ecs-fargate', category: 'container', layer: 'os', owner: 'customer' });
  });

  it('Lambda.2 zip runtime is shared', () => {
    const result = classifyWith({ controlId: 'Lambda.2', resourceType: 'AwsLambdaFunction' });
    expect(result).toMatchObject({ service: 'lambda', layer: 'platform_app', owner: 'shared' });
  });

  it.each<[string, ClassificationHints]>([
    ['container image', { lambdaPackageType: 'Image' }],
    ['custom runtime', { lambdaRuntime: 'provided.al2023' }],
  ])('Lambda.2 %s runtime is customer’s', (_, hints) => {
    const result = classifyWith({ controlId: 'Lambda.2', resourceType: 'AwsLambdaFunction', hints });
    expect(result).toMatchObject({ service: 'lambda-image', layer: 'platform_app', owner: 'customer' });
  });

  it('GuardDuty credential exfiltration', () => {
    const result = classifyWith({
      kind: 'threat',
      resourceType: 'AwsIamAccessKey',
      hints: { threatType: 'UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS' },
    });
    expect(result).toMatchObject({ service: 'iam', layer: 'secrets_credentials', secondaryLayer: 'iam', owner: 'customer' });
  });

  it('GuardDuty port probe is firewall', () => {
    const result = classifyWith({
      kind: 'threat',
      resourceType: 'AwsEc2Instance',
      hints: { types: ['TTPs/Discovery/Recon:EC2-PortProbeUnprotectedPort'] },
    });
    expect(result).toMatchObject({ service: 'ec2', layer: 'network_firewall', owner: 'customer' });
  });

  it('GuardDuty bitcoin tool is OS', () => {
    const hints = { threatType: 'CryptoCurrency:EC2/BitcoinTool.B!DNS' };
    const result = classifyWith({ kind: 'threat', resourceType: 'AwsEc2Instance', hints });
    expect(result).toMatchObject({ layer: 'os', owner: 'customer' });
  });

  it('GuardDuty public bucket is data', () => {
    const hints = { threatType: 'Policy:S3/BucketPublicAccessGranted' };
    const result = classifyWith({ kind: 'threat', resourceType: 'AwsS3Bucket', hints });
    expect(result).toMatchObject({ service: 's3', layer: 'customer_data', secondaryLayer: 'iam', owner: 'customer' });
  });

  it.each([
    ['IAM.4', 'iam'],
    ['IAM.6', 'iam'],
    ['IAM.3', 'secrets_credentials'],
    ['IAM.8', 'secrets_credentials'],
  ])('%s is %s on IAM', (controlId, layer) => {
    const result = classifyWith({ controlId, resourceType: 'AwsAccount' });
    expect(result).toMatchObject({ service: 'iam', category: 'abstract', layer, owner: 'customer' });
  });

  it('CloudTrail.1 is customer logging', () => {
    expect(classifyWith({ controlId: 'CloudTrail.1', resourceType: 'AwsAccount' })).toMatchObject({
      service: 'cloudtrail',
      layer: 'logging_monitoring',
      owner: 'customer',
    });
  });

  it('CloudTrail.4 log file validation is integrity', () => {
    expect(classifyWith({ controlId: 'CloudTrail.4' }).layer).toBe('client_side_encryption_integrity');
  });

  it('EKS.2 version is shared platform', () => {
    const result = classifyWith({ controlId: 'EKS.2', resourceType: 'AwsEksCluster' });
    expect(result).toMatchObject({ service: 'eks-control-plane', category: 'container', layer: 'platform_app', owner: 'shared' });
  });

  it('ECS.10 Fargate platform version is shared', () => {
    const result = classifyWith({ controlId: 'ECS.10', resourceType: 'AwsEcsService' });
    expect(result).toMatchObject({ service: 'ecs-fargate', category: 'container', layer: 'platform_app', owner: 'shared' });
  });

  it('SSM.2 patching is EC2 OS', () => {
    const result = classifyWith({ controlId: 'SSM.2', resourceType: 'AwsSsmPatchCompliance' });
    expect(result).toMatchObject({ service: 'ec2', category: 'infrastructure', layer: 'os', owner: 'customer' });
  });

  it('ScoutSuite open SSH port', () => {
    const result = classifyWith({
      title: 'Security Group Opens SSH Port to All',
      hints: { serviceName: 'ec2', ruleKey: 'ec2-security-group-opens-SSH-port-to-all' },
    });
    expect(result).toMatchObject({ service: 'vpc', layer: 'network_firewall', owner: 'customer' });
    expect(result.rule).toBe('scoutsuite:ec2-security-group-opens-ssh-port-to-all');
  });

  it('Prowler Lambda variable secrets', () => {
    const result = classifyWith({ checkId: 'awslambda_function_no_secrets_in_variables', hints: { serviceName: 'awslambda' } });
    expect(result).toMatchObject({ service: 'lambda', layer: 'secrets_credentials', owner: 'customer' });
  });
});

describe('deployment variants', () => {
  it('ECS task settings on Fargate', () => {
    const onEc2 = classifyWith({ controlId: 'ECS.4', resourceType: 'AwsEcsTaskDefinition' });
    const hints = { launchType: 'FARGATE' };
    const onFargate = classifyWith({ controlId: 'ECS.4', resourceType: 'AwsEcsTaskDefinition', hints });
    expect(onEc2).toMatchObject({ service: 'ecs-ec2', category: 'infrastructure', owner: 'customer' });
    expect(onFargate).toMatchObject({ service: 'ecs-fargate', category: 'container', owner: 'customer' });
  });

  it.each([
    ['eks:cluster-name', 'prod'],
    ['aws:eks:cluster-name', 'prod'],
    ['kubernetes.io/cluster/prod', 'owned'],
  ])('instance tagged %s is node', (tag, value) => {
    const result = classifyWith({ controlId: 'EC2.8', resourceType: 'AwsEc2Instance', tags: { [tag]: value } });
    expect(result).toMatchObject({ service: 'eks-nodes', category: 'infrastructure', owner: 'customer' });
  });

  it('eksNode hint makes an EKS node', () => {
    expect(classifyWith({ resourceType: 'AwsEc2Instance', hints: { eksNode: true } }).service).toBe('eks-nodes');
  });

  it('custom engine is RDS Custom', () => {
    const hints = { dbEngine: 'custom-oracle-ee' };
    const result = classifyWith({ controlId: 'RDS.13', resourceType: 'AwsRdsDbInstance', hints });
    expect(result).toMatchObject({ service: 'rds-custom', category: 'infrastructure', owner: 'customer' });
  });

  it('Batch on Fargate', () => {
    const resourceId = 'arn:aws:batch:us-east-1:1:compute-environment/ce';
    const result = classifyWith({ resourceId, hints: { launchType: 'FARGATE' } });
    expect(result).toMatchObject({ service: 'batch-fargate', category: 'container' });
  });

  it('EKS cluster on Fargate', () => {
    expect(classifyWith({ resourceType: 'AwsEksCluster', hints: { launchType: 'FARGATE' } }).service).toBe('eks-fargate');
  });

  it('reason names variant fact', () => {
    const result = classifyWith({ resourceType: 'AwsLambdaFunction', title: 'x', hints: { lambdaRuntime: 'provided.al2' } });
    expect(result.service).toBe('lambda-image');
    expect(result.reason).toContain('the service is lambda-image because the function uses the OS-only runtime provided.al2');
  });
});

describe('unmapped findings', () => {
  it.each([
    ['Azure virtual machine', { resourceType: 'Microsoft.Compute/virtualMachines', title: 'VM has a public IP' }],
    ['Kubernetes pod', { resourceType: 'Pod', title: 'Privileged container' }],
    [
      'Prowler Kubernetes check',
      {
        checkId: 'apiserver_always_pull_images_plugin',
        resourceType: 'KubernetesAPIServer',
        hints: { serviceName: 'apiserver' },
      },
    ],
    [
      'code repository',
      { resourceType: 'CODE_REPOSITORY', kind: 'vulnerability' as const, hints: { inspectorType: 'CODE_VULNERABILITY' } },
    ],
    ['Azure resource id', { resourceId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/s' }],
  ])('%s has no AWS service', (_, fields: Partial<ParsedFinding>) => {
    const result = classifyWith(fields);
    expect(result.service).toBeNull();
    expect(result.category).toBe('unmapped');
    expect(result.owner).toBe('customer');
    expect(result.reason).toContain('not an AWS resource');
  });

  it('non-AWS secret has no service', () => {
    const hints = { ruleKey: 'Github' };
    const result = classifyWith({ kind: 'secret', title: 'Hard Coded Github', hints, resourceId: '.bashrc' });
    expect(result).toMatchObject({ service: null, category: 'unmapped', layer: 'secrets_credentials', owner: 'customer' });
    expect(result.rule).toBe('secret:detected');
  });

  it.each([
    ['gitleaks rule', { title: 'AWS access token', hints: { ruleKey: 'aws-access-token' } }],
    ['detect-secrets type', { title: 'AWS Access Key' }],
  ])('an AWS credential in a %s is IAM', (_, fields: Partial<ParsedFinding>) => {
    const result = classifyWith({ kind: 'secret', ...fields });
    expect(result).toMatchObject({ service: 'iam', category: 'abstract', layer: 'secrets_credentials', owner: 'customer' });
  });

  it('other cloud service is unmapped', () => {
    const hints = { serviceName: 'gcp:iam', ruleKey: 'iam-user-has-sa-user-role' };
    const result = classifyWith({ title: 'IAM user has service account user role', hints });
    expect(result.service).toBeNull();
    expect(result.reason).toContain('belongs to gcp, not AWS');
  });

  it('no evidence gives unmapped', () => {
    const result = classifyWith({ title: 'Something happened' });
    expect(result.category).toBe('unmapped');
    expect(result.reason).toContain('no control, check, resource type, ARN or service name');
  });

  it('ARN wins over generic type', () => {
    const result = classifyWith({ resourceType: 'Container', resourceId: 'arn:aws:ecs:us-east-1:1:task/c/abc' });
    expect(result.service).toBe('ecs-ec2');
  });
});

describe('service evidence', () => {
  it('falls back to the ARN', () => {
    expect(classifyWith({ resourceType: 'Other', resourceId: 'arn:aws:s3:::logs' }).service).toBe('s3');
    expect(classifyWith({ resourceId: 'arn:aws:ec2:us-east-1:1:volume/vol-1' }).service).toBe('ebs');
  });

  it('reads the other resources', () => {
    const hints = { resourceTypes: ['Other', 'AwsKmsKey'], resourceIds: ['x', 'arn:aws:kms:us-east-1:1:key/k'] };
    expect(classifyWith({ resourceType: 'Other', hints }).service).toBe('kms');
    expect(classifyWith({ hints: { resourceIds: ['arn:aws:sqs:us-east-1:1:q'] } }).service).toBe('sqs');
  });

  it('uses the tool service name', () => {
    expect(classifyWith({ hints: { serviceName: 'awslambda' } }).service).toBe('lambda');
    expect(classifyWith({ hints: { serviceName: 'CloudFormation' } }).service).toBe('cloudformation');
  });

  it('refines EC2 by rule key', () => {
    const hints = { serviceName: 'ec2', ruleKey: 'ec2-ebs-volume-not-encrypted' };
    const result = classifyWith({ hints, resourceType: 'volumes' });
    expect(result.service).toBe('ebs');
  });

  it('reads rule id service', () => {
    expect(classifyWith({ checkId: 'iam_disable_something_new' }).service).toBe('iam');
    expect(classifyWith({ kind: 'iac', hints: { ruleKey: 'aws-s3-enable-bucket-encryption' } }).service).toBe('s3');
  });

  it('refines control by resource', () => {
    expect(classifyWith({ controlId: 'RDS.9', resourceType: 'AwsRdsDbCluster' }).service).toBe('aurora');
  });

  it('keeps control family', () => {
    expect(classifyWith({ controlId: 'CloudTrail.1', resourceType: 'AwsAccount' }).service).toBe('cloudtrail');
    expect(classifyWith({ controlId: 'DocumentDB.1', resourceType: 'AwsRdsDbCluster' }).service).toBe('documentdb');
  });

  it('unlisted control uses prefix', () => {
    expect(classifyWith({ controlId: 'Lambda.99' }).service).toBe('lambda');
    expect(classifyWith({ controlId: 'PCI.IAM.1' }).service).toBe('iam');
  });

  it.each([
    ['Public S3 bucket detected', 's3'],
    ['Critical IAM root access key active', 'iam'],
    ['Route 53 zone has no query logging', 'route53'],
  ])('title "%s" names %s', (title, service) => {
    expect(classifyWith({ title }).service).toBe(service);
  });

  it('ignores everyday title words', () => {
    expect(classifyWith({ title: 'Backup config is stale' }).service).toBeNull();
  });

  it('reads IaC resource types', () => {
    expect(classifyWith({ kind: 'iac', resourceType: 'aws_security_group', title: 'x' }).service).toBe('vpc');
    expect(classifyWith({ kind: 'iac', resourceId: 'aws_s3_bucket.logs', title: 'x' }).service).toBe('s3');
  });
});

describe('layer rules', () => {
  it('reads legacy control and check ids', () => {
    const control = classifyWith({ controlId: 'ELBv2.1' });
    expect(control).toMatchObject({ service: 'elb', layer: 'network_traffic_protection', rule: 'control:ELB.1' });
    expect(control.reason).toContain('ELBv2.1 (now ELB.1)');
    const check = classifyWith({ checkId: 'prowler-iam_disable_90_days_credentials' });
    expect(check).toMatchObject({ layer: 'secrets_credentials', rule: 'prowler:iam_user_accesskey_unused' });
  });

  it('puts a tagging control on governance', () => {
    const result = classifyWith({ controlId: 'ACM.3', title: 'ACM certificates should be tagged' });
    expect(result).toMatchObject({ service: 'acm', layer: 'governance', rule: 'tagging:ACM.3' });
    const byStandard = classifyWith({ controlId: 'Amplify.1', standards: ['standards/aws-resource-tagging-standard/v/1.0.0'] });
    expect(byStandard.layer).toBe('governance');
  });

  it('Inspector network reachability', () => {
    const result = inspector({ inspectorType: 'NETWORK_REACHABILITY' }, 'AwsEc2Instance');
    expect(result).toMatchObject({ layer: 'network_firewall', rule: 'inspector:network-reachability' });
  });

  it('Inspector code scanning', () => {
    const result = inspector({ inspectorType: 'CODE_VULNERABILITY', cwes: ['CWE-798'] }, 'AwsLambdaFunction');
    expect(result).toMatchObject({ layer: 'secrets_credentials', owner: 'customer' });
    const other = inspector({ inspectorType: 'CODE_VULNERABILITY', cwes: ['CWE-117'] }, 'AwsLambdaFunction');
    expect(other).toMatchObject({ layer: 'platform_app', owner: 'customer', rule: 'inspector:code' });
  });

  it('CVE without package manager', () => {
    expect(classifyWith({ kind: 'vulnerability', resourceType: 'AwsEc2Instance' })).toMatchObject({
      layer: 'os',
      rule: 'vulnerability:unknown-package',
    });
    expect(classifyWith({ kind: 'vulnerability', resourceType: 'AwsLambdaFunction' }).layer).toBe('platform_app');
  });

  it.each([
    ['SensitiveData:S3Object/Personal', 'customer_data', null],
    ['Policy:IAMUser/S3BucketEncryptionDisabled', 'server_side_encryption', null],
    ['Policy:IAMUser/S3BlockPublicAccessDisabled', 'customer_data', 'iam'],
    ['Policy:IAMUser/S3BucketSharedExternally', 'customer_data', 'iam'],
  ])('places Macie %s on %s', (threatType, layer, secondaryLayer) => {
    const hints = { productName: 'Macie', threatType };
    const result = classifyWith({ kind: 'sensitive_data', resourceType: 'AwsS3Bucket', hints });
    expect(result.layer).toBe(layer);
    expect(result.secondaryLayer).toBe(secondaryLayer);
    expect(result.rule).toMatch(/^macie:/);
  });

  it('IAM Access Analyzer findings', () => {
    const analyzer = { productName: 'IAM Access Analyzer' };
    const bucket = classifyWith({ resourceType: 'AWS::S3::Bucket', hints: analyzer });
    expect(bucket).toMatchObject({ layer: 'customer_data', secondaryLayer: 'iam' });
    expect(classifyWith({ resourceType: 'AWS::EC2::Snapshot', hints: analyzer }).layer).toBe('customer_data');
    expect(classifyWith({ resourceType: 'AWS::IAM::Role', hints: analyzer }).layer).toBe('iam');
    const unused = classifyWith({ title: 'Unused IAM role', resourceType: 'AWS::IAM::Role', hints: analyzer });
    expect(unused.layer).toBe('secrets_credentials');
  });

  it('types and categories fallback', () => {
    expect(classifyWith({ hints: { types: ['TTPs/Credential Access'] } })).toMatchObject({
      layer: 'secrets_credentials',
      rule: 'type:credential-access',
    });
    expect(classifyWith({ hints: { categories: ['encryption'] } })).toMatchObject({
      layer: 'server_side_encryption',
      rule: 'category:encryption',
    });
  });

  it('default asks for review', () => {
    const result = classifyWith({ title: 'Unusual activity by a principal', resourceType: 'AwsS3Bucket' });
    expect(result).toMatchObject({ layer: 'platform_app', rule: 'default' });
    expect(result.reason).toContain('needs review');
  });

  it('reason names table row', () => {
    const result = classifyWith({ controlId: 'EC2.8' });
    expect(result.reason).toMatch(/^Control EC2\.8 is listed under Secrets & credentials in the FSBP control table/);
    expect(result.reason.endsWith('.')).toBe(true);
  });

  it.each([
    ['ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_mysql_3306', 'customer_data'],
    ['s3_bucket_public_access', 'iam'],
    ['ec2_instance_account_imdsv2_enabled', 'os'],
    ['ec2_instance_imdsv2_enabled', 'os'],
  ])('check %s has second layer', (checkId, secondaryLayer) => {
    expect(classifyWith({ checkId }).secondaryLayer).toBe(secondaryLayer);
  });

  it('reason states table correction', () => {
    const result = classifyWith({ checkId: 'awslambda_function_using_cross_account_layers' });
    expect(result.layer).toBe('platform_app');
    expect(result.reason).toContain('supply-chain');
  });
});

describe('repeated classification', () => {
  // Decisions and reasons are kept between calls, so a repeat must give the same result as the first call.
  it('control under its old and new id', () => {
    const current = classifyWith({ controlId: 'ELB.1' });
    const legacy = classifyWith({ controlId: 'ELBv2.1' });
    expect(classifyWith({ controlId: 'ELB.1' })).toEqual(current);
    expect(classifyWith({ controlId: 'ELBv2.1' })).toEqual(legacy);
    expect(legacy.rule).toBe('control:ELB.1');
    expect(current.reason).toMatch(/^Control ELB\.1 is listed/);
    expect(legacy.reason).toMatch(/^Control ELBv2\.1 \(now ELB\.1\) is listed/);
  });

  it('owner override reason', () => {
    const hints = { inspectorType: 'PACKAGE_VULNERABILITY', packageManagers: ['NPM'] };
    const first = inspector(hints, 'AwsLambdaFunction');
    expect(inspector(hints, 'AwsLambdaFunction')).toEqual(first);
    expect(first.reason).toBe(
      "The vulnerable package is an application dependency (NPM), not an OS package; the owner differs from the matrix because application code and dependencies are the customer's on every service.",
    );
  });

  it('GuardDuty type', () => {
    const threat = () => classifyWith({ kind: 'threat', hints: { productName: 'GuardDuty', threatType: 'Recon:EC2/PortProbeUnprotectedPort' } });
    const first = threat();
    expect(threat()).toEqual(first);
    expect(first.reason).toMatch(/^GuardDuty type Recon:EC2\/PortProbeUnprotectedPort matches Recon:EC2\/Port\*: /);
  });
});
