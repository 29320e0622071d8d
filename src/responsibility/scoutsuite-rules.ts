/**
 * ScoutSuite AWS rules -> layer. ScoutSuite files a finding under `services.<service>.findings.<rule key>`.
 * The keys below are the 157 AWS rules of the default ruleset of ScoutSuite 5.14.0, with template
 * arguments filled in, so `ec2-security-group-opens-_ARG_0_-port-to-all` appears as
 * `ec2-security-group-opens-SSH-port-to-all`. Keys are compared in lower case. A key not listed here
 * falls through to the prefixes, then to the keyword rules.
 */
import type { Layer } from '../model/vocabulary';

interface RuleGroup {
  layer: Layer;
  secondaryLayer: Layer | null;
  ruleKeys: readonly string[];
}

/** Public buckets, AMIs and snapshots are data exposures made through a policy or ACL, so IAM is second. */
const RULE_GROUPS: readonly RuleGroup[] = [
  {
    layer: 'customer_data',
    secondaryLayer: 'iam',
    ruleKeys: [
      'ec2-ami-public',
      'ec2-ebs-snapshot-public',
      'rds-snapshot-public',
      's3-bucket-allusers-read',
      's3-bucket-allusers-write',
      's3-bucket-authenticatedusers-read',
      's3-bucket-authenticatedusers-write',
      's3-bucket-world-delete-policy',
      's3-bucket-world-get-policy',
      's3-bucket-world-list-policy',
      's3-bucket-world-put-policy',
      's3-bucket-world-policy-star',
    ],
  },
  {
    layer: 'platform_app',
    secondaryLayer: null,
    ruleKeys: [
      'elbv2-http-request-smuggling',
      'rds-instance-no-minor-upgrade',
      'redshift-cluster-no-version-upgrade',
    ],
  },
  {
    layer: 'network_firewall',
    secondaryLayer: null,
    ruleKeys: [
      'ec2-default-security-group-in-use',
      'ec2-default-security-group-with-rules',
      'ec2-security-group-opens-dns-port-to-all',
      'ec2-security-group-opens-mongodb-port-to-all',
      'ec2-security-group-opens-mssql-port-to-all',
      'ec2-security-group-opens-mysql-port-to-all',
      'ec2-security-group-opens-nfs-port-to-all',
      'ec2-security-group-opens-oracle db-port-to-all',
      'ec2-security-group-opens-postgresql-port-to-all',
      'ec2-security-group-opens-rdp-port-to-all',
      'ec2-security-group-opens-smtp-port-to-all',
      'ec2-security-group-opens-ssh-port-to-all',
      'ec2-security-group-opens-tcp-port-to-all',
      'ec2-security-group-opens-udp-port-to-all',
      'ec2-security-group-opens-all-ports',
      'ec2-security-group-opens-all-ports-to-all',
      'ec2-security-group-opens-all-ports-to-self',
      'ec2-security-group-opens-icmp-to-all',
      'ec2-security-group-opens-plaintext-port-ftp',
      'ec2-security-group-opens-plaintext-port-telnet',
      'ec2-security-group-opens-port-range',
      'ec2-security-group-whitelists-aws',
      'ec2-unused-security-group',
      'rds-instance-publicly-accessible',
      'rds-security-group-allows-all',
      'redshift-cluster-publicly-accessible',
      'redshift-security-group-whitelists-all',
      'vpc-custom-network-acls-allow-all-egress',
      'vpc-custom-network-acls-allow-all-ingress',
      'vpc-default-network-acls-allow-all-egress',
      'vpc-default-network-acls-allow-all-ingress',
      'vpc-network-acl-not-used',
      'vpc-routing-tables-with-peering',
      'vpc-subnet-with-allow-all-egress-acls',
      'vpc-subnet-with-allow-all-ingress-acls',
    ],
  },
  {
    layer: 'client_side_encryption_integrity',
    secondaryLayer: null,
    ruleKeys: [
      'cloudtrail-no-log-file-validation',
      'ses-identity-dkim-not-enabled',
      'ses-identity-dkim-not-verified',
    ],
  },
  {
    layer: 'server_side_encryption',
    secondaryLayer: null,
    ruleKeys: [
      'cloudtrail-no-encryption-with-kms',
      'ec2-ebs-default-encryption-disabled',
      'ec2-ebs-snapshot-not-encrypted',
      'ec2-ebs-volume-not-encrypted',
      'kms-cmk-rotation-disabled',
      'rds-instance-storage-not-encrypted',
      'redshift-cluster-database-not-encrypted',
      's3-bucket-no-default-encryption',
      'sqs-queue-server-side-encryption-disabled',
    ],
  },
  {
    layer: 'network_traffic_protection',
    secondaryLayer: null,
    ruleKeys: [
      'acm-certificate-with-close-expiration-date',
      'cloudfront-distribution-cleartext-origin',
      'cloudfront-distribution-insecure-origin',
      'cloudfront-distribution-insufficient-viewer-security',
      'elb-listener-allowing-cleartext',
      'elb-older-ssl-policy',
      'elbv2-listener-allowing-cleartext',
      'elbv2-older-ssl-policy',
      'rds-instance-ca-certificate-deprecated',
      'redshift-parameter-group-ssl-not-required',
      's3-bucket-allowing-cleartext',
    ],
  },
  {
    layer: 'iam',
    secondaryLayer: null,
    ruleKeys: [
      'cloudformation-stack-with-role',
      'iam-assume-role-lacks-external-id-and-mfa',
      'iam-assume-role-policy-allows-all',
      'iam-ec2-role-without-instances',
      'iam-group-with-inline-policies',
      'iam-group-with-no-users',
      'iam-inline-group-policy-allows-notactions',
      'iam-inline-group-policy-allows-iam-passrole',
      'iam-inline-group-policy-allows-sts-assumerole',
      'iam-inline-role-policy-allows-notactions',
      'iam-inline-role-policy-allows-iam-passrole',
      'iam-inline-role-policy-allows-sts-assumerole',
      'iam-inline-user-policy-allows-notactions',
      'iam-inline-user-policy-allows-iam-passrole',
      'iam-inline-user-policy-allows-sts-assumerole',
      'iam-lightspin-user-action-denied-for-group',
      'iam-managed-policy-allows-notactions',
      'iam-managed-policy-allows-full-privileges',
      'iam-managed-policy-allows-iam-passrole',
      'iam-managed-policy-allows-sts-assumerole',
      'iam-managed-policy-no-attachments',
      'iam-password-policy-expiration-threshold',
      'iam-password-policy-minimum-length',
      'iam-password-policy-no-expiration',
      'iam-password-policy-reuse-enabled',
      'iam-role-with-inline-policies',
      'iam-root-account-no-hardware-mfa',
      'iam-root-account-no-mfa',
      'iam-root-account-used-recently',
      'iam-root-account-with-active-certs',
      'iam-root-account-with-active-keys',
      'iam-user-with-inline-policies',
      'iam-user-with-password-and-key',
      'iam-user-without-mfa',
      's3-bucket-allusers-read_acp',
      's3-bucket-allusers-write_acp',
      's3-bucket-authenticatedusers-read_acp',
      's3-bucket-authenticatedusers-write_acp',
      'ses-identity-world-sendemail-policy',
      'ses-identity-world-sendrawemail-policy',
      'sns-topic-world-addpermission-policy',
      'sns-topic-world-deletetopic-policy',
      'sns-topic-world-gettopicattributes-policy',
      'sns-topic-world-listsubscriptionsbytopic-policy',
      'sns-topic-world-publish-policy',
      'sns-topic-world-removepermission-policy',
      'sns-topic-world-settopicattributes-policy',
      'sns-topic-world-subscribe-policy',
      'sqs-queue-world-changemessagevisibility-policy',
      'sqs-queue-world-deletemessage-policy',
      'sqs-queue-world-getqueueattributes-policy',
      'sqs-queue-world-getqueueurl-policy',
      'sqs-queue-world-purgequeue-policy',
      'sqs-queue-world-receivemessage-policy',
      'sqs-queue-world-sendmessage-policy',
    ],
  },
  {
    layer: 'secrets_credentials',
    secondaryLayer: null,
    ruleKeys: [
      'ec2-instance-with-user-data-secrets',
      'iam-unused-credentials-not-disabled',
      'iam-user-no-active-key-rotation',
      'iam-user-no-inactive-key-rotation',
      'iam-user-with-multiple-access-keys',
    ],
  },
  {
    layer: 'logging_monitoring',
    secondaryLayer: null,
    ruleKeys: [
      'acm-certificate-with-transparency-logging-disabled',
      'cloudtrail-duplicated-global-services-logging',
      'cloudtrail-no-cloudwatch-integration',
      'cloudtrail-no-data-logging',
      'cloudtrail-no-global-services-logging',
      'cloudtrail-no-logging',
      'cloudtrail-not-configured',
      'cloudtrail-partial-data-logging',
      'cloudwatch-alarm-without-actions',
      'config-recorder-not-configured',
      'elb-no-access-logs',
      'elbv2-no-access-logs',
      'redshift-parameter-group-logging-disabled',
      's3-bucket-no-logging',
      'vpc-subnet-without-flow-log',
    ],
  },
  {
    layer: 'resilience',
    secondaryLayer: null,
    ruleKeys: [
      'elbv2-no-deletion-protection',
      'rds-instance-backup-disabled',
      'rds-instance-short-backup-retention-period',
      'rds-instance-single-az',
      's3-bucket-no-mfa-delete',
      's3-bucket-no-versioning',
    ],
  },
  {
    layer: 'governance',
    secondaryLayer: null,
    ruleKeys: [
      'route53-domain-no-autorenew',
      'route53-domain-no-transferlock',
      'route53-domain-transferlock-not-authorized',
    ],
  },
];

