import { describe, expect, it } from 'vitest';
import {
  applyFilters,
  DEFAULT_SORT,
  emptyFilters,
  hasFilters,
  matchingPositions,
  NONE_VALUE,
  parseTableQuery,
  sortedPositions,
  sortFindings,
  toggleFacetValue,
  withFacet,
  writeTableQuery,
} from './filters';
import { buildSearchIndex } from './search-index';
import { testFinding } from '../model/test-finding';

describe('parseTableQuery', () => {
  it('reads comma-separated facets', () => {
    const { filters } = parseTableQuery('?category=container,abstract&severity=high');
    expect(filters.category).toEqual(['container', 'abstract']);
    expect(filters.severity).toEqual(['high']);
  });

  it('drops values outside the vocabulary', () => {
    const { filters } = parseTableQuery('layer=os,kernel&owner=nobody&status=open');
    expect(filters.layer).toEqual(['os']);
    expect(filters.owner).toEqual([]);
    expect(filters.status).toEqual(['open']);
  });

  it('keeps open facets as given', () => {
    const { filters } = parseTableQuery('service=s3,-&account=123456789012&region=eu-west-1&format=asff');
    expect(filters.service).toEqual(['s3', NONE_VALUE]);
    expect(filters.account).toEqual(['123456789012']);
    expect(filters.region).toEqual(['eu-west-1']);
    expect(filters.format).toEqual(['asff']);
  });

  it('reads text and sort', () => {
    const query = parseTableQuery('q=public%20bucket&sort=-title');
    expect(query.filters.text).toBe('public bucket');
    expect(query.sort).toEqual({ key: 'title', direction: 'desc' });
  });

  it('falls back to default sort', () => {
    expect(parseTableQuery('sort=colour').sort).toEqual(DEFAULT_SORT);
    expect(parseTableQuery('').sort).toEqual(DEFAULT_SORT);
  });

  it('returns one object per sort order', () => {
    expect(parseTableQuery('sort=-title&q=a').sort).toBe(parseTableQuery('q=ab&sort=-title').sort);
    expect(parseTableQuery('sort=-severity').sort).toBe(DEFAULT_SORT);
  });

  it('removes repeated values', () => {
    expect(parseTableQuery('severity=high,high&severity=high').filters.severity).toEqual(['high']);
  });
});

describe('writeTableQuery', () => {
  it('round-trips through parse', () => {
    let filters = withFacet(emptyFilters(), 'category', ['infrastructure']);
    filters = withFacet(filters, 'layer', ['network_firewall', 'iam']);
    filters = withFacet(filters, 'service', [NONE_VALUE]);
    filters = { ...filters, text: 'port 22' };
    const sort = { key: 'region', direction: 'asc' } as const;

    const params = writeTableQuery({ filters, sort });
    expect(parseTableQuery(params.toString())).toEqual({ filters, sort });
  });

  it('omits empty facets and default sort', () => {
    expect(writeTableQuery({ filters: emptyFilters(), sort: DEFAULT_SORT }).toString()).toBe('');
  });

  it('keeps unrelated parameters', () => {
    const params = writeTableQuery(
      { filters: withFacet(emptyFilters(), 'owner', ['shared']), sort: DEFAULT_SORT },
      new URLSearchParams('view=findings&severity=low'),
    );
    expect(params.get('view')).toBe('findings');
    expect(params.get('owner')).toBe('shared');
    expect(params.has('severity')).toBe(false);
  });
});

describe('applyFilters', () => {
  const bucket = testFinding({ title: 'S3 bucket allows public read', service: 's3', severity: 'high' });
  const instance = testFinding({
    title: 'Security group allows port 22',
    service: 'ec2',
    category: 'infrastructure',
    layer: 'network_firewall',
    accountId: '222222222222',
    region: 'eu-west-1',
  });
  const unmapped = testFinding({ title: 'Pod runs as root', service: null, category: 'unmapped', status: 'passed' });
  const all = [bucket, instance, unmapped];

  it('returns everything without filters', () => {
    expect(applyFilters(all, emptyFilters())).toEqual(all);
  });

  it('matches any value within a facet', () => {
    const filters = withFacet(emptyFilters(), 'service', ['s3', 'ec2']);
    expect(applyFilters(all, filters)).toEqual([bucket, instance]);
  });

  it('requires every facet', () => {
    let filters = withFacet(emptyFilters(), 'service', ['s3', 'ec2']);
    filters = withFacet(filters, 'region', ['eu-west-1']);
    expect(applyFilters(all, filters)).toEqual([instance]);
  });

  it('selects null service with NONE_VALUE', () => {
    const filters = withFacet(emptyFilters(), 'service', [NONE_VALUE]);
    expect(applyFilters(all, filters)).toEqual([unmapped]);
  });

  it('matches every word of the text', () => {
    expect(applyFilters(all, { ...emptyFilters(), text: 'PUBLIC s3' })).toEqual([bucket]);
    expect(applyFilters(all, { ...emptyFilters(), text: 'public port' })).toEqual([]);
    expect(applyFilters(all, { ...emptyFilters(), text: '222222222222' })).toEqual([instance]);
  });
});

