/** Per-file accounts: format, counts, a rejected record's message, removal, and CSV export. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { cliSummary, fixture, HAS_FIXTURES, integerIn, NO_FIXTURES_MESSAGE } from './support';

test.skip(!HAS_FIXTURES, NO_FIXTURES_MESSAGE);

/** Writes a Security Hub page with one valid finding, one without `Id` and one record that is not an object. */
function writeExportWithBadRecords(): string {
  const good = JSON.parse(readFileSync(fixture('asff/asr-bare-finding-afsbp-s3.1.json'), 'utf8')) as Record<string, unknown>;
  const withoutId = { ...good };
  delete withoutId.Id;
  const path = join(mkdtempSync(join(tmpdir(), 'srd-e2e-')), 'bad-records.asff.json');
  writeFileSync(path, JSON.stringify({ Findings: [good, withoutId, 42] }));
  return path;
}

async function openFiles(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Files/ }).click();
}

test('account lists rejected record messages', async ({ page }) => {
  const path = writeExportWithBadRecords();
  const expected = cliSummary([path]).files[0];
  expect(expected.rejected).toBeGreaterThan(0);

  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(path);
  await expect(page.getByTestId('findings-total')).toHaveText(String(expected.findings), { timeout: 30_000 });
  await openFiles(page);

  const account = page.getByTestId('file-account');
  await expect(account).toContainText('bad-records.asff.json');
  await expect(account.getByRole('definition').nth(3)).toHaveText(String(expected.rejected));
  await account.locator('summary').click();
  // The CLI names the file by its path and the page by its name, but the rest of each message is the same.
  for (const error of expected.errors) {
    await expect(account).toContainText(error.message.replace(path, 'bad-records.asff.json'));
  }
});

test('unrecognised file explains why', async ({ page }) => {
  const path = join(mkdtempSync(join(tmpdir(), 'srd-e2e-')), 'notes.json');
  writeFileSync(path, JSON.stringify({ hello: 'world' }));
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(path);
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read or recognised' })).toBeVisible({ timeout: 30_000 });
  await openFiles(page);
  await expect(page.getByTestId('file-account')).toContainText('Not recognised');
  await expect(page.getByTestId('file-account')).toContainText('tried');
});

test('adding and removing files updates totals', async ({ page }) => {
  const first = fixture('asff/dd-sechub-guardduty.json');
  const second = fixture('prowler-v4v5/prowler-example_output_aws.ocsf.json');
  const firstOnly = cliSummary([first]).totals.findings;
  const both = cliSummary([first, second]).totals.findings;

  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(first);
  await expect(page.getByTestId('findings-total')).toHaveText(String(firstOnly), { timeout: 30_000 });

  await openFiles(page);
  await page.getByTestId('file-input').setInputFiles(second);
  await expect(page.getByTestId('file-account')).toHaveCount(2);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Overview' }).click();
  await expect(page.getByTestId('findings-total')).toHaveText(String(both));

  await openFiles(page);
  await page.getByRole('button', { name: 'Remove dd-sechub-guardduty.json' }).click();
  await expect(page.getByTestId('file-account')).toHaveCount(1);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Overview' }).click();
  expect(await integerIn(page, 'findings-total')).toBe(both - firstOnly);
});

test('CSV export downloads the filtered findings', async ({ page }) => {
  await page.goto('./?view=findings&severity=critical');
  await page.getByTestId('file-input').setInputFiles(fixture('asff/dd-sechub-inspector_ec2_cve.json'));
  const visible = page.getByTestId('visible-count');
  await expect(visible).toBeVisible({ timeout: 30_000 });
  const count = await integerIn(page, 'visible-count');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'CSV' }).click()]);
  const text = readFileSync(await download.path(), 'utf8');
  const lines = text.trim().split('\r\n');
  expect(lines[0].startsWith('id,title,status,severity')).toBe(true);
  expect(lines).toHaveLength(count + 1);
});
