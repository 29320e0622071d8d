/**
 * The walled-garden cards on real exports: a secret scanner report puts secrets-out-of-code at risk, an
 * input that checks nothing about S3 leaves private-s3 without evidence, and a card opens the table.
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { fixture, HAS_FIXTURES, NO_FIXTURES_MESSAGE, REPOSITORY_ROOT } from './support';

test.skip(!HAS_FIXTURES, NO_FIXTURES_MESSAGE);

interface PracticeSummary {
  id: string;
  status: string;
  open: number;
  passed: number;
}

function cliPractices(paths: string[]): PracticeSummary[] {
  const output = execFileSync('npm', ['run', '--silent', 'srd', '--', 'summary', '--json', ...paths], { cwd: REPOSITORY_ROOT, encoding: 'utf8' });
  return (JSON.parse(output) as { walledGarden: { practices: PracticeSummary[] } }).walledGarden.practices;
}

async function openWalledGarden(page: Page, paths: string[]): Promise<void> {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(paths);
  await expect(page.getByTestId('findings-total')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Walled garden' }).click();
}

test('cards follow the inputs', async ({ page }) => {
  const files = [fixture('secrets-gitleaks/dd-gitleaks8_many.json'), fixture('guardduty/awscli-doc-get-findings.json')];
  await openWalledGarden(page, files);

  await expect(page.getByTestId('practice-secrets-out-of-code')).toHaveAttribute('data-status', 'at_risk');
  await expect(page.getByTestId('practice-private-s3')).toHaveAttribute('data-status', 'no_evidence');
  for (const practice of cliPractices(files)) {
    await expect(page.getByTestId(`practice-${practice.id}`), practice.id).toHaveAttribute('data-status', practice.status);
  }
});

test('a card opens the filtered table', async ({ page }) => {
  const files = [fixture('asff/dd-asff-prowler-output.asff.json')];
  const leastPrivilege = cliPractices(files).find((practice) => practice.id === 'least-privilege')!;
  expect(leastPrivilege.status).toBe('at_risk');
  await openWalledGarden(page, files);

  await page.getByTestId('practice-least-privilege').getByRole('button', { name: /show all/i }).click();

  await expect(page).toHaveURL(/practice=least-privilege/);
  // The table's row count includes its header row.
  await expect(page.getByTestId('findings-table')).toHaveAttribute('aria-rowcount', String(leastPrivilege.open + 1));
});
