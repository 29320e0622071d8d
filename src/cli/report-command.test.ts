import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize } from '../analysis/summary';
import { ingest } from '../ingest/dataset';
import { REPORT_CONTENT_SECURITY_POLICY, REPORT_DATA_ELEMENT } from '../report/html';
import { decodeReport } from '../report/report-codec';
import { describeWithFixtures, fixturePath, readFixture } from '../test-support/fixtures';
import { DEFAULT_REPORT_PATHS, reportOptionsFromArgs, runReport, templateState, type ReportCommandOptions, type ReportPaths } from './report-command';
import { UsageError } from './usage';

const MINIMAL_TEMPLATE = `<!doctype html><html><head><meta charset="UTF-8"><title>t</title></head><body>${REPORT_DATA_ELEMENT}</script></body></html>`;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'srd-report-'));
}

/** Paths with a small stand-in template, so these tests do not need the Vite build. */
function stubPaths(): ReportPaths {
  const template = join(tempDir(), 'report-template.html');
  writeFileSync(template, MINIMAL_TEMPLATE);
  return { ...DEFAULT_REPORT_PATHS, template, sources: [] };
}

function options(overrides: Partial<ReportCommandOptions> = {}): ReportCommandOptions {
  return { output: join(tempDir(), 'report.html'), includePassed: false, raw: false, pseudonymise: false, quiet: false, ...overrides };
}

async function run(files: string[], opts: ReportCommandOptions, paths = stubPaths()) {
  let stderr = '';
  const code = await runReport(files, opts, { stdout: () => {}, stderr: (text) => (stderr += text) }, paths);
  return { code, stderr };
}

function readReport(path: string) {
  const html = readFileSync(path, 'utf8');
  const start = html.indexOf(REPORT_DATA_ELEMENT) + REPORT_DATA_ELEMENT.length;
  return { html, content: decodeReport(html.slice(start, html.indexOf('</script>', start))) };
}

describe('reportOptionsFromArgs', () => {
  it('maps the flags', () => {
    expect(
      reportOptionsFromArgs({ output: 'r.html', title: 'T', note: 'N', 'include-passed': true, raw: true, pseudonymise: true, 'pseudonym-key': 'k' }),
    ).toEqual({ output: 'r.html', title: 'T', note: 'N', includePassed: true, raw: true, noRaw: false, pseudonymise: true, pseudonymKey: 'k', quiet: false });
  });

  it('defaults to no raw records and no passed findings', () => {
    expect(reportOptionsFromArgs({})).toMatchObject({ includePassed: false, raw: false, pseudonymise: false });
  });

  it('still accepts --no-raw', () => {
    expect(reportOptionsFromArgs({ 'no-raw': true })).toMatchObject({ raw: false, noRaw: true });
  });
});

describe('runReport usage', () => {
  it('needs an output file', async () => {
    await expect(run(['x.json'], options({ output: undefined }))).rejects.toThrow(UsageError);
  });

  it('needs input files', async () => {
    await expect(run([], options())).rejects.toThrow(/no input files/);
  });

  it('needs --pseudonymise for a key', async () => {
    await expect(run(['x.json'], options({ pseudonymKey: 'k' }))).rejects.toThrow(/--pseudonym-key needs --pseudonymise/);
  });

  it('rejects --raw with --no-raw', async () => {
    await expect(run(['x.json'], options({ raw: true, noRaw: true }))).rejects.toThrow(/--raw and --no-raw contradict each other/);
  });
});

