import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { cliSummary, integerIn, recordForeignRequests, REPOSITORY_ROOT } from './support';

const SAMPLE_FILES = ['security-hub-findings.asff.json', 'prowler-scan.ocsf.json'].map((file) =>
  join(REPOSITORY_ROOT, 'public', 'samples', file),
);

test('landing offers pickers and privacy note', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Shared Responsibility Model');
  await expect(page.getByTestId('file-input')).toHaveAttribute('multiple', '');
  await expect(page.getByText('Choose a folder')).toBeVisible();
  await expect(page.getByText(/never leave this machine/)).toBeVisible();
});

test('sample button loads the samples', async ({ page, baseURL }) => {
  const foreign = recordForeignRequests(page, new URL(baseURL!).origin);
  const expected = cliSummary(SAMPLE_FILES);

  await page.goto('./');
  await page.getByRole('button', { name: 'Explore the sample exports' }).click();

  await expect(page.getByTestId('findings-total')).toHaveText(String(expected.totals.findings), { timeout: 30_000 });
  expect(await integerIn(page, 'open-risks-total')).toBe(expected.openRisks.total);
  await expect(page.getByRole('region', { name: 'Open risks by category and severity' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
  expect(foreign).toEqual([]);
});

test('samples cover every status', async ({ page }) => {
  const expected = cliSummary(SAMPLE_FILES);
  for (const status of ['open', 'passed', 'suppressed', 'resolved', 'unknown']) {
    expect(expected.byStatus[status], status).toBeGreaterThan(0);
  }

  await page.goto('./');
  await page.getByRole('button', { name: 'Explore the sample exports' }).click();
  const statuses = page.getByRole('list', { name: 'Findings by status' });
  await expect(statuses.getByRole('button', { name: /^Suppressed: / })).toContainText(String(expected.byStatus.suppressed));
});
