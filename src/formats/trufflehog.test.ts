import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeWithFixtures, fixturePath } from '../test-support/fixtures';
import { runPipeline, runText } from './testing';

async function readFixtureEntry(relative: string) {
  const [entry] = await runPipeline(relative, new Uint8Array(readFileSync(fixturePath(relative))));
  return entry;
}

describeWithFixtures('trufflehog fixtures', () => {
  it('reads v3 detector, file, line and verification', async () => {
    const { findings } = await readFixtureEntry('secrets-trufflehog/dd-v3_git.json');
    expect(findings[0].checkId).toBe('AWS');
    expect(findings[0].resourceId).toBe('keys:4');
    expect(findings[0].severity).toBe('critical');
    expect(findings[0].hints.serviceName).toBe('iam');
    expect(findings[0].description).toContain('AKIA************IFXG');
    expect(findings[1].description).toContain('https://*****:*****@the-internet.herokuapp.com');
  });

  it('reads v2 reason, path and commit', async () => {
    const [first] = (await readFixtureEntry('secrets-trufflehog/dd-v2_many_vulns.json')).findings;
    expect(first.checkId).toBe('Generic Secret');
    expect(first.resourceId).toBe('test_all.py');
    expect(first.severity).toBe('medium');
    expect(first.description).toContain('288f35ed2e73145e3578207e896a4cf1600bea45');
  });
});

describe('trufflehog', () => {
  it('reads a single-line file', async () => {
    const line = { DetectorName: 'Slack', Raw: btoa('xoxb-123456789012-abcdefghijkl'), SourceMetadata: { Data: { Filesystem: { file: 'a.txt', line: 2 } } } };
    const entry = await runText('one.json', JSON.stringify(line));
    expect(entry.format).toBe('trufflehog');
    expect(entry.findings[0].resourceId).toBe('a.txt:2');
    expect(JSON.stringify(entry.findings)).not.toContain('abcdefghijkl');
  });

  it('rejects lines of another shape', async () => {
    const lines = [{ DetectorName: 'AWS', SourceMetadata: {} }, { other: true }].map((line) => JSON.stringify(line)).join('\n');
    const entry = await runText('mixed.jsonl', lines);
    expect(entry.outcomes[1]).toMatchObject({ ok: false, problem: { code: 'missing_field', record: 1 } });
  });
});
