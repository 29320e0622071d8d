import { describe, expect, it } from 'vitest';
import type { Layer } from '../model/vocabulary';
import { KEYWORD_RULES, keywordRule, keywordText } from './keyword-rules';
import { findingWith } from './test-reference';

describe('keyword rules', () => {
  it('have unique ids', () => {
    const ids = KEYWORD_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each<[string, Layer]>([
    ['Ensure no security groups allow ingress from 0.0.0.0/0 or ::/0 to FTP port 20 or 21', 'network_firewall'],
    ['EC2 instances should use IMDSv2', 'secrets_credentials'],
    ['Ensure rotation for customer created CMKs is enabled', 'server_side_encryption'],
    ['Ensure credentials unused for 90 days or greater are disabled', 'secrets_credentials'],
    ['Hard Coded AWS Access Key', 'secrets_credentials'],
    ['Load balancer listeners should use TLS 1.2', 'network_traffic_protection'],
    ['Ensure CloudTrail logs are encrypted at rest using KMS CMKs', 'server_side_encryption'],
    ['CloudTrail log file validation is disabled', 'client_side_encryption_integrity'],
    ['EBS snapshot is public', 'customer_data'],
    ['Subnet without a Flow Log', 'logging_monitoring'],
    ['AWS Config Not Enabled', 'logging_monitoring'],
    ['CloudFormation Stack Termination Protection Enabled', 'resilience'],
    ['Root Account without MFA', 'iam'],
    ['Password Policy Allows the Reuse of Passwords', 'iam'],
    ['An ingress Network ACL rule allows ALL ports.', 'network_firewall'],
    ['Instance is not patched', 'os'],
    ['Function uses a deprecated runtime', 'platform_app'],
    ['Resource is missing required tags', 'governance'],
    ['RequiredTagsForVolumes', 'governance'],
    ['EKS should have the encryption of secrets enabled', 'server_side_encryption'],
    ['Public S3 bucket detected', 'customer_data'],
  ])('%s is %s', (title, layer) => {
    expect(keywordRule(findingWith({ title }))?.layer).toBe(layer);
  });

  it('reads rule ids as words', () => {
    const result = keywordRule(findingWith({ checkId: 'ec2_securitygroup_allow_ingress_from_internet_to_port_mongodb' }));
    expect(result).toMatchObject({ layer: 'network_firewall', rule: 'keyword:open-port' });
  });

  it('IMDS has OS second', () => {
    expect(keywordRule(findingWith({ title: 'Instance metadata service v1 enabled' }))?.secondaryLayer).toBe('os');
  });

  it('prefers the title over the description', () => {
    const finding = findingWith({ title: 'Bucket versioning disabled', description: 'Logs are not encrypted at rest.' });
    expect(keywordRule(finding)?.layer).toBe('resilience');
  });

  it('falls back to the description', () => {
    const finding = findingWith({ title: 'Finding 42', description: 'The queue is not encrypted at rest.' });
    const result = keywordRule(finding);
    expect(result?.layer).toBe('server_side_encryption');
    expect(result?.reason).toContain('in the description');
  });

  it('reason quotes matched words', () => {
    expect(keywordRule(findingWith({ title: 'Bucket without versioning' }))?.reason).toBe(
      'Keyword rule resilience matched "versioning" in the title or rule id, which points to Resilience.',
    );
  });

  it('returns null when nothing matches', () => {
    expect(keywordRule(findingWith({ title: 'Unusual activity by a principal' }))).toBeNull();
  });
});

describe('keywordText', () => {
  it('turns separators into spaces', () => {
    expect(keywordText('ec2_securitygroup-open.port:22/tcp')).toBe('ec2 securitygroup open port 22 tcp');
  });

  it('splits camelCase words', () => {
    expect(keywordText('stackTerminationProtection')).toBe('stack termination protection');
  });
});
