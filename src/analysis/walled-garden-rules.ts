/**
 * Rule tables of the walled-garden practices: which findings are evidence for each practice. Every row
 * names one finding field and a pattern, so each match can show the row that produced it.
 *
 * Sources of the ids:
 * - Security Hub control ids of AWS Foundational Security Best Practices v1.0.0. CIS controls arrive in this
 *   form too when Security Hub consolidates control findings.
 * - CIS AWS Foundations Benchmark v1.2.0 control numbers, for Security Hub findings without consolidated ids.
 * - Prowler check ids from the 3.x to 5.x check list, plus the 2.x ids `check13`, `check116` and `extra786`.
 * - GuardDuty finding types in their native `ThreatPurpose:ResourceType/ThreatFamilyName` form.
 * - Checkov ids, tfsec ids (current, AVD and legacy forms), KICS query ids and query names.
 */

export const PRACTICE_IDS = [
  'build-pipeline',
  'least-privilege',
  'roles-not-keys',
  'instance-metadata',
  'private-s3',
  'secrets-out-of-code',
] as const;
export type PracticeId = (typeof PRACTICE_IDS)[number];

/**
 * The finding field a rule reads:
 * - `control`: `controlId`, the Security Hub control id (`S3.1`).
 * - `cis`: `<version>/<controlId>` of a finding from a CIS AWS Foundations Benchmark standard that Security
 *   Hub reports without consolidated control ids (`1.2.0/1.4`). The version comes from `standards`.
 * - `check`: `checkId` of any finding, without the `prowler-` prefix of Prowler's ASFF output.
 * - `threat`: the GuardDuty finding type (`hints.threatType`, or ASFF `Types[]` of a GuardDuty finding).
 * - `iac`: `checkId` of an IaC scanner finding (`kind === 'iac'`).
 * - `iac_title`: `title` of an IaC scanner finding, for scanners whose ids are opaque (KICS query names).
 * - `kind`: the finding kind itself (`secret`, `iac`).
 * - `tool`: `sourceTool` or `hints.productName`.
 */
export const RULE_SOURCES = ['control', 'cis', 'check', 'threat', 'iac', 'iac_title', 'kind', 'tool'] as const;
export type RuleSource = (typeof RULE_SOURCES)[number];

export interface PracticeRule {
  /** Unique within its practice: `<source>:<pattern>`, e.g. `control:EC2.8`. */
  id: string;
  source: RuleSource;
  /** Compared case-insensitively with the whole field value; `*` matches any run of characters. */
  pattern: string;
  /** When set, the finding's resource type must also match this pattern (same syntax). */
  resourceType?: string;
  /** Short description of the problem a failing match reports ("EC2 instance allows IMDSv1"). */
  meaning: string;
}

function row(source: RuleSource, pattern: string, meaning: string, resourceType?: string): PracticeRule {
  const id = resourceType ? `${source}:${pattern} on ${resourceType}` : `${source}:${pattern}`;
  return resourceType ? { id, source, pattern, resourceType, meaning } : { id, source, pattern, meaning };
}

const control = (pattern: string, meaning: string) => row('control', pattern, meaning);
const cis = (pattern: string, meaning: string) => row('cis', pattern, meaning);
const check = (pattern: string, meaning: string) => row('check', pattern, meaning);
const threat = (pattern: string, meaning: string) => row('threat', pattern, meaning);
const iac = (pattern: string, meaning: string) => row('iac', pattern, meaning);
const iacTitle = (pattern: string, meaning: string) => row('iac_title', pattern, meaning);

const BUILD_PIPELINE: readonly PracticeRule[] = [
  control('CodeBuild.1', 'CodeBuild source repository URL contains credentials'),
  control('CodeBuild.2', 'CodeBuild environment variables hold clear-text credentials'),
  control('ECR.1', 'ECR repository does not scan images on push'),
  // Every CodeBuild project check: buildspec control, webhook filters, visibility, logging, secrets.
  check('codebuild_project_*', 'CodeBuild project configuration check failed'),
  check('codepipeline_project_repo_private', 'CodePipeline builds from a public or unauthenticated source'),
  check('ecr_registry_scan_images_on_push_enabled', 'ECR registry does not scan images on push'),
  check('ecr_repositories_scan_images_on_push_enabled', 'ECR repository does not scan images on push'),
  check('ecr_repositories_scan_vulnerabilities_in_latest_image', 'Latest image in ECR has vulnerabilities'),
  // An IaC scanner report shows that infrastructure code is checked, and its open findings are issues the
  // pipeline let through.
  row('kind', 'iac', 'IaC scanner reports an unfixed issue in infrastructure code'),
];

