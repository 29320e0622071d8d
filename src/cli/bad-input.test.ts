import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Summary } from '../analysis/summary';
import { parseCsv } from '../formats/csv';
import { isFileLevel } from '../model/problem';
import { BAD_INPUT_CASES, expectAccount, INTERNAL_TEXT } from '../test-support/bad-input-cases';
import {
  asffFinding,
  asffPageText,
  FORMULA_VALUES,
  HTML_IMG_TITLE,
  JAVASCRIPT_URL,
  SCRIPT_TITLE,
  zipBytes,
} from '../test-support/hostile';
import { EXIT_UNREADABLE, main } from './main';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

function sum(counts: Record<string, number>): number {
  return Object.values(counts).reduce((total, count) => total + count, 0);
}

const directory = mkdtempSync(join(tmpdir(), 'srd-bad-input-'));
// The cases write tens of megabytes (the 20 MiB title twice), so the folder goes when the file is done.
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(mkdtempSync(join(directory, 'case-')), name);
  writeFileSync(path, content);
  return path;
}

/** Findings whose text fields carry markup, script, a `javascript:` URL and spreadsheet formulas. */
function hostilePage(): string {
  return asffPageText([
    asffFinding(0, {
      Title: HTML_IMG_TITLE,
      Description: SCRIPT_TITLE,
      Remediation: { Recommendation: { Text: FORMULA_VALUES[3], Url: JAVASCRIPT_URL } },
    }),
    ...FORMULA_VALUES.map((formula, index) =>
      asffFinding(index + 1, {
        Title: formula,
        Remediation: { Recommendation: { Text: formula } },
        Resources: [{ Type: 'AwsS3Bucket', Id: `${formula}-${index}`, Region: 'us-east-1' }],
      }),
    ),
  ]);
}

/** Terminal control characters in `text`: C0 controls other than line feed, DEL, and C1 controls. */
function controlCharacters(text: string): string[] {
  return [...text].filter((char) => {
    const code = char.codePointAt(0) ?? 0;
    return (code < 0x20 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);
  });
}

describe('srd on bad input', () => {
  for (const testCase of BAD_INPUT_CASES) {
    // A case with a known defect is expected to fail until the defect is fixed; see its `defect` text.
    const test = testCase.defect ? it.fails : it;
    test(testCase.name, async () => {
      const path = tempFile(testCase.fileName, testCase.bytes());

      const result = await run('summary', '--json', path);

      expect(result.code).toBe(testCase.exitCode);
      const summary = JSON.parse(result.stdout) as Summary;
      expect(summary.files).toHaveLength(testCase.entries.length);
      testCase.entries.forEach((expected, index) => expectAccount(summary.files[index], expected));
      // A file counts as unreadable when it was not recognised or broke part way (exit code 3 either way).
      const unreadable = testCase.entries.filter((entry) => entry.format === null || entry.problems.some((problem) => isFileLevel(problem.code)));
      expect(summary.totals.unreadableFiles).toBe(unreadable.length);
      for (const breakdown of [summary.byStatus, summary.bySeverity, summary.byCategory, summary.byOwner, summary.byLayer]) {
        expect(sum(breakdown)).toBe(summary.totals.findings);
      }
      expect(summary.openRisks.total).toBe(summary.byStatus.open);
      expect(result.stderr).not.toMatch(INTERNAL_TEXT);
      for (const file of summary.files.filter((entry) => entry.format === null)) {
        for (const error of file.errors) expect(result.stderr).toContain(error.message);
      }

      const exported = await run('export', '--format', 'jsonl', path);
      expect(exported.code).toBe(testCase.exitCode);
      const lines = exported.stdout.split('\n').filter((line) => line !== '');
      expect(lines).toHaveLength(summary.totals.findings);
    });
  }

  it('reads every case in one run', async () => {
    // Cases with a known defect are left out: their own rows expect them to fail.
    const cases = BAD_INPUT_CASES.filter((testCase) => !testCase.defect);
    const paths = cases.map((testCase) => tempFile(testCase.fileName, testCase.bytes()));

    const result = await run('summary', '--json', ...paths);

    expect(result.code).toBe(EXIT_UNREADABLE);
    const summary = JSON.parse(result.stdout) as Summary;
    expect(summary.files).toHaveLength(cases.reduce((total, testCase) => total + testCase.entries.length, 0));
    for (const file of summary.files) expect(file.records).toBe(file.findings + file.duplicates + file.rejected);
    expect(summary.totals.findings).toBeGreaterThan(0);
  });
});

describe('srd on hostile content', () => {
  it('neutralises formulas in CSV exports', async () => {
    const path = tempFile('hostile.json', hostilePage());

    const result = await run('export', '--format', 'csv', path);

    expect(result.code).toBe(0);
    const [header, ...rows] = parseCsv(result.stdout, ',');
    expect(rows).toHaveLength(FORMULA_VALUES.length + 1);
    const titles = rows.map((row) => row.cells[header.cells.indexOf('title')]);
    expect(titles).toContain(`'${FORMULA_VALUES[0]}`);
    for (const row of rows) {
      row.cells.forEach((cell, index) => expect(cell, header.cells[index]).not.toMatch(/^[=+\-@\t\r]/));
    }
  });

  it('exports links only for http and https', async () => {
    const path = tempFile('hostile.json', hostilePage());

    const result = await run('export', '--format', 'jsonl', path);

    const records = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records[0].title).toBe(HTML_IMG_TITLE);
    expect(records[0].remediationUrl).toBeNull();
    for (const record of records) expect(record.remediationUrl === null || /^https?:\/\//.test(String(record.remediationUrl))).toBe(true);
  });

  it('keeps markup as JSON strings', async () => {
    const path = tempFile(`${HTML_IMG_TITLE}.json`, hostilePage());

    const result = await run('summary', '--json', path);

    const summary = JSON.parse(result.stdout) as Summary;
    expect(summary.files[0].path).toBe(path);
    expect(summary.files[0].findings).toBe(FORMULA_VALUES.length + 1);
  });

  // Titles, resource ids and file names come from the input: escaped, they cannot move the cursor, clear
  // the screen or plant a terminal hyperlink.
  it('prints no terminal control characters', async () => {
    const escapes = '\u001b[2J\u001b]8;;http://127.0.0.1/\u0007link\u001b]8;;\u0007\rcover';
    const finding = asffFinding(0, { Title: `title ${escapes}`, Resources: [{ Type: 'AwsS3Bucket', Id: `bucket${escapes}`, Region: 'us-east-1' }] });
    const archive = tempFile('escapes.zip', zipBytes({ [`name${escapes}.json`]: asffPageText([finding]), [`binary${escapes}.json`]: new Uint8Array([0, 1, 2]) }));

    const check = await run('check', '--fail-on', 'low', archive);
    const summary = await run('summary', archive);

    expect(check.stdout).toContain('title');
    expect(controlCharacters(check.stdout)).toEqual([]);
    expect(controlCharacters(check.stderr)).toEqual([]);
    expect(controlCharacters(summary.stdout)).toEqual([]);
    expect(controlCharacters(summary.stderr)).toEqual([]);
  });
});
