/**
 * The dashboard on real exports from the shared fixtures: totals match the `srd` command, charts render,
 * a responsibility cell counts and filters, the detail panel opens and closes, and nothing leaves the origin.
 */
import { expect, test, type Page } from '@playwright/test';
import { cliFindings, cliSummary, fixture, HAS_FIXTURES, integerIn, NO_FIXTURES_MESSAGE, recordForeignRequests } from './support';

test.skip(!HAS_FIXTURES, NO_FIXTURES_MESSAGE);

const FILES = [
  'asff/dd-asff-prowler-output.asff.json',
  'asff/dd-sechub-guardduty.json',
  'asff/dd-sechub-inspector_ec2_cve.json',
  'prowler-v4v5/prowler-example_output_aws.ocsf.json',
  'guardduty/gdsoar-eventbridge-Trojan-EC2-DropPoint.json',
  'inspector2/dd-aws_inspector2_many_vul.json',
].map(fixture);

async function loadFiles(page: Page, paths: string[]): Promise<void> {
  await page.goto('./');
  await page.getByTestId('file-input').setInputFiles(paths);
  await expect(page.getByTestId('findings-total')).toBeVisible({ timeout: 30_000 });
}

test('totals match the command line', async ({ page, baseURL }) => {
  const foreign = recordForeignRequests(page, new URL(baseURL!).origin);
  const expected = cliSummary(FILES);

  await loadFiles(page, FILES);

  await expect(page.getByTestId('findings-total')).toHaveText(String(expected.totals.findings));
  expect(await integerIn(page, 'open-risks-total')).toBe(expected.openRisks.total);
  expect(foreign).toEqual([]);
});

test('overview draws every chart', async ({ page }) => {
  await loadFiles(page, FILES);
  for (const name of ['Open risks by category and severity', 'Open risks by owner', 'Top services', 'Top failing controls and checks', 'Accounts', 'Regions']) {
    const panel = page.getByRole('region', { name, exact: true });
    await expect(panel.locator('svg.recharts-surface').first(), name).toBeVisible();
    await expect(panel.locator('.recharts-bar-rectangle').first(), name).toBeVisible();
  }
});

test('chart label opens filtered table', async ({ page }) => {
  await loadFiles(page, FILES);
  const owner = page.getByRole('region', { name: 'Open risks by owner' });
  await owner.getByRole('button', { name: /^Customer: / }).press('Enter');

  await expect(page).toHaveURL(/view=findings/);
  await expect(page).toHaveURL(/owner=customer/);
  const expected = cliFindings(FILES).filter((finding) => finding.status === 'open' && finding.owner === 'customer').length;
  expect(await integerIn(page, 'visible-count')).toBe(expected);
});

test('responsibility cell counts and filters', async ({ page }) => {
  const findings = cliFindings(FILES);
  const count = (category: string, layer: string) =>
    findings.filter((finding) => finding.status === 'open' && finding.category === category && finding.layer === layer).length;
  const busiest = ['infrastructure', 'container', 'abstract']
    .flatMap((category) => ['customer_data', 'os', 'network_firewall', 'iam', 'secrets_credentials', 'platform_app', 'logging_monitoring'].map((layer) => ({ category, layer, open: count(category, layer) })))
    .sort((a, b) => b.open - a.open)[0];
  expect(busiest.open).toBeGreaterThan(0);

  await loadFiles(page, FILES);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Responsibility model' }).click();

  const cell = page.getByTestId(`cell-${busiest.category}-${busiest.layer}`);
  await expect(cell).toHaveAccessibleName(new RegExp(`: ${busiest.open} open risks?`));
  await expect(page.getByTestId('cell-container-os')).toContainText(count('container', 'os') === 0 ? 'AWS: no customer findings' : String(count('container', 'os')));
  await expect(page.getByTestId('cell-abstract-foundation_services')).toHaveText('AWS: no customer findings');

  await cell.click();
  await expect(page).toHaveURL(new RegExp(`category=${busiest.category}`));
  await expect(page).toHaveURL(new RegExp(`layer=${busiest.layer}`));
  expect(await integerIn(page, 'visible-count')).toBe(busiest.open);
  await expect(page.getByTestId('findings-table')).toBeVisible();
});

test('detail panel opens and closes', async ({ page }) => {
  await loadFiles(page, FILES);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Findings/ }).click();

  const firstRow = page.getByTestId('findings-table').getByRole('row').nth(1);
  await firstRow.focus();
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Classification' })).toBeVisible();
  await expect(dialog.getByText('Reason', { exact: true })).toBeVisible();
  await expect(dialog.locator('pre')).not.toBeEmpty();
  for (const link of await dialog.getByRole('link').all()) {
    expect(await link.getAttribute('href')).toMatch(/^https?:/);
    expect(await link.getAttribute('rel')).toContain('noreferrer');
  }

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(firstRow).toBeFocused();
});

test('table renders under 100 rows', async ({ page }) => {
  await loadFiles(page, FILES);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Findings/ }).click();
  const total = await integerIn(page, 'visible-count');
  expect(total).toBeGreaterThan(100);
  const rendered = await page.getByTestId('findings-table').getByRole('row').count();
  expect(rendered).toBeLessThan(100);
});

test('text search filters the table', async ({ page }) => {
  const term = 'CVE-2022-3643';
  // The term is in the title of each finding about it, so every exported line that names it is one match.
  const expected = cliFindings(FILES).filter((finding) => JSON.stringify(finding).includes(term)).length;
  expect(expected).toBeGreaterThan(0);

  await loadFiles(page, FILES);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Findings/ }).click();
  await page.getByRole('searchbox', { name: 'Search findings' }).fill(term);
  await expect(page).toHaveURL(new RegExp(`q=${term}`));
  await expect(page.getByTestId('visible-count')).toHaveText(String(expected));
});

test('theme toggle switches to dark', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.getByLabel('Theme').selectOption('light');
  await expect(page.locator('html')).not.toHaveClass(/dark/);
});

test('facet menu filters the table', async ({ page }) => {
  const expected = cliFindings(FILES).filter((finding) => finding.status === 'passed').length;
  await loadFiles(page, FILES);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Findings/ }).click();

  await page.getByText('Status ▾').click();
  const menu = page.getByRole('group', { name: 'Status' });
  await menu.getByText('Passed', { exact: true }).click();
  await expect(page).toHaveURL(/status=passed/);
  await expect(menu).toBeVisible();
  expect(await integerIn(page, 'visible-count')).toBe(expected);

  await page.getByRole('heading', { level: 2 }).or(page.getByText(/^Showing/)).first().click();
  await expect(menu).toBeHidden();
  await page.getByRole('button', { name: 'Remove filter Status: Passed' }).click();
  await expect(page).not.toHaveURL(/status=/);
});
