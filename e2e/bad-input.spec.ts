/**
 * Bad and hostile files dropped on the page. Each gets its own account with the format, the counts and
 * messages that name where it broke, and the good files still load. Nothing from the input is rendered as
 * HTML or run as script, and no link from a finding uses a scheme other than http or https.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parseCsv } from '../src/formats/csv';
import {
  asffFinding,
  asffPageText,
  binaryGarbage,
  bombEntry,
  encodeText,
  FORMULA_VALUES,
  HTML_IMG_TITLE,
  JAVASCRIPT_URL,
  prowlerCsvText,
  prowlerRow,
  SCRIPT_TITLE,
  zipArchive,
} from '../src/test-support/hostile';

interface Dropped {
  name: string;
  bytes: Uint8Array;
}

const HTML_FILE_NAME = `${HTML_IMG_TITLE}.json`;

/** Findings whose text fields carry markup, script, a `javascript:` link and a spreadsheet formula. */
function hostileFindings(): Record<string, unknown>[] {
  return [
    asffFinding(100, {
      Title: HTML_IMG_TITLE,
      Description: SCRIPT_TITLE,
      Remediation: { Recommendation: { Text: FORMULA_VALUES[0], Url: JAVASCRIPT_URL } },
      Resources: [{ Type: 'AwsS3Bucket', Id: `arn:aws:s3:::${SCRIPT_TITLE}`, Region: 'us-east-1', Tags: { [HTML_IMG_TITLE]: SCRIPT_TITLE } }],
    }),
    asffFinding(101, { Title: SCRIPT_TITLE, SourceUrl: JAVASCRIPT_URL }),
  ];
}

const DROPPED: Dropped[] = [
  { name: 'empty.json', bytes: new Uint8Array(0) },
  { name: 'cut.json', bytes: encodeText('{\n  "Findings": [\n    {\n      "SchemaVersion": "2018-10-08",\n      "Id": "arn:aws:secu') },
  { name: 'garbage.bin', bytes: binaryGarbage() },
  { name: 'bomb.zip', bytes: zipArchive([bombEntry('findings.json', 1000, { declaredSize: 2 * 1024 ** 3 })]) },
  {
    name: 'mixed.json',
    bytes: encodeText(asffPageText([asffFinding(0), asffFinding(1, { Id: undefined }), 'not a finding', asffFinding(3)])),
  },
  { name: 'hostile.json', bytes: encodeText(asffPageText(hostileFindings())) },
  { name: 'prowler.csv', bytes: encodeText(prowlerCsvText([prowlerRow(0), prowlerRow(1)])) },
  { name: HTML_FILE_NAME, bytes: encodeText(asffPageText([asffFinding(200)])) },
];

/** Findings of the good records: 2 in mixed.json, 2 in hostile.json, 2 in prowler.csv, 1 in the HTML-named file. */
const EXPECTED_FINDINGS = 7;

async function dropAll(page: Page): Promise<void> {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(
    DROPPED.map(({ name, bytes }) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) })),
  );
  await expect(page.getByTestId('findings-total')).toHaveText(String(EXPECTED_FINDINGS), { timeout: 30_000 });
}

async function openView(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name }).click();
}

/** Collects browser dialogs (alert, confirm, prompt) and uncaught page errors; both must stay empty. */
function watchForScript(page: Page): { dialogs: string[]; errors: string[] } {
  const seen = { dialogs: [] as string[], errors: [] as string[] };
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  return seen;
}

