import { describe, expect, it } from 'vitest';
import { aggregateOpenRisks, categorySeverityRows, countFacets, facetCounts, topEntries, topRules } from './aggregate';
import { FACET_KEYS, NONE_VALUE } from './filters';
import { testFinding } from '../model/test-finding';

describe('aggregateOpenRisks', () => {
  const findings = [
    testFinding({ severity: 'high', controlId: 'S3.1', title: 'S3 Block Public Access' }),
    testFinding({ severity: 'high', controlId: 'S3.1', title: 'S3 Block Public Access', accountId: '222222222222' }),
    testFinding({
      severity: 'critical',
      category: 'infrastructure',
      layer: 'os',
      service: 'ec2',
      checkId: 'ec2_instance_managed_by_ssm',
      region: null,
    }),
    testFinding({ status: 'passed', controlId: 'S3.1' }),
    testFinding({ status: 'suppressed', severity: 'critical' }),
    testFinding({ service: null, category: 'unmapped', owner: 'customer', layer: 'platform_app' }),
  ];
  const aggregates = aggregateOpenRisks(findings);

  it('counts only open findings', () => {
    expect(aggregates.total).toBe(4);
    expect(aggregates.bySeverity).toEqual({ critical: 1, high: 2, medium: 1, low: 0, informational: 0 });
  });

  it('counts category by layer', () => {
    expect(aggregates.byCategoryLayer.abstract.customer_data).toBe(2);
    expect(aggregates.byCategoryLayer.infrastructure.os).toBe(1);
    expect(aggregates.byCategoryLayer.unmapped.platform_app).toBe(1);
  });

  it('splits cells by finding owner', () => {
    const overridden = aggregateOpenRisks([
      testFinding({ category: 'container', layer: 'os', owner: 'customer' }),
      testFinding({ category: 'container', layer: 'os', owner: 'aws' }),
    ]);
    expect(overridden.byCategoryLayerOwner.container.os).toEqual({ customer: 1, shared: 0, aws: 1 });
    expect(overridden.byCategoryLayer.container.os).toBe(2);
  });

  it('uses NONE_VALUE for missing fields', () => {
    expect(aggregates.byService.get(NONE_VALUE)).toBe(1);
    expect(aggregates.byRegion.get(NONE_VALUE)).toBe(1);
  });

  it('counts controls before checks', () => {
    expect(aggregates.byRule.get('S3.1')).toEqual({
      kind: 'control',
      id: 'S3.1',
      title: 'S3 Block Public Access',
      count: 2,
    });
    expect(aggregates.byRule.get('ec2_instance_managed_by_ssm')?.count).toBe(1);
    expect(aggregates.byRule.size).toBe(2);
  });

  it('builds stacked rows without empty categories', () => {
    const rows = categorySeverityRows(aggregates);
    expect(rows.map((row) => row.category)).toEqual(['infrastructure', 'abstract', 'unmapped']);
    expect(rows[1]).toMatchObject({ category: 'abstract', total: 2, high: 2 });
  });
});

describe('topEntries', () => {
  it('orders by count then key', () => {
    const counts = new Map([
      ['b', 2],
      ['a', 2],
      ['c', 5],
      ['d', 1],
    ]);
    expect(topEntries(counts, 3)).toEqual([
      { key: 'c', count: 5 },
      { key: 'a', count: 2 },
      { key: 'b', count: 2 },
    ]);
  });
});

describe('topRules', () => {
  it('limits and orders rules', () => {
    const rules = new Map([
      ['A.1', { kind: 'control' as const, id: 'A.1', title: 'a', count: 1 }],
      ['B.1', { kind: 'control' as const, id: 'B.1', title: 'b', count: 3 }],
    ]);
    expect(topRules(rules, 1).map((rule) => rule.id)).toEqual(['B.1']);
  });
});

describe('facetCounts', () => {
  it('counts every finding, open or not', () => {
    const findings = [
      testFinding({ sourceFormat: 'asff' }),
      testFinding({ sourceFormat: 'prowler-ocsf', status: 'passed' }),
      testFinding({ sourceFormat: 'asff', status: 'resolved' }),
    ];
    expect(facetCounts(findings, 'format')).toEqual([
      { key: 'asff', count: 2 },
      { key: 'prowler-ocsf', count: 1 },
    ]);
  });
});

describe('countFacets', () => {
  const findings = [
    testFinding({ controlId: 'EC2.8', region: 'eu-west-1' }),
    testFinding({ kind: 'secret', checkId: 'aws-access-token', region: null }),
    testFinding({ controlId: 'Account.1', severity: 'high' }),
  ];

  it('agrees with facetCounts for every facet', () => {
    const all = countFacets(findings, FACET_KEYS);
    for (const key of FACET_KEYS) expect(all[key], key).toEqual(facetCounts(findings, key));
  });

  it('counts null fields under NONE_VALUE', () => {
    // Equal counts are listed in key order.
    expect(countFacets(findings, ['region']).region).toEqual([
      { key: NONE_VALUE, count: 1 },
      { key: 'eu-west-1', count: 1 },
      { key: 'us-east-1', count: 1 },
    ]);
  });

  it('counts a finding under each practice', () => {
    const practices = countFacets(findings, ['practice']).practice.map((entry) => entry.key);
    expect(practices).toContain('instance-metadata');
    expect(practices).toContain('secrets-out-of-code');
    expect(practices).toContain(NONE_VALUE);
  });
});

describe('aggregateOpenRisks at scale', () => {
  it('handles 100k findings quickly', () => {
    const findings = Array.from({ length: 100_000 }, (_, index) =>
      testFinding({ accountId: String(index % 50), severity: index % 2 === 0 ? 'high' : 'low' }),
    );
    const started = performance.now();
    const aggregates = aggregateOpenRisks(findings);
    const elapsed = performance.now() - started;
    expect(aggregates.total).toBe(100_000);
    expect(aggregates.byAccount.size).toBe(50);
    // NOTE: a generous bound so slow CI machines pass; the measured time is far lower.
    expect(elapsed).toBeLessThan(2000);
  });
});