const LEAST_PRIVILEGE: readonly PracticeRule[] = [
  control('IAM.1', 'IAM policy allows full "*:*" administrative privileges'),
  control('IAM.2', 'IAM user has policies attached directly'),
  control('IAM.21', 'Customer managed policy allows wildcard service actions'),
  control('KMS.1', 'Customer managed policy allows decryption with every KMS key'),
  control('KMS.2', 'Inline policy allows decryption with every KMS key'),
  cis('1.2.0/1.16', 'IAM user has policies attached directly'),
  cis('1.2.0/1.22', 'IAM policy allows full "*:*" administrative privileges'),
  check('iam_*_no_administrative_privileges', 'IAM policy allows "*:*" administrative privileges'),
  check('iam_policy_allows_privilege_escalation', 'Customer managed policy allows privilege escalation'),
  check('iam_inline_policy_allows_privilege_escalation', 'Inline policy allows privilege escalation'),
  check('iam_policy_attached_only_to_group_or_roles', 'IAM user has policies attached directly'),
  check('iam_role_administratoraccess_policy', 'IAM role has AdministratorAccess attached'),
  check('iam_user_administrator_access_policy', 'IAM user has AdministratorAccess attached'),
  check('iam_role_administratoraccess_policy_permissive_trust_relationship', 'Administrator role trusts too many principals'),
  check('iam_role_permissive_trust_relationship', 'IAM role trust policy is too permissive'),
  check('iam_no_custom_policy_permissive_role_assumption', 'Custom policy allows assuming any role'),
  check('iam_policy_no_full_access_to_kms', 'Customer managed policy allows kms:*'),
  check('iam_inline_policy_no_full_access_to_kms', 'Inline policy allows kms:*'),
  check('iam_policy_no_full_access_to_cloudtrail', 'Customer managed policy allows cloudtrail:*'),
  check('iam_inline_policy_no_full_access_to_cloudtrail', 'Inline policy allows cloudtrail:*'),
  check('iam_policy_cloudshell_admin_not_attached', 'AWSCloudShellFullAccess is attached'),
  check('accessanalyzer_enabled', 'IAM Access Analyzer is not enabled'),
  check('accessanalyzer_enabled_without_findings', 'IAM Access Analyzer has active findings'),
  check('check116', 'IAM user has policies attached directly'),
  threat('PrivilegeEscalation:IAMUser/AnomalousBehavior', 'Unusual calls that escalate privileges'),
  row('tool', '*Access Analyzer*', 'IAM Access Analyzer found external or unused access'),
  iac('CKV_AWS_1', 'IaC policy allows "*:*" administrative privileges'),
  iac('CKV_AWS_40', 'IaC attaches policies to an IAM user'),
  iac('aws-iam-no-policy-wildcards', 'IaC policy uses wildcards'),
  iac('aws-iam-no-user-attached-policies', 'IaC attaches policies to an IAM user'),
  iacTitle('*IAM*Full Privileges*', 'IaC policy allows full administrative privileges'),
];

const ROLES_NOT_KEYS: readonly PracticeRule[] = [
  control('IAM.3', 'Access key is older than 90 days'),
  control('IAM.4', 'Root user has an access key'),
  control('IAM.8', 'IAM user has unused credentials'),
  control('IAM.22', 'IAM user credentials unused for 45 days'),
  cis('1.2.0/1.3', 'IAM user has credentials unused for 90 days'),
  cis('1.2.0/1.4', 'Access key is older than 90 days'),
  cis('1.2.0/1.12', 'Root user has an access key'),
  check('iam_rotate_access_key_90_days', 'Access key is older than 90 days'),
  check('iam_no_root_access_key', 'Root user has an access key'),
  check('iam_user_accesskey_unused', 'IAM user has an unused access key'),
  check('iam_user_console_access_unused', 'IAM user has an unused console password'),
  // Prowler 3.x names of the unused-credentials checks (30, 45 and 90 days).
  check('iam_disable_*_days_credentials', 'IAM user has unused credentials'),
  check('iam_user_two_active_access_key', 'IAM user has two active access keys'),
  check('iam_user_no_setup_initial_access_key', 'Access key created with the user was never used'),
  check('iam_user_with_temporary_credentials', 'IAM user calls services with long-lived credentials'),
  check('ec2_instance_profile_attached', 'EC2 instance has no instance profile role'),
  check('bedrock_api_key_no_long_term_credentials', 'Bedrock long-term API key has not expired'),
  check('check13', 'IAM user has credentials unused for 90 days'),
  threat('Policy:IAMUser/RootCredentialUsage', 'Root user credentials were used'),
  iac('aws-iam-no-root-access-keys', 'IaC creates a root access key'),
  iac('970d224d-b42a-416b-81f9-8f4dfe70c4bc', 'IaC creates a root access key'),
  iac('4c137350-7307-4803-8c04-17c09a7a9fcf', 'IaC creates a root access key'),
  iacTitle('*Root Account Has Active Access Keys*', 'IaC creates a root access key'),
];

