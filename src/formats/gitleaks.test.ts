import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeWithFixtures, fixturePath } from '../test-support/fixtures';
import { identityOf, runPipeline, runText } from './testing';

async function readFixtureEntry(relative: string) {
  const [entry] = await runPipeline(relative, new Uint8Array(readFileSync(fixturePath(relative))));
  return entry;
}

describeWithFixtures('gitleaks fixtures', () => {
  it('reads v7 rule, file and commit', async () => {
    const { findings } = await readFixtureEntry('secrets-gitleaks/dd-data_many.json');
    expect(findings.map((finding) => finding.checkId)).toEqual(['Github', 'MailChimp API key']);
    expect(findings[0].title).toBe('Github in .bashrc');
    expect(findings[0].description).toContain('d54ce70d0cf883054ed256db46406a5df551f000');
    expect(findings[0].tags).toEqual({ key: '', Github: '' });
  });

  it('reads a v7 leak without a line number', async () => {
    const [finding] = (await readFixtureEntry('secrets-gitleaks/dd-data_one.json')).findings;
    expect(finding.resourceId).toBe('cert-key.pem');
    expect(finding.severity).toBe('high');
    expect(finding.hints.serviceName).toBeUndefined();
  });

  it('reads the v7 line number', async () => {
    const [finding] = (await readFixtureEntry('secrets-gitleaks/dd-issue4336.json')).findings;
    expect(finding.resourceId).toBe('README.md:23');
    expect(finding.checkId).toBe('Twitter Client ID');
  });

  it('reads v8 records as AWS IAM secrets', async () => {
    const { findings } = await readFixtureEntry('secrets-gitleaks/dd-gitleaks8_many.json');
    expect(findings[0].title).toBe('AWS in /conf/aws.tf');
    expect(findings[0].resourceId).toBe('/conf/aws.tf:2');
    expect(findings[0].hints.serviceName).toBe('iam');
    expect(findings[0].severity).toBe('high');
    expect(findings[2].checkId).toBe('RSA-PK');
    expect(findings[2].severity).toBe('high');
    expect(findings[3].severity).toBe('medium');
  });

  it('gives v8 repeats in other commits one identity', async () => {
    const { findings } = await readFixtureEntry('secrets-gitleaks/dd-gitleaks8_many.json');
    expect(identityOf(findings[0])).toBe(identityOf(findings[1]));
    expect(identityOf(findings[0])).not.toBe(identityOf(findings[2]));
  });

  it('reads the first v7.5 record as the peer does', async () => {
    const [first] = (await readFixtureEntry('secrets-gitleaks/dd-version_7.5.0.json')).findings;
    expect(first.checkId).toBe('AWS Access Key');
    expect(first.resourceId).toMatch(/gitlab_secret_detection_report_1_vuln\.json:13$/);
  });

  it('gives the CSV and JSON golden reports one identity', async () => {
    const [csv] = (await readFixtureEntry('secrets-gitleaks/gl-golden-csv_simple.csv')).findings;
    const [json] = (await readFixtureEntry('secrets-gitleaks/gl-golden-json_simple.json')).findings;
    expect(csv.resourceId).toBe('auth.py:1');
    expect(identityOf(csv)).toBe(identityOf(json));
    expect(csv.tags).toEqual({ tag1: '', tag2: '', tag3: '' });
  });
});

describe('gitleaks', () => {
  it('rejects a record that is not an object', async () => {
    const entry = await runText('gitleaks.json', JSON.stringify([{ RuleID: 'x', File: 'a', Secret: 'abcdefgh' }, 42]));
    expect(entry.outcomes).toHaveLength(2);
    expect(entry.outcomes[1]).toMatchObject({ ok: false, problem: { code: 'wrong_type', record: 1 } });
  });

  it('does not claim unrelated arrays', async () => {
    const entry = await runText('x.json', JSON.stringify([{ name: 'a', file: 'b' }]));
    expect(entry.format).not.toBe('gitleaks');
  });
});
