import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/finding';
import { testFinding } from '../model/test-finding';
import { CATEGORIES, LAYERS, OWNERS, SEVERITIES, SEVERITY_RANK, STATUSES } from '../model/vocabulary';
import { SORT_KEYS, sortedPositions, type SortKey, type SortOrder } from './sort-order';

/** Sorts positions with a plain comparator: values compared with `<`, titles lower-cased, ties in input order. */
function referenceOrder(findings: readonly Finding[], order: SortOrder): number[] {
  const statusRank = { open: 4, unknown: 3, suppressed: 2, resolved: 1, passed: 0 };
  const valueOf: Record<SortKey, (finding: Finding) => number | string> = {
    severity: (finding) => SEVERITY_RANK[finding.severity],
    status: (finding) => statusRank[finding.status],
    title: (finding) => finding.title.toLowerCase(),
    service: (finding) => finding.service ?? '',
    category: (finding) => CATEGORIES.indexOf(finding.category),
    layer: (finding) => LAYERS.indexOf(finding.layer),
    owner: (finding) => OWNERS.indexOf(finding.owner),
    account: (finding) => finding.accountId ?? '',
    region: (finding) => finding.region ?? '',
    format: (finding) => finding.sourceFormat,
    lastUpdated: (finding) => finding.lastUpdated ?? '',
  };
  const sign = order.direction === 'asc' ? 1 : -1;
  const values = findings.map(valueOf[order.key]);
  const positions = findings.map((_, position) => position);
  return positions.sort((a, b) => {
    if (values[a] < values[b]) return -sign;
    if (values[a] > values[b]) return sign;
    return a - b;
  });
}

/** Findings whose sortable fields take a few values each, so that every key has ties. */
function variedFindings(count: number): Finding[] {
  const pick = <T>(values: readonly T[], index: number, step: number): T => values[(index * step + 3) % values.length];
  return Array.from({ length: count }, (_, index) =>
    testFinding({
      severity: pick(SEVERITIES, index, 7),
      status: pick(STATUSES, index, 5),
      title: pick(['Public bucket', 'public BUCKET', 'Open port', 'open port 22', 'Älterer Schlüssel', ''], index, 11),
      service: pick(['s3', 'ec2', null, 'lambda'], index, 3),
      category: pick(CATEGORIES, index, 13),
      layer: pick(LAYERS, index, 17),
      owner: pick(OWNERS, index, 19),
      accountId: pick(['111111111111', '222222222222', null], index, 23),
      region: pick(['eu-west-1', 'us-east-1', null], index, 29),
      sourceFormat: pick(['asff', 'prowler-ocsf'], index, 31),
      lastUpdated: pick(['2025-05-01T00:00:00Z', '2025-04-30T23:59:59Z', null], index, 37),
    }),
  );
}

describe('sortedPositions', () => {
  const findings = variedFindings(300);

  for (const key of SORT_KEYS) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`agrees with a comparator on ${key} ${direction}`, () => {
        expect([...sortedPositions(findings, { key, direction })]).toEqual(referenceOrder(findings, { key, direction }));
      });
    }
  }

  it('ignores case in titles and keeps ties in input order', () => {
    const titles = ['b', 'A', 'a', 'B'].map((title) => testFinding({ title }));
    expect([...sortedPositions(titles, { key: 'title', direction: 'asc' })]).toEqual([1, 2, 0, 3]);
    expect([...sortedPositions(titles, { key: 'title', direction: 'desc' })]).toEqual([0, 3, 1, 2]);
  });

  it('returns nothing for no findings', () => {
    expect([...sortedPositions([], { key: 'title', direction: 'asc' })]).toEqual([]);
  });
});