const INSTANCE_METADATA: readonly PracticeRule[] = [
  control('EC2.8', 'EC2 instance allows IMDSv1'),
  control('EC2.170', 'EC2 launch template allows IMDSv1'),
  control('AutoScaling.3', 'Auto Scaling launch configuration allows IMDSv1'),
  check('ec2_instance_imdsv2_enabled', 'EC2 instance allows IMDSv1'),
  check('ec2_instance_account_imdsv2_enabled', 'Account default for new instances allows IMDSv1'),
  check('ec2_launch_template_imdsv2_required', 'EC2 launch template allows IMDSv1'),
  check('autoscaling_group_launch_configuration_requires_imdsv2', 'Auto Scaling launch configuration allows IMDSv1'),
  check('ec2_confidential_workload_host_imdsv2_not_enforced', 'Confidential-workload host allows IMDSv1'),
  check('extra786', 'EC2 instance allows IMDSv1'),
  threat('UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.*', 'Instance role credentials used from another host'),
  threat('UnauthorizedAccess:EC2/MetadataDNSRebind', 'DNS rebinding against the instance metadata service'),
  iac('CKV_AWS_79', 'IaC instance or launch template allows IMDSv1'),
  iac('aws-ec2-enforce-http-token-imds', 'IaC instance allows IMDSv1'),
  iac('aws-ec2-enforce-launch-config-http-token-imds', 'IaC launch configuration allows IMDSv1'),
  iac('aws-autoscaling-enforce-http-token-imds', 'IaC launch configuration allows IMDSv1'),
  iac('a4f5f706-80fd-4c96-9a24-6ab317d33d24', 'IaC instance uses IMDSv1'),
  iacTitle('*IMDS*', 'IaC instance metadata options allow IMDSv1'),
  iacTitle('*Instance Metadata Service*', 'IaC instance metadata options allow IMDSv1'),
];

const PRIVATE_S3: readonly PracticeRule[] = [
  control('S3.1', 'Account-level S3 Block Public Access is off'),
  control('S3.2', 'Bucket allows public read access'),
  control('S3.3', 'Bucket allows public write access'),
  control('S3.8', 'Bucket-level Block Public Access is off'),
  control('S3.19', 'S3 access point does not block public access'),
  control('S3.24', 'Multi-Region Access Point does not block public access'),
  control('CloudFront.13', 'CloudFront reaches its S3 origin without origin access control'),
  check('s3_bucket_public_access', 'Bucket is public to everyone or all AWS users'),
  check('s3_account_level_public_access_blocks', 'Account-level S3 Block Public Access is off'),
  check('s3_bucket_level_public_access_block', 'Bucket-level Block Public Access is off'),
  check('s3_access_point_public_access_block', 'S3 access point does not block public access'),
  check('s3_multi_region_access_point_public_access_block', 'Multi-Region Access Point does not block public access'),
  check('s3_bucket_policy_public_write_access', 'Bucket policy allows public writes'),
  check('s3_bucket_public_write_acl', 'Bucket ACL allows public writes'),
  check('s3_bucket_public_list_acl', 'Bucket ACL allows public listing'),
  check('s3_bucket_object_public', 'Objects in the bucket have public ACLs'),
  check('cloudtrail_logs_s3_bucket_is_not_publicly_accessible', 'CloudTrail log bucket is public'),
  check('cloudfront_distributions_s3_origin_access_control', 'CloudFront reaches its S3 origin without origin access control'),
  threat('Policy:S3/BucketBlockPublicAccessDisabled', 'Block Public Access was turned off for a bucket'),
  threat('Policy:S3/AccountBlockPublicAccessDisabled', 'Block Public Access was turned off for the account'),
  threat('Policy:S3/Bucket*AccessGranted', 'A bucket was made public or anonymous'),
  row('tool', '*Access Analyzer*', 'Bucket is shared outside the account', '*S3*Bucket*'),
  iac('CKV_AWS_20', 'IaC bucket ACL allows public reads'),
  iac('CKV_AWS_57', 'IaC bucket ACL allows public writes'),
  iac('CKV_AWS_53', 'IaC bucket does not block public ACLs'),
  iac('CKV_AWS_54', 'IaC bucket does not block public policies'),
  iac('CKV_AWS_55', 'IaC bucket does not ignore public ACLs'),
  iac('CKV_AWS_56', 'IaC bucket does not restrict public buckets'),
  iac('CKV2_AWS_6', 'IaC bucket has no public access block'),
  iac('aws-s3-block-public-acls', 'IaC bucket does not block public ACLs'),
  iac('aws-s3-block-public-policy', 'IaC bucket does not block public policies'),
  iac('aws-s3-ignore-public-acls', 'IaC bucket does not ignore public ACLs'),
  iac('aws-s3-no-public-buckets', 'IaC bucket does not restrict public buckets'),
  iac('aws-s3-no-public-access-with-acl', 'IaC bucket ACL grants public access'),
  iac('aws-s3-specify-public-access-block', 'IaC bucket has no public access block'),
  // The same tfsec checks under their AVD ids.
  iac('AVD-AWS-0086', 'IaC bucket does not block public ACLs'),
  iac('AVD-AWS-0087', 'IaC bucket does not block public policies'),
  iac('AVD-AWS-0093', 'IaC bucket does not restrict public buckets'),
  iac('AVD-AWS-0094', 'IaC bucket has no public access block'),
  iac('7af43613-6bb9-4a0e-8c4d-1314b799425e', 'IaC bucket policy allows any principal'),
  iac('1df37f4b-7197-45ce-83f8-9994d2fcf885', 'IaC bucket allows GetObject to all principals'),
  iac('42bb6b7f-6d54-4428-b707-666f669d94fb', 'IaC bucket is served as a public website'),
  iacTitle('*S3*Public*', 'IaC bucket allows public access'),
  iacTitle('*S3*Any Principal*', 'IaC bucket policy allows any principal'),
  iacTitle('*S3*All Principals*', 'IaC bucket allows all principals'),
  iacTitle('*S3*Static Website*', 'IaC bucket is served as a public website'),
];

