import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithFixtures, fixturePath } from '../test-support/fixtures';
import type { Summary } from '../analysis/summary';
import { EXIT_CHECK_FAILED, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, main } from './main';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'srd-cli-')), name);
  writeFileSync(path, content);
  return path;
}

describe('srd usage', () => {
  it('prints help with exit 0', async () => {
    const result = await run('--help');
    expect(result.code).toBe(EXIT_OK);
    expect(result.stdout).toContain('srd summary');
  });

  it('rejects an unknown command with exit 2', async () => {
    const result = await run('frobnicate');
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toContain('unknown command "frobnicate"');
  });

  it('rejects an unknown option with exit 2', async () => {
    const result = await run('summary', '--colour');
    expect(result.code).toBe(EXIT_USAGE);
  });

  it('rejects a bad severity threshold', async () => {
    const result = await run('check', '--fail-on', 'severe', 'x.json');
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toContain('--fail-on must be one of');
  });

  it('needs input files', async () => {
    const result = await run('summary');
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toContain('no input files');
  });

  it('lists the formats', async () => {
    const result = await run('formats');
    expect(result.code).toBe(EXIT_OK);
    expect(result.stdout).toContain('Detection reads the content');
  });
});

describe('srd with unreadable input', () => {
  it('exits 3 for a missing file and keeps the JSON valid', async () => {
    const result = await run('summary', '--json', '/nonexistent/findings.json');
    expect(result.code).toBe(EXIT_UNREADABLE);
    const summary = JSON.parse(result.stdout) as Summary;
    expect(summary.totals.unreadableFiles).toBe(1);
    expect(summary.files[0].format).toBeNull();
    expect(result.stderr).toContain('/nonexistent/findings.json');
  });

  it('exits 3 for an unrecognised file', async () => {
    const path = tempFile('notes.json', '{"hello": "world"}');
    const result = await run('summary', '--json', path);
    expect(result.code).toBe(EXIT_UNREADABLE);
    const summary = JSON.parse(result.stdout) as Summary;
    expect(summary.files[0].errors[0].message).toContain('tried');
  });
});

describeWithFixtures('srd on real exports', () => {
  const asff = fixturePath('asff/dd-sechub-guardduty.json');
  const prowler = fixturePath('asff/dd-asff-prowler-output.asff.json');

  it('summary --json balances every count', async () => {
    const result = await run('summary', '--json', asff, prowler);
    expect(result.code).toBe(EXIT_OK);
    const summary = JSON.parse(result.stdout) as Summary;
    for (const file of summary.files) {
      expect(file.records).toBe(file.findings + file.duplicates + file.rejected);
    }
    const total = summary.totals.findings;
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(sum(summary.byStatus)).toBe(total);
    expect(sum(summary.bySeverity)).toBe(total);
    expect(sum(summary.byCategory)).toBe(total);
    expect(sum(summary.byOwner)).toBe(total);
    expect(sum(summary.byLayer)).toBe(total);
    expect(summary.openRisks.total).toBe(summary.byStatus.open);
    expect(sum(summary.openRisks.byLayer)).toBe(summary.openRisks.total);
    expect(sum(summary.openRisks.byOwner)).toBe(summary.openRisks.total);
  });

  it('summary prints a readable table', async () => {
    const result = await run('summary', asff);
    expect(result.stdout).toContain('Open risks by category');
    expect(result.stdout).toContain('dd-sechub-guardduty.json');
  });

  it('export jsonl carries the contract fields', async () => {
    const result = await run('export', '--format', 'jsonl', asff);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    for (const field of ['id', 'title', 'status', 'severity', 'service', 'category', 'layer', 'owner', 'reason', 'controlId', 'checkId', 'resourceType', 'resourceId', 'accountId', 'region', 'sourceFormat', 'sourceFile']) {
      expect(lines[0]).toHaveProperty(field);
    }
  });

  it('export csv writes to a file', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'srd-cli-')), 'out.csv');
    const result = await run('export', '--format', 'csv', '-o', out, asff);
    expect(result.code).toBe(EXIT_OK);
    const text = readFileSync(out, 'utf8');
    expect(text.split('\r\n')[0]).toContain('id,title,status');
  });

  it('check fails on open high findings', async () => {
    const result = await run('check', '--fail-on', 'low', prowler);
    expect(result.code).toBe(EXIT_CHECK_FAILED);
    expect(result.stdout).toMatch(/open finding\(s\) at or above low/);
  });

  it('check passes when nothing reaches the threshold', async () => {
    const passed = fixturePath('asff/dd-sechub-config_one_finding.json');
    const result = await run('check', '--fail-on', 'critical', passed);
    expect(result.code).toBe(EXIT_OK);
  });
});

describe('srd output paths', () => {
  it('reports an empty folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'srd-cli-empty-'));
    const result = await run('summary', folder);
    expect(result.code).toBe(EXIT_UNREADABLE);
    expect(result.stdout).toContain('the folder holds no files');
  });

  it('rejects -o in a missing folder before any work', async () => {
    const result = await run('export', '--format', 'csv', '-o', '/nonexistent-folder/out.csv', 'x.json');
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toContain('the folder /nonexistent-folder does not exist');
  });

  it('names an unknown option plainly', async () => {
    const result = await run('summary', '--bogus', 'x.json');
    expect(result.code).toBe(EXIT_USAGE);
    expect(result.stderr).toContain('unknown option --bogus');
  });
});

describeWithFixtures('srd on folders and output files', () => {
  const asff = fixturePath('asff/dd-sechub-guardduty.json');

  it('reads every file below a folder', async () => {
    const result = await run('summary', '--json', fixturePath('access-analyzer'));
    const summary = JSON.parse(result.stdout) as Summary;
    expect(summary.files.map((file) => file.path.split('/').pop())).toEqual([
      'awscli-doc-list-findings.json',
      'c7n-placebo-accessanalyzer-ListFindings-sqs.json',
      'c7n-placebo-accessanalyzer-ListFindings.json',
    ]);
    expect(result.code).toBe(EXIT_OK);
  });

  it('writes the summary to -o', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'srd-cli-')), 'summary.json');
    const result = await run('summary', '--json', '-o', out, asff);
    expect(result.code).toBe(EXIT_OK);
    expect((JSON.parse(readFileSync(out, 'utf8')) as Summary).totals.findings).toBe(4);
  });

  it('picks the export format from the -o extension', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'srd-cli-')), 'findings.csv');
    await run('export', '-o', out, asff);
    expect(readFileSync(out, 'utf8').startsWith('id,title,status')).toBe(true);
  });

  it('labels a missing file unreadable', async () => {
    const result = await run('summary', '/nonexistent/findings.json');
    expect(result.stdout).toContain('UNREADABLE');
  });
});
