import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/finding';
import { buildSearchIndex, compileTextSearch, containsWord, searchIndexFor, searchWords } from './search-index';
import { testFinding } from '../model/test-finding';

/** Returns the positions in `findings` that match `text`, through a fresh index. */
function search(findings: readonly Finding[], text: string): number[] {
  const matches = compileTextSearch(buildSearchIndex(findings), text);
  if (matches === null) throw new Error(`"${text}" has no words`);
  return findings.map((_, position) => position).filter((position) => matches(position));
}

describe('searchWords', () => {
  it('splits at any white space', () => {
    expect(searchWords(' public\tbucket\nS3 ')).toEqual(['public', 'bucket', 'S3']);
  });

  it('drops repeated words', () => {
    expect(searchWords('port port 22')).toEqual(['port', '22']);
  });

  it('keeps the first of two words equal but for case', () => {
    expect(searchWords('EC2 ec2')).toEqual(['EC2']);
  });

  it('drops a word inside another word', () => {
    expect(searchWords('lam lambda bda')).toEqual(['lambda']);
  });

  it('returns nothing for blank text', () => {
    expect(searchWords('  \t ')).toEqual([]);
  });
});

describe('containsWord', () => {
  it('ignores case', () => {
    expect(containsWord('AwsLambdaFunction', 'lambda')).toBe(true);
    expect(containsWord('lambda', 'LAMBDA')).toBe(true);
  });

  it('reads regular expression characters literally', () => {
    expect(containsWord('S3.1', 'S3.1')).toBe(true);
    expect(containsWord('S301', 'S3.1')).toBe(false);
    expect(containsWord('a(b', '(')).toBe(true);
  });
});

describe('compileTextSearch', () => {
  it('returns null without words', () => {
    expect(compileTextSearch(buildSearchIndex([testFinding()]), ' ')).toBeNull();
  });

  const fields: [string, Partial<Finding>][] = [
    ['title', { title: 'Bucket allows needle reads' }],
    ['description', { description: 'The needle is here.' }],
    ['id', { id: 'arn:aws:securityhub:needle' }],
    ['controlId', { controlId: 'Needle.1' }],
    ['checkId', { checkId: 'needle_check' }],
    ['resourceType', { resourceType: 'AwsNeedle' }],
    ['resourceId', { resourceId: 'arn:aws:s3:::needle-bucket' }],
    ['service', { service: 'needle' }],
    ['accountId', { accountId: 'needle-account' }],
    ['region', { region: 'needle-1' }],
    ['rule', { rule: 'keyword:needle' }],
    ['reason', { reason: 'Needle rule matched.' }],
    ['sourceTool', { sourceTool: 'Needle scanner' }],
    ['sourceFile', { sourceFile: 'needle.json' }],
    ['cves', { cves: ['CVE-2024-0001', 'NEEDLE-2'] }],
  ];
  for (const [field, overrides] of fields) {
    it(`finds a word in ${field}`, () => {
      expect(search([testFinding(), testFinding(overrides), testFinding()], 'NEEDLE')).toEqual([1]);
    });
  }

  it('requires every word', () => {
    const findings = [
      testFinding({ title: 'Public bucket', service: 's3' }),
      testFinding({ title: 'Public instance', service: 'ec2' }),
      testFinding({ title: 'Private bucket', service: 's3' }),
    ];
    expect(search(findings, 'public s3')).toEqual([0]);
    expect(search(findings, 'bucket')).toEqual([0, 2]);
    expect(search(findings, 'public rds')).toEqual([]);
  });

  it('does not match across two fields', () => {
    const findings = [testFinding({ title: 'abc', description: 'def' })];
    expect(search(findings, 'cd')).toEqual([]);
  });

  it('skips null and empty fields', () => {
    const finding = testFinding({ title: '', description: '', controlId: null, accountId: null, region: null, service: null });
    expect(search([finding], 'null')).toEqual([]);
    expect(search([finding], finding.id)).toEqual([0]);
  });

  it('tests a repeated value for every finding', () => {
    const findings = Array.from({ length: 50 }, (_, index) => testFinding({ title: index % 2 === 0 ? 'Shared title' : 'Other title' }));
    expect(search(findings, 'shared')).toEqual(findings.map((_, position) => position).filter((position) => position % 2 === 0));
  });

  it('requires each of many words', () => {
    const words = Array.from({ length: 45 }, (_, index) => `w${String(index).padStart(3, '0')}x`);
    const all = testFinding({ title: words.slice(0, 20).join(' '), description: words.slice(20).join(' ') });
    const missingLast = testFinding({ title: words.slice(0, 20).join(' '), description: words.slice(20, 44).join(' ') });
    expect(search([all, missingLast], words.join(' '))).toEqual([0]);
  });
});

describe('buildSearchIndex', () => {
  it('stores one code per finding and field', () => {
    const findings = [testFinding({ region: 'eu-west-1' }), testFinding({ region: 'eu-west-1' }), testFinding({ region: null })];
    const index = buildSearchIndex(findings);
    const regions = index.columns.find((column) => column.values.includes('eu-west-1'));
    expect(regions?.values).toEqual(['', 'eu-west-1']);
    expect([...(regions?.codes ?? [])]).toEqual([1, 1, 0]);
  });

  it('widens codes past 65,535 values', () => {
    const findings = Array.from({ length: 70_000 }, (_, index) => testFinding({ title: `title-${index}-end` }));
    const index = buildSearchIndex(findings);
    const titles = index.columns.find((column) => column.values[1] === 'title-0-end');
    expect(titles?.codes).toBeInstanceOf(Uint32Array);
    expect(search(findings, 'title-69999-end')).toEqual([69_999]);
  });

  it('keeps short columns 2 bytes wide', () => {
    const index = buildSearchIndex([testFinding()]);
    expect(index.columns.every((column) => column.codes instanceof Uint16Array)).toBe(true);
  });
});

describe('searchIndexFor', () => {
  it('returns one index per array', () => {
    const findings = [testFinding()];
    expect(searchIndexFor(findings)).toBe(searchIndexFor(findings));
    expect(searchIndexFor([...findings])).not.toBe(searchIndexFor(findings));
  });

  it('rebuilds after the array grew', () => {
    const findings = [testFinding({ title: 'first' })];
    const before = searchIndexFor(findings);
    findings.push(testFinding({ title: 'second' }));
    const after = searchIndexFor(findings);
    expect(after).not.toBe(before);
    expect(compileTextSearch(after, 'second')?.(1)).toBe(true);
  });
});