describeWithFixtures('runReport', () => {
  const files = ['asff/dd-sechub-guardduty.json', 'prowler-v4v5/dd-example_output_aws.ocsf.json'].map(fixturePath);

  it('writes the findings and the summary', async () => {
    const opts = options({ includePassed: true });
    const result = await run(files, opts);
    expect(result.code).toBe(0);
    const expected = summarize(await ingest(files.map((path) => ({ path, bytes: new Uint8Array(readFileSync(path)) }))));
    const { content } = readReport(opts.output as string);
    expect(content.summary).toEqual(expected);
    expect(content.findings).toHaveLength(expected.totals.findings);
    expect(result.stderr).toContain(`(${expected.totals.findings} findings,`);
  });

  it('records each input digest', async () => {
    const opts = options();
    await run(files, opts);
    const { content } = readReport(opts.output as string);
    expect(content.provenance.inputs).toEqual(
      files.map((path) => ({ name: path, bytes: readFileSync(path).length, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') })),
    );
  });

  it('sets the title, note and policy', async () => {
    const opts = options({ title: 'Q2 review', note: 'Production only' });
    await run(files, opts);
    const { html, content } = readReport(opts.output as string);
    expect(html).toContain('<title>Q2 review</title>');
    expect(html).toContain(REPORT_CONTENT_SECURITY_POLICY);
    expect(content.note).toBe('Production only');
  });

  it('leaves out raw records by default', async () => {
    const opts = options();
    await run([fixturePath('asff/dd-sechub-guardduty.json')], opts);
    const { content } = readReport(opts.output as string);
    expect(content.findings.length).toBeGreaterThan(0);
    expect(content.findings.every((finding) => finding.raw === '')).toBe(true);
    expect(content.provenance.includeRaw).toBe(false);
  });

  it('includes raw records with --raw', async () => {
    const opts = options({ raw: true });
    await run([fixturePath('asff/dd-sechub-guardduty.json')], opts);
    const { content } = readReport(opts.output as string);
    const expected = await ingest([{ path: 'g.json', bytes: readFixture('asff/dd-sechub-guardduty.json') }]);
    const listed = expected.findings.filter((finding) => finding.status !== 'passed');
    expect(content.findings.map((finding) => JSON.parse(finding.raw).Id)).toEqual(listed.map((finding) => finding.id));
    expect(content.provenance.includeRaw).toBe(true);
  });

  it('applies --pseudonymise', async () => {
    const opts = options({ raw: true, pseudonymise: true });
    await run([fixturePath('asff/dd-sechub-guardduty.json')], opts);
    const { content } = readReport(opts.output as string);
    expect(content.provenance.pseudonymised).toBe(true);
    const accounts = new Set((await ingest([{ path: 'g.json', bytes: readFixture('asff/dd-sechub-guardduty.json') }])).findings.map((f) => f.accountId));
    for (const finding of content.findings) expect(accounts.has(finding.accountId)).toBe(false);
    for (const account of accounts) expect(content.findings.map((finding) => finding.raw).join('\n')).not.toContain(account);
  });

  it('exits 3 for an unreadable file and covers the rest', async () => {
    const opts = options({ includePassed: true });
    const result = await run([...files, join(tempDir(), 'missing.json')], opts);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('missing.json');
    const { content } = readReport(opts.output as string);
    expect(content.summary.totals.unreadableFiles).toBe(1);
    expect(content.findings.length).toBeGreaterThan(0);
  });
});

describeWithFixtures('runReport without a template', () => {
  it('builds the template once with Vite', async () => {
    const template = join(tempDir(), 'report-template.html');
    const opts = options();
    const result = await run([fixturePath('asff/dd-sechub-guardduty.json')], opts, { ...DEFAULT_REPORT_PATHS, template, sources: [] });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('building it once with Vite');
    expect(existsSync(template)).toBe(true);
    expect(readFileSync(template, 'utf8')).toContain(`${REPORT_DATA_ELEMENT}</script>`);
    expect(readReport(opts.output as string).content.findings.length).toBeGreaterThan(0);
  }, 120_000);
});

describe('templateState', () => {
  function paths(): ReportPaths & { source: string } {
    const folder = tempDir();
    const source = join(folder, 'main.tsx');
    const template = join(tempDir(), 'report-template.html');
    writeFileSync(source, 'code');
    writeFileSync(template, MINIMAL_TEMPLATE);
    return { ...DEFAULT_REPORT_PATHS, template, sources: [folder, join(folder, 'missing.html')], source };
  }

  it('is missing without a template', () => {
    expect(templateState({ ...paths(), template: join(tempDir(), 'none.html') })).toBe('missing');
  });

  it('is current when newer than its sources', () => {
    const current = paths();
    utimesSync(current.source, new Date('2020-01-01'), new Date('2020-01-01'));
    expect(templateState(current)).toBe('current');
  });

  it('is stale when a source is newer', () => {
    const stale = paths();
    utimesSync(stale.template, new Date('2020-01-01'), new Date('2020-01-01'));
    expect(templateState(stale)).toBe('stale');
  });
});
