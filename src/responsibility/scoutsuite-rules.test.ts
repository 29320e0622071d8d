import { describe, expect, it } from 'vitest';
import { describeWithFixtures, readFixture } from '../test-support/fixtures';
import { SCOUTSUITE_RULE_COUNT, findScoutSuiteRule } from './scoutsuite-rules';

const AWS_REPORT = 'scoutsuite/dsn-scoutsuite_results_aws-078288879880.js';

interface ScoutSuiteReport {
  services: Record<string, { findings?: Record<string, unknown> }>;
}

function readReport(): ScoutSuiteReport {
  const text = new TextDecoder().decode(readFixture(AWS_REPORT));
  return JSON.parse(text.slice(text.indexOf('{'))) as ScoutSuiteReport;
}

describeWithFixtures('ScoutSuite rules on real report', () => {
  it('covers every evaluated rule', () => {
    const report = readReport();
    const ruleKeys = Object.values(report.services).flatMap((service) => Object.keys(service.findings ?? {}));
    expect(ruleKeys).toHaveLength(157);
    const missing = ruleKeys.filter((key) => !findScoutSuiteRule(key));
    expect(missing).toEqual([]);
  });
});

describe('ScoutSuite rule table', () => {
  it('lists each rule once', () => {
    expect(SCOUTSUITE_RULE_COUNT).toBe(157);
  });

  it('ignores case', () => {
    expect(findScoutSuiteRule('ec2-security-group-opens-SSH-port-to-all')?.layer).toBe('network_firewall');
  });

  it('matches unlisted template arguments', () => {
    expect(findScoutSuiteRule('ec2-security-group-opens-Redis-port-to-all')).toEqual({
      key: 'ec2-security-group-opens-*',
      layer: 'network_firewall',
      secondaryLayer: null,
    });
  });

  it('public buckets are data', () => {
    expect(findScoutSuiteRule('s3-bucket-AllUsers-read')).toMatchObject({ layer: 'customer_data', secondaryLayer: 'iam' });
    expect(findScoutSuiteRule('s3-bucket-AllUsers-read_acp')).toMatchObject({ layer: 'iam' });
  });

  it('returns undefined for other rule keys', () => {
    expect(findScoutSuiteRule('s3_bucket_public_access')).toBeUndefined();
  });
});
