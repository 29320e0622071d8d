import { describe, expect, it } from 'vitest';
import type { ClassificationHints } from '../model/finding';
import type { Layer } from '../model/vocabulary';
import { classify } from './classify';
import { matchGuardDutyRule, nativeFindingTypes } from './guardduty';
import { findingWith } from './test-reference';

function threat(threatType: string, hints: ClassificationHints = {}, resourceType: string | null = null) {
  return classify(findingWith({ kind: 'threat', resourceType, hints: { productName: 'GuardDuty', threatType, ...hints } }));
}

describe('GuardDuty type table', () => {
  it.each<[string, Layer, Layer | null]>([
    ['UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS', 'secrets_credentials', 'iam'],
    ['UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.InsideAWS', 'secrets_credentials', 'iam'],
    ['UnauthorizedAccess:EC2/MetadataDNSRebind', 'secrets_credentials', 'os'],
    ['AttackSequence:IAM/CompromisedCredentials', 'secrets_credentials', 'iam'],
    ['Stealth:IAMUser/CloudTrailLoggingDisabled', 'logging_monitoring', null],
    ['Stealth:S3/ServerAccessLoggingDisabled', 'logging_monitoring', null],
    ['Discovery:IAMUser/AnomalousBehavior', 'iam', null],
    ['Stealth:IAMUser/PasswordPolicyChange', 'iam', null],
    ['Policy:IAMUser/RootCredentialUsage', 'iam', null],
    ['PenTest:IAMUser/KaliLinux', 'iam', null],
    ['Policy:S3/AccountBlockPublicAccessDisabled', 'customer_data', 'iam'],
    ['Policy:S3/BucketAnonymousAccessGranted', 'customer_data', 'iam'],
    ['Policy:S3/BucketPublicAccessGranted', 'customer_data', 'iam'],
    ['Exfiltration:S3/AnomalousBehavior', 'customer_data', 'iam'],
    ['Impact:S3/MaliciousIPCaller', 'customer_data', 'iam'],
    ['Object:S3/MaliciousFile', 'customer_data', 'iam'],
    ['AttackSequence:S3/CompromisedData', 'customer_data', 'iam'],
    ['Recon:EC2/PortProbeUnprotectedPort', 'network_firewall', null],
    ['Recon:EC2/PortProbeEMRUnprotectedPort', 'network_firewall', null],
    ['Recon:EC2/Portscan', 'os', null],
    ['Backdoor:EC2/C&CActivity.B!DNS', 'os', null],
    ['Trojan:EC2/DGADomainRequest.B', 'os', null],
    ['CryptoCurrency:EC2/BitcoinTool.B!DNS', 'os', null],
    ['Impact:EC2/WinRMBruteForce', 'os', null],
    ['DefenseEvasion:EC2/UnusualDNSResolver', 'os', null],
    ['Execution:EC2/MaliciousFile', 'os', null],
    ['AttackSequence:EC2/CompromisedInstanceGroup', 'os', null],
    ['Execution:Runtime/NewBinaryExecuted', 'os', null],
    ['Execution:ECS/MaliciousFile', 'os', null],
    ['Execution:Container/MaliciousFile', 'os', null],
    ['Policy:Kubernetes/AnonymousAccessGranted', 'iam', null],
    ['Policy:Kubernetes/AdminAccessToDefaultServiceAccount', 'iam', null],
    ['CredentialAccess:Kubernetes/MaliciousIPCaller', 'iam', null],
    ['Discovery:Kubernetes/SuccessfulAnonymousAccess', 'iam', null],
    ['Policy:Kubernetes/ExposedDashboard', 'network_firewall', null],
    ['Policy:Kubernetes/KubeflowDashboardExposed', 'network_firewall', null],
    ['PrivilegeEscalation:Kubernetes/PrivilegedContainer', 'platform_app', null],
    ['Persistence:Kubernetes/ContainerWithSensitiveMount', 'platform_app', null],
    ['Execution:Kubernetes/ExecInKubeSystemPod', 'platform_app', null],
    ['Impact:Kubernetes/MaliciousIPCaller', 'platform_app', null],
    ['AttackSequence:EKS/CompromisedCluster', 'platform_app', null],
    ['AttackSequence:ECS/CompromisedCluster', 'platform_app', null],
    ['CredentialAccess:RDS/AnomalousBehavior.SuccessfulLogin', 'iam', null],
    ['CredentialAccess:RDS/MaliciousIPCaller.SuccessfulBruteForce', 'iam', null],
    ['Discovery:RDS/MaliciousIPCaller', 'iam', null],
    ['CredentialAccess:RDS/AnomalousBehavior.FailedLogin', 'network_firewall', 'iam'],
    ['CredentialAccess:RDS/MaliciousIPCaller.FailedBruteForce', 'network_firewall', 'iam'],
    ['Backdoor:Lambda/C&CActivity.B', 'platform_app', null],
    ['CryptoCurrency:Lambda/BitcoinTool.B', 'platform_app', null],
    ['Execution:EC2/MaliciousFile!Snapshot', 'customer_data', 'resilience'],
    ['Execution:EC2/MaliciousFile!RecoveryPoint', 'customer_data', 'resilience'],
  ])('%s is %s', (type, layer, secondaryLayer) => {
    const result = threat(type);
    expect(result.layer).toBe(layer);
    expect(result.secondaryLayer).toBe(secondaryLayer);
    expect(result.rule).toMatch(/^guardduty:/);
    expect(result.owner).toBe('customer');
  });

  it('rule id names pattern', () => {
    expect(threat('Recon:EC2/PortProbeUnprotectedPort').rule).toBe('guardduty:Recon:EC2/Port*');
  });

  it('brute force role decides layer', () => {
    const actor = threat('UnauthorizedAccess:EC2/SSHBruteForce', { resourceRole: 'ACTOR' });
    const target = threat('UnauthorizedAccess:EC2/SSHBruteForce', { resourceRole: 'TARGET' });
    expect(actor.layer).toBe('os');
    expect(target.layer).toBe('network_firewall');
  });

  it('type names the service', () => {
    expect(threat('Trojan:EC2/DGADomainRequest.B').service).toBe('ec2');
    expect(threat('Discovery:IAMUser/AnomalousBehavior').service).toBe('iam');
    expect(threat('Exfiltration:S3/AnomalousBehavior').service).toBe('s3');
    expect(threat('Execution:Kubernetes/ExecInKubeSystemPod').service).toBe('eks-control-plane');
    expect(threat('Backdoor:Lambda/C&CActivity.B').service).toBe('lambda');
  });

  it('Fargate runtime threat is customer’s', () => {
    const result = threat('Execution:Runtime/NewBinaryExecuted', { launchType: 'FARGATE' }, 'AwsEcsTask');
    expect(result.service).toBe('ecs-fargate');
    expect(result.layer).toBe('os');
    expect(result.owner).toBe('customer');
  });

  it('unknown type matches nothing', () => {
    expect(matchGuardDutyRule(['Something:Else/Entirely'], undefined)).toBeNull();
  });
});