test('bad files get their own messages', async ({ page }) => {
  const seen = watchForScript(page);
  await dropAll(page);
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read or recognised' })).toBeVisible();
  await openView(page, /^Files/);

  const account = (name: string) => page.getByTestId('file-account').filter({ hasText: name });
  await expect(account('empty.json')).toContainText('The file is empty');
  await expect(account('cut.json')).toContainText('The JSON is truncated: it ends early at line 5, column');
  await expect(account('garbage.bin')).toContainText('Not recognised');
  await expect(account('garbage.bin')).toContainText('The file is binary');
  await expect(account('bomb.zip/findings.json')).toContainText('The input is over the size limit');
  await expect(account('mixed.json')).toContainText('AWS Security Hub findings (ASFF)');
  await expect(account('mixed.json')).toContainText('mixed.json (record 1, field Id): A required field is missing');
  await expect(account('mixed.json')).toContainText('mixed.json (record 2): A field has the wrong type');
  await expect(account('prowler.csv')).toContainText('Prowler results (CSV)');
  await expect(account(HTML_FILE_NAME)).toContainText('AWS Security Hub findings (ASFF)');

  expect(seen.dialogs).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('input text never runs as HTML', async ({ page }) => {
  const seen = watchForScript(page);
  await dropAll(page);

  await openView(page, /^Findings/);
  const table = page.getByTestId('findings-table');
  await expect(table.getByText(HTML_IMG_TITLE, { exact: true })).toBeVisible();
  await expect(table.getByText(SCRIPT_TITLE, { exact: true })).toBeVisible();

  await table.getByText(HTML_IMG_TITLE, { exact: true }).click();
  const detail = page.getByRole('dialog');
  await expect(detail).toContainText(SCRIPT_TITLE);
  await expect(detail).toContainText(FORMULA_VALUES[0]);
  await expect(detail.getByRole('link', { name: /javascript/i })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await openView(page, /^Files/);
  await expect(page.getByText(HTML_FILE_NAME, { exact: true })).toBeVisible();

  // The markup above would have made these elements had it been parsed as HTML.
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('script:not([src])')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  const links = await page.locator('a[href]').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).protocol));
  expect(links.filter((protocol) => !['http:', 'https:', 'blob:'].includes(protocol))).toEqual([]);
  expect(seen.dialogs).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('CSV download neutralises formulas', async ({ page }) => {
  await dropAll(page);

  const download = page.waitForEvent('download');
  await page.getByRole('group', { name: 'Export' }).getByRole('button', { name: 'CSV' }).click();
  const path = await (await download).path();
  const text = readFileSync(path, 'utf8');

  const [header, ...rows] = parseCsv(text, ',');
  expect(rows).toHaveLength(EXPECTED_FINDINGS);
  const titles = rows.map((row) => row.cells[header.cells.indexOf('title')]);
  expect(titles).toContain(HTML_IMG_TITLE);
  const remediations = rows.map((row) => row.cells[header.cells.indexOf('remediation')]);
  expect(remediations).toContain(`'${FORMULA_VALUES[0]}`);
  for (const row of rows) {
    row.cells.forEach((cell, index) => expect(cell, header.cells[index]).not.toMatch(/^[=+\-@\t\r]/));
  }
});

// A status looked up in a plain object table would read Object's constructor, a function that the Web
// Worker cannot post (DataCloneError), and then no file of the drop would load.
test('status named constructor still loads', async ({ page }) => {
  const ocsf = JSON.stringify([
    {
      class_uid: 2003,
      metadata: { product: { name: 'Security Hub' }, version: '1.1.0' },
      finding_info: { uid: 'finding-1', title: 'S3 general purpose buckets should block public access' },
      severity_id: 3,
      status: 'constructor',
    },
  ]);
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles([
    { name: 'ocsf.json', mimeType: 'application/json', buffer: Buffer.from(ocsf) },
    { name: 'findings.json', mimeType: 'application/json', buffer: Buffer.from(asffPageText([asffFinding(0)])) },
  ]);

  const readFailed = page.getByText('The files could not be read');
  await expect(page.getByTestId('findings-total').or(readFailed)).toBeVisible({ timeout: 30_000 });
  await expect(readFailed).toHaveCount(0);
  await expect(page.getByTestId('findings-total')).toHaveText('2');
});