describe('matchingPositions', () => {
  const findings = [
    testFinding({ title: 'Public bucket', severity: 'high' }),
    testFinding({ title: 'Public snapshot', severity: 'low' }),
    testFinding({ title: 'Public queue', severity: 'high' }),
  ];

  it('returns positions in increasing order', () => {
    expect([...matchingPositions(findings, { ...emptyFilters(), text: 'public' })]).toEqual([0, 1, 2]);
  });

  it('tests only the candidates', () => {
    const filters = withFacet(emptyFilters(), 'severity', ['high']);
    expect([...matchingPositions(findings, filters, { candidates: [1, 2] })]).toEqual([2]);
  });

  it('uses a given index', () => {
    const index = buildSearchIndex(findings);
    expect([...matchingPositions(findings, { ...emptyFilters(), text: 'queue' }, { index })]).toEqual([2]);
  });

  it('rejects an index of other findings', () => {
    const index = buildSearchIndex(findings.slice(0, 2));
    expect(() => matchingPositions(findings, { ...emptyFilters(), text: 'queue' }, { index })).toThrow(/built for other findings/);
  });
});

describe('toggleFacetValue', () => {
  it('adds then removes', () => {
    const once = toggleFacetValue(emptyFilters(), 'status', 'open');
    expect(once.status).toEqual(['open']);
    expect(hasFilters(once)).toBe(true);
    const twice = toggleFacetValue(once, 'status', 'open');
    expect(twice.status).toEqual([]);
    expect(hasFilters(twice)).toBe(false);
  });
});

describe('sortFindings', () => {
  const low = testFinding({ severity: 'low', title: 'b' });
  const critical = testFinding({ severity: 'critical', title: 'c' });
  const lowToo = testFinding({ severity: 'low', title: 'a' });

  it('puts worst severity first by default', () => {
    expect(sortFindings([low, critical, lowToo], DEFAULT_SORT)).toEqual([critical, low, lowToo]);
  });

  it('sorts ascending by title', () => {
    expect(sortFindings([low, critical, lowToo], { key: 'title', direction: 'asc' })).toEqual([lowToo, low, critical]);
  });

  it('does not change its input', () => {
    const input = [low, critical];
    sortFindings(input, DEFAULT_SORT);
    expect(input).toEqual([low, critical]);
  });

  it('returns positions with ties in input order', () => {
    expect([...sortedPositions([low, critical, lowToo], DEFAULT_SORT)]).toEqual([1, 0, 2]);
    expect([...sortedPositions([low, critical, lowToo], { key: 'severity', direction: 'asc' })]).toEqual([0, 2, 1]);
  });
});

describe('check facet', () => {
  it('uses control id before check id', () => {
    const control = testFinding({ controlId: 'S3.1', checkId: 's3_account_level_public_access_blocks' });
    const check = testFinding({ checkId: 'iam_root_mfa_enabled' });
    const neither = testFinding();
    const all = [control, check, neither];
    expect(applyFilters(all, withFacet(emptyFilters(), 'check', ['S3.1']))).toEqual([control]);
    expect(applyFilters(all, withFacet(emptyFilters(), 'check', ['iam_root_mfa_enabled']))).toEqual([check]);
    expect(applyFilters(all, withFacet(emptyFilters(), 'check', [NONE_VALUE]))).toEqual([neither]);
  });

  it('does not match a longer id', () => {
    const finding = testFinding({ controlId: 'S3.10' });
    expect(applyFilters([finding], withFacet(emptyFilters(), 'check', ['S3.1']))).toEqual([]);
  });
});

describe('practice facet', () => {
  it('matches a finding of several practices under each', () => {
    const imds = testFinding({ controlId: 'EC2.8' });
    const secret = testFinding({ kind: 'secret', checkId: 'aws-access-token' });
    const other = testFinding({ controlId: 'Account.1' });
    const all = [imds, secret, other];
    expect(applyFilters(all, withFacet(emptyFilters(), 'practice', ['instance-metadata']))).toEqual([imds]);
    expect(applyFilters(all, withFacet(emptyFilters(), 'practice', ['secrets-out-of-code']))).toEqual([secret]);
    expect(applyFilters(all, withFacet(emptyFilters(), 'practice', [NONE_VALUE]))).toEqual([other]);
  });

  it('round-trips through the query string', () => {
    const query = parseTableQuery('practice=private-s3,unknown-practice');
    expect(query.filters.practice).toEqual(['private-s3']);
    expect(writeTableQuery(query).toString()).toBe('practice=private-s3');
  });
});
