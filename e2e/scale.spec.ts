/**
 * 100,000 findings: the worker streams them with a progress bar, and the table keeps a few dozen rows in
 * the DOM and scrolls to the last one. That finding's raw record is read back on demand. A second load can
 * be cancelled, keeping the first file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { integerIn } from './support';

const FINDINGS = 100_000;
const CONTROLS = ['S3.8', 'EC2.8', 'RDS.3', 'IAM.3', 'Lambda.2', 'EC2.19'];

/**
 * Writes a minimal Security Hub export of `count` control findings, spread over controls and accounts. At
 * 100k findings it is just over the size from which the worker streams a file.
 */
function writeLargeExport(count: number, name: string): string {
  const findings = Array.from({ length: count }, (_, index) => {
    const control = CONTROLS[index % CONTROLS.length];
    const account = String(100000000000 + (index % 40));
    return {
      SchemaVersion: '2018-10-08',
      Id: `arn:aws:securityhub:eu-west-1:${account}:security-control/${control}/finding/${index}`,
      ProductArn: 'arn:aws:securityhub:eu-west-1::product/aws/securityhub',
      GeneratorId: `security-control/${control}`,
      AwsAccountId: account,
      Region: 'eu-west-1',
      Types: ['Software and Configuration Checks'],
      CreatedAt: '2025-05-01T00:00:00Z',
      UpdatedAt: '2025-05-02T00:00:00Z',
      Severity: { Label: index % 3 === 0 ? 'HIGH' : 'MEDIUM' },
      Title: `${control} finding ${index}`,
      Description: 'Generated for the scale test.',
      Resources: [{ Type: 'Other', Id: `resource-${index}` }],
      Compliance: { Status: index % 4 === 0 ? 'PASSED' : 'FAILED', SecurityControlId: control },
      Workflow: { Status: 'NEW' },
      RecordState: 'ACTIVE',
      ProductFields: { 'aws/securityhub/CompanyName': 'AWS', 'aws/securityhub/ProductName': 'Security Hub' },
    };
  });
  const path = join(mkdtempSync(join(tmpdir(), 'srd-scale-')), name);
  writeFileSync(path, JSON.stringify({ Findings: findings }));
  return path;
}

test('100k findings load, scroll and cancel', async ({ page }) => {
  test.setTimeout(180_000);
  const large = writeLargeExport(FINDINGS, 'large.asff.json');
  const second = writeLargeExport(FINDINGS, 'second.asff.json');

  await page.goto('./?view=findings');
  await page.getByTestId('file-input').setInputFiles(large);
  await expect(page.getByRole('region', { name: 'Reading files' })).toBeVisible();
  await expect(page.getByTestId('visible-count')).toHaveText('100,000', { timeout: 120_000 });

  const table = page.getByTestId('findings-table');
  expect(await table.getByRole('row').count()).toBeLessThan(100);
  await table.getByRole('row').nth(1).focus();
  await page.keyboard.press('End');
  await expect(table.locator(`[data-index="${FINDINGS - 1}"]`)).toBeFocused();
  expect(await table.getByRole('row').count()).toBeLessThan(100);

  // The raw record of a streamed file is read back from the file when the detail panel opens.
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  const title = (await dialog.getByRole('heading').first().textContent()) ?? '';
  expect(title).toMatch(/ finding \d+$/);
  await expect(dialog.getByTestId('raw-record')).toContainText(`"Title": "${title}"`);
  await page.keyboard.press('Escape');

  // Cancelling a second file while it is read drops it and keeps the first.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Files/ }).click();
  await page.getByTestId('file-input').setInputFiles(second);
  const progress = page.getByRole('region', { name: 'Reading files' });
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Reading was cancelled')).toBeVisible({ timeout: 120_000 });
  await expect(progress).toBeHidden({ timeout: 120_000 });
  await expect(page.getByTestId('file-account')).toHaveCount(1);
  await expect(page.getByTestId('file-account')).toContainText('large.asff.json');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Overview' }).click();
  expect(await integerIn(page, 'findings-total')).toBe(FINDINGS);
});