/** Rule key prefixes for template arguments the table does not list (other ports, other policy actions). */
const RULE_PREFIXES: readonly (RuleGroup & { prefix: string })[] = [
  { prefix: 'ec2-security-group-opens-', layer: 'network_firewall', secondaryLayer: null, ruleKeys: [] },
  { prefix: 's3-bucket-world-', layer: 'customer_data', secondaryLayer: 'iam', ruleKeys: [] },
  { prefix: 'sns-topic-world-', layer: 'iam', secondaryLayer: null, ruleKeys: [] },
  { prefix: 'sqs-queue-world-', layer: 'iam', secondaryLayer: null, ruleKeys: [] },
  { prefix: 'ses-identity-world-', layer: 'iam', secondaryLayer: null, ruleKeys: [] },
];

export interface ScoutSuiteRule {
  /** The rule key as the table lists it, or the prefix that matched followed by `*`. */
  key: string;
  layer: Layer;
  secondaryLayer: Layer | null;
}

const RULES = new Map<string, ScoutSuiteRule>();
for (const group of RULE_GROUPS) {
  for (const key of group.ruleKeys) RULES.set(key, { key, layer: group.layer, secondaryLayer: group.secondaryLayer });
}

/** Finds the table entry for a ScoutSuite rule key; undefined when there is none. */
export function findScoutSuiteRule(ruleKey: string): ScoutSuiteRule | undefined {
  const key = ruleKey.trim().toLowerCase();
  const exact = RULES.get(key);
  if (exact) return exact;
  const prefix = RULE_PREFIXES.find((candidate) => key.startsWith(candidate.prefix));
  return prefix && { key: `${prefix.prefix}*`, layer: prefix.layer, secondaryLayer: prefix.secondaryLayer };
}

/** Number of rule keys the table lists, for tests. */
export const SCOUTSUITE_RULE_COUNT = RULES.size;
