import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/finding';
import { testFinding } from '../model/test-finding';
import { applyFilters, DEFAULT_SORT, emptyFilters, sortedPositions, sortFindings, withFacet, type Filters } from './filters';
import { narrowsFilters, TableFilter } from './table-filter';

const text = (value: string): Filters => ({ ...emptyFilters(), text: value });
const severities = (...values: string[]): Filters => withFacet(emptyFilters(), 'severity', values);

describe('narrowsFilters', () => {
  it('accepts a longer word', () => {
    expect(narrowsFilters(text('lam'), text('lambda'))).toBe(true);
  });

  it('accepts an added word', () => {
    expect(narrowsFilters(text('lambda'), text('lambda function'))).toBe(true);
  });

  it('accepts a word that differs in case', () => {
    expect(narrowsFilters(text('ec2'), text('EC2'))).toBe(true);
  });

  it('rejects a removed word', () => {
    expect(narrowsFilters(text('lambda function'), text('lambda'))).toBe(false);
  });

  it('rejects a shorter word', () => {
    expect(narrowsFilters(text('lambda'), text('lamb'))).toBe(false);
  });

  it('accepts fewer facet values', () => {
    expect(narrowsFilters(severities('high', 'low'), severities('high'))).toBe(true);
  });

  it('accepts a newly selected facet', () => {
    expect(narrowsFilters(emptyFilters(), severities('high'))).toBe(true);
  });

  it('rejects a cleared facet', () => {
    expect(narrowsFilters(severities('high'), emptyFilters())).toBe(false);
  });

  it('rejects another facet value', () => {
    expect(narrowsFilters(severities('high'), severities('low'))).toBe(false);
  });
});

describe('TableFilter', () => {
  const titles = ['Lambda function is public', 'EC2 instance allows port 22', 'Lambda runtime is deprecated', 'S3 bucket is public'];
  const findings: Finding[] = Array.from({ length: 400 }, (_, index) =>
    testFinding({
      title: titles[index % titles.length],
      severity: (['critical', 'high', 'medium', 'low'] as const)[index % 3],
      resourceId: index % 2 === 0 ? `arn:aws:lambda:eu-west-1:111111111111:function:fn-${index}` : `arn:aws:s3:::bucket-${index}`,
    }),
  );
  const order = sortedPositions(findings, DEFAULT_SORT);
  const expected = (filters: Filters) => sortFindings(applyFilters(findings, filters), DEFAULT_SORT);

  it('returns matches in the given order', () => {
    const filter = new TableFilter(findings);
    const filters = text('public');
    expect(filter.apply(filters, order)).toEqual(expected(filters));
  });

  it('agrees with applyFilters while typing', () => {
    const filter = new TableFilter(findings);
    const steps = ['l', 'la', 'lam', 'lambda', 'lambda p', 'lambda pub', 'lambda', 'lam', 'ec2', 'ec2 fn-1', 'fn-12', ''];
    for (const step of steps) {
      expect(filter.apply(text(step), order), step).toEqual(expected(text(step)));
    }
  });

  it('agrees with applyFilters as facets change', () => {
    const filter = new TableFilter(findings);
    const steps = [
      severities('critical', 'high'),
      severities('high'),
      { ...severities('high'), text: 'lambda' },
      { ...severities('high', 'critical'), text: 'lambda' },
      severities('medium'),
    ];
    for (const filters of steps) {
      expect(filter.apply(filters, order), JSON.stringify(filters)).toEqual(expected(filters));
    }
  });

  it('follows a new order for the same filters', () => {
    const filter = new TableFilter(findings);
    const filters = text('public');
    filter.apply(filters, order);
    const byTitle = { key: 'title', direction: 'asc' } as const;
    expect(filter.apply(filters, sortedPositions(findings, byTitle))).toEqual(sortFindings(applyFilters(findings, filters), byTitle));
  });
});