const SECRETS_OUT_OF_CODE: readonly PracticeRule[] = [
  row('kind', 'secret', 'Secret scanner found a secret in code or history'),
  control('CodeBuild.1', 'CodeBuild source repository URL contains credentials'),
  control('CodeBuild.2', 'CodeBuild environment variables hold clear-text credentials'),
  control('ECS.8', 'ECS task definition passes secrets as environment variables'),
  // Prowler's secret-detection checks over Lambda, EC2 user data, stack outputs, task definitions...
  check('*_no_secrets*', 'Prowler found a secret in configuration or code'),
  check('*_find_secrets*', 'Prowler found a secret in configuration'),
  check('*_secrets_user_data', 'EC2 user data contains a secret'),
  check('*_no_environment_secrets', 'Task definition has secrets in environment variables'),
  check('*_no_sensitive_credentials', 'Source URL contains credentials'),
  check('ssm_document_secrets', 'SSM document contains a secret'),
  iac('CKV_AWS_41', 'IaC provider block has a hard-coded access key'),
  iac('CKV_AWS_45', 'IaC Lambda environment has a hard-coded secret'),
  iac('CKV_AWS_46', 'IaC EC2 user data has a hard-coded secret'),
  iac('CKV_SECRET_*', 'Checkov found a secret in code'),
  iac('GEN001', 'IaC variable default holds sensitive data'),
  iac('GEN002', 'IaC local value holds sensitive data'),
  iac('GEN003', 'IaC block attribute holds sensitive data'),
  iac('general-secrets-*', 'IaC holds sensitive data in plain text'),
  iac('aws-*-no-secrets-in-*', 'IaC user data holds an access key'),
  iac('f996f3cb-00fc-480c-8973-8ab04d44a8cc', 'IaC holds passwords or secrets'),
  iac('d7b9d850-3e06-4a75-852f-c46c2e92240b', 'IaC holds a hard-coded access key'),
  iac('2564172f-c92b-4261-9acd-464aed511696', 'IaC Lambda environment holds a hard-coded access key'),
  iacTitle('*Passwords And Secrets*', 'IaC holds passwords or secrets'),
  iacTitle('*Hardcoded AWS Access Key*', 'IaC holds a hard-coded access key'),
];

/** The rows of each practice, in the order a match is reported (the first matching row is shown). */
export const PRACTICE_RULES: Record<PracticeId, readonly PracticeRule[]> = {
  'build-pipeline': BUILD_PIPELINE,
  'least-privilege': LEAST_PRIVILEGE,
  'roles-not-keys': ROLES_NOT_KEYS,
  'instance-metadata': INSTANCE_METADATA,
  'private-s3': PRIVATE_S3,
  'secrets-out-of-code': SECRETS_OUT_OF_CODE,
};
