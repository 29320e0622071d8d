import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FindingKind } from '../model/finding';
import { CATEGORIES, LAYERS, OWNERS } from '../model/vocabulary';
import { serviceByKey } from './catalog';
import { classify } from './classify';
import { findingWith } from './test-reference';

const KINDS: FindingKind[] = ['configuration', 'vulnerability', 'threat', 'secret', 'iac', 'sensitive_data'];

/** Words that reach lookup tables: Object.prototype names, shared names, real ids and type names. */
const TRICKY_WORDS = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'ec2',
  'S3.1',
  'EC2.8',
  'ELBv2.1',
  'AwsEc2Instance',
  'AWS::S3::Bucket',
  'aws_security_group',
  'Other',
  'Pod',
  'arn:aws:constructor:us-east-1:1:x',
  'arn:aws:ec2:us-east-1:1:volume/vol-1',
  'constructor-deadbeef',
  'Recon:EC2/PortProbeUnprotectedPort',
  'TTPs/Discovery/IAMUser-AnomalousBehavior',
  'ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_22',
  'ec2-security-group-opens-SSH-port-to-all',
  'FARGATE',
  'Image',
  'provided.al2',
  'custom-oracle-ee',
  'OS',
  'CWE-798',
];

const text = fc.oneof(fc.string(), fc.constantFrom(...TRICKY_WORDS));
const optionalText = fc.option(text, { nil: undefined });
const nullableText = fc.option(text, { nil: null });

const findings = fc.record({
  kind: fc.constantFrom(...KINDS),
  title: text,
  description: text,
  controlId: nullableText,
  checkId: nullableText,
  resourceType: nullableText,
  resourceId: nullableText,
  standards: fc.array(text, { maxLength: 2 }),
  tags: fc.dictionary(text, text, { maxKeys: 2 }),
  hints: fc.record(
    {
      productName: optionalText,
      types: fc.array(text, { maxLength: 3 }),
      categories: fc.array(text, { maxLength: 2 }),
      serviceName: optionalText,
      packageManagers: fc.array(text, { maxLength: 2 }),
      inspectorType: optionalText,
      threatType: optionalText,
      resourceRole: optionalText,
      cwes: fc.array(text, { maxLength: 2 }),
      launchType: optionalText,
      lambdaPackageType: optionalText,
      lambdaRuntime: optionalText,
      dbEngine: optionalText,
      eksNode: fc.option(fc.boolean(), { nil: undefined }),
      resourceTypes: fc.array(text, { maxLength: 3 }),
      resourceIds: fc.array(text, { maxLength: 3 }),
      ruleKey: optionalText,
    },
    { requiredKeys: [] },
  ),
});

describe('classify on any input', () => {
  it('returns valid vocabulary values', () => {
    fc.assert(
      fc.property(findings, (fields) => {
        const result = classify(findingWith(fields));
        expect(LAYERS).toContain(result.layer);
        expect(OWNERS).toContain(result.owner);
        expect(CATEGORIES).toContain(result.category);
        if (result.secondaryLayer !== null) expect(LAYERS).toContain(result.secondaryLayer);
        expect(result.rule).not.toBe('');
        expect(result.reason).toMatch(/\.$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('names catalog services only', () => {
    fc.assert(
      fc.property(findings, (fields) => {
        const result = classify(findingWith(fields));
        if (result.service === null) {
          expect(result.category).toBe('unmapped');
        } else {
          expect(serviceByKey(result.service)?.category).toBe(result.category);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