describe('native finding types', () => {
  function typesOf(hints: ClassificationHints): string[] {
    return nativeFindingTypes(findingWith({ hints }));
  }

  it('reads the threat type hint', () => {
    expect(typesOf({ threatType: 'Recon:EC2/PortProbeUnprotectedPort' })).toEqual(['Recon:EC2/PortProbeUnprotectedPort']);
  });

  it('converts ASFF types', () => {
    expect(typesOf({ types: ['TTPs/Command and Control/Trojan:EC2-DGADomainRequest.B'] })).toEqual([
      'Trojan:EC2/DGADomainRequest.B',
    ]);
    expect(typesOf({ types: ['Unusual Behaviors/User/Persistence:IAMUser-NetworkPermissions'] })).toEqual([
      'Persistence:IAMUser/NetworkPermissions',
    ]);
  });

  it('rebuilds type from tactic', () => {
    expect(typesOf({ types: ['TTPs/Discovery/IAMUser-AnomalousBehavior'] })).toEqual(['Discovery:IAMUser/AnomalousBehavior']);
    expect(typesOf({ types: ['TTPs/Defense Evasion/EC2-UnusualDNSResolver'] })).toEqual([
      'DefenseEvasion:EC2/UnusualDNSResolver',
    ]);
  });

  it('keeps native OCSF types', () => {
    expect(typesOf({ types: ['Trojan:EC2/DropPoint'] })).toEqual(['Trojan:EC2/DropPoint']);
  });

  it('ignores types without a native part', () => {
    expect(typesOf({ types: ['Software and Configuration Checks/Vulnerabilities/CVE'] })).toEqual([]);
  });
});
