import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeWithFixtures, fixturePath } from '../test-support/fixtures';
import { runPipeline, runText } from './testing';

describeWithFixtures('detect-secrets fixtures', () => {
  it('reads types, files and lines', async () => {
    const relative = 'secrets-detect-secrets/dd-many_findings.json';
    const [entry] = await runPipeline(relative, new Uint8Array(readFileSync(fixturePath(relative))));
    const [first, second, , fourth] = entry.findings;
    expect(first.checkId).toBe('Secret Keyword');
    expect(first.resourceId).toBe('modules_images:151');
    expect(second.resourceId).toBe('modules_images:156');
    // The peer rates Secret Keyword high; with no scanner severity our rule gives medium to secrets that
    // are neither private keys nor cloud credentials.
    expect(first.severity).toBe('medium');
    expect(second.status).toBe('open');
    expect(fourth.status).toBe('suppressed');
  });
});

describe('detect-secrets', () => {
  it('maps AWS keys to IAM and verified secrets to critical', async () => {
    const baseline = {
      version: '1.5.0',
      plugins_used: [],
      results: { 'a.env': [{ type: 'AWS Access Key', filename: 'a.env', hashed_secret: '0123abcd', is_verified: true, line_number: 3 }] },
    };
    const entry = await runText('.secrets.baseline', JSON.stringify(baseline));
    expect(entry.format).toBe('detect-secrets');
    expect(entry.findings[0].hints.serviceName).toBe('iam');
    expect(entry.findings[0].severity).toBe('critical');
  });
});
