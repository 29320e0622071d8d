import { describe, expect, it } from 'vitest';
import { describeWithFixtures, expectedRecords, fixturesIn } from '../test-support/fixtures';
import { parseFixture, parseText, recordCount } from '../test-support/parse-fixture';

const CATALOG = 'trusted-advisor/c7n-placebo-ta-DescribeTrustedAdvisorChecks.json';

describeWithFixtures('trusted-advisor fixtures', () => {
  it.each(fixturesIn('trusted-advisor').filter((file) => file !== CATALOG))('%s: record count', async (file) => {
    const entry = await parseFixture(file);
    expect(entry.format?.id, entry.tried.map((attempt) => `${attempt.id}: ${attempt.reason}`).join('\n')).toBe('trusted-advisor');
    expect(recordCount(entry)).toBe(expectedRecords(file));
    expect(entry.problems).toEqual([]);
  });

  it('check catalog: no records, one note', async () => {
    const entry = await parseFixture(CATALOG);
    expect(entry.format?.id).toBe('trusted-advisor');
    // The expected count of 5 is the checks the catalog describes, which are check definitions, not results.
    expect(expectedRecords(CATALOG)).toBe(5);
    expect(recordCount(entry)).toBe(0);
    expect(entry.problems.map((problem) => problem.code)).toEqual(['not_findings']);
  });

  it('ebs recording: error is open high', async () => {
    const entry = await parseFixture('trusted-advisor/c7n-placebo-ta-DescribeTrustedAdvisorCheckResult-ebs.json');
    expect(entry.findings.map((item) => item.resourceId)).toEqual([
      'vol-abdb8d37',
      'vol-0d6a4c64551afc66e',
      'vol-04e2ad391f87d8147',
      'vol-0b1e548adc0c6feea',
    ]);
    const first = entry.findings[0];
    expect(first.status).toBe('open');
    expect(first.severity).toBe('high');
    expect(first.checkId).toBe('H7IgTzjTYb');
    expect(first.region).toBe('us-east-1');
    expect(first.description).toContain('No snapshot');
  });

  it('ok resources are passed', async () => {
    const entry = await parseFixture('trusted-advisor/c7n-placebo-ta-DescribeTrustedAdvisorCheckResult-small.json');
    expect(entry.findings.map((item) => item.status)).toEqual(['passed', 'passed']);
    // No metadata value is an AWS id, so Trusted Advisor's own resource id is kept.
    expect(entry.findings[0].resourceId).toBe('rKsvlT0euZ7Ib6eMtRSdDopoy9BkqS5qathp2mSejik');
    expect(entry.findings[0].lastUpdated).toBe('2020-02-06T05:30:11.000Z');
  });
});

describe('trusted-advisor synthetic', () => {
  it('maps warning, suppression and bad resources', async () => {
    const result = {
      result: {
        checkId: 'HCP4007jGY',
        status: 'warning',
        flaggedResources: [
          { status: 'warning', resourceId: 'r1', region: 'eu-west-1', isSuppressed: false, metadata: ['eu-west-1', 'sg-0123456789abcdef0'] },
          { status: 'warning', resourceId: 'r2', isSuppressed: true, metadata: [] },
          { status: 'warning', isSuppressed: false },
          7,
        ],
      },
    };
    const entry = await parseText('ta.json', JSON.stringify(result));
    expect(entry.findings.map((item) => [item.status, item.severity])).toEqual([
      ['open', 'medium'],
      ['suppressed', 'medium'],
    ]);
    expect(entry.findings[0].resourceId).toBe('sg-0123456789abcdef0');
    expect(recordCount(entry)).toBe(4);
    expect(entry.problems.map((problem) => [problem.record, problem.code, problem.path])).toEqual([
      [2, 'missing_field', 'resourceId'],
      [3, 'wrong_type', undefined],
    ]);
  });
});
