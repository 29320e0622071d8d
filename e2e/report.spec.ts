/**
 * The static report, built with `srd report` and opened from file:// with every request outside the file
 * blocked: its totals match `srd summary --json`, it loads nothing from elsewhere, filters live in the URL
 * fragment, raw records are in it only on request, and HTML or script in findings is shown as text and
 * never runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '..');
const FIXTURES = join(process.env.SRD_SHARED_DIR ?? resolve(ROOT, '..', 'shared'), 'fixtures');
const FIXTURE_FILES = [
  'asff/dd-sechub-guardduty.json',
  'asff/dd-sechub-inspector_ec2_cve.json',
  'prowler-v4v5/dd-example_output_aws.ocsf.json',
  'scoutsuite/dd-two_findings.js',
  'guardduty/alertchain-get-findings-sample-ap-northeast-1.json',
].map((file) => join(FIXTURES, file));

/** Runs the `srd` command line; a non-zero exit throws with its stderr. */
function srd(args: string[]): string {
  return execFileSync(process.execPath, [join(ROOT, 'bin', 'srd.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'srd-e2e-report-'));
}

/**
 * Opens the report with every request but the report itself aborted, and returns the list of requests the
 * page tried to make elsewhere (expected empty).
 */
async function openOffline(page: Page, file: string, fragment = ''): Promise<string[]> {
  const url = pathToFileURL(file).href;
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    if (request.url().split('#')[0] !== url) elsewhere.push(request.url());
  });
  await page.route('**/*', (route) => (route.request().url().split('#')[0] === url ? route.continue() : route.abort()));
  await page.goto(url + fragment);
  await expect(page.getByTestId('findings-total')).toBeVisible({ timeout: 30_000 });
  return elsewhere;
}

test.describe('static report from the CLI', () => {
  test.skip(!FIXTURE_FILES.every(existsSync), `shared fixtures not found in ${FIXTURES}; set SRD_SHARED_DIR`);

  let reportFile = '';
  let summary: {
    totals: { findings: number };
    openRisks: { total: number };
    walledGarden: { practices: { id: string; status: string; passed: number }[] };
  };

  test.beforeAll(() => {
    reportFile = join(tempDir(), 'report.html');
    srd(['report', ...FIXTURE_FILES, '-o', reportFile, '--title', 'Fixture report', '--note', 'Built by the end-to-end test']);
    summary = JSON.parse(srd(['summary', '--json', ...FIXTURE_FILES]));
  });

  test('shows the totals of srd summary', async ({ page }) => {
    const elsewhere = await openOffline(page, reportFile);
    await expect(page.getByTestId('findings-total')).toHaveText(String(summary.totals.findings));
    await expect(page.getByTestId('open-risks-total')).toHaveText(String(summary.openRisks.total));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fixture report');
    await expect(page.getByTestId('report-note')).toHaveText('Built by the end-to-end test');
    expect(elsewhere).toEqual([]);
  });

  test('requests nothing outside the file', async ({ page }) => {
    const elsewhere = await openOffline(page, reportFile);
    await page.getByRole('button', { name: 'Findings', exact: false }).first().click();
    await page.getByTestId('findings-table').getByRole('row').nth(1).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page.getByRole('dialog').getByText(/No raw record is available for this finding/)).toBeVisible();
    await expect(page.getByTestId('raw-record')).toHaveCount(0);
    expect(elsewhere).toEqual([]);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("default-src 'none'");
  });

  test('filters through the URL fragment', async ({ page }) => {
    await openOffline(page, reportFile);
    await page.getByTestId('open-risks-total').click();
    await expect(page).toHaveURL(/#.*status=open/);
    await expect(page.getByTestId('visible-count')).toHaveText(summary.openRisks.total.toLocaleString('en-US'));

    await page.goto(`${pathToFileURL(reportFile).href}#status=open&severity=critical,high`);
    await expect(page.getByRole('button', { name: /Remove filter Severity: Critical/ })).toBeVisible();
  });

  test('judges practices on passed findings it leaves out', async ({ page }) => {
    // The Security Hub fixtures have practices whose checks passed; the report lists no passed findings.
    const folder = join(FIXTURES, 'asff');
    const file = join(tempDir(), 'asff.html');
    srd(['report', '--quiet', folder, '-o', file]);
    const counts = (JSON.parse(srd(['summary', '--json', folder])) as typeof summary).walledGarden;
    expect(counts.practices.some((practice) => practice.passed > 0)).toBe(true);
    await openOffline(page, file);
    for (const practice of counts.practices) {
      const card = page.getByTestId(`practice-${practice.id}`);
      await expect(card).toHaveAttribute('data-status', practice.status);
      await expect(card.locator('dt:text-is("Passed") + dd')).toHaveText(String(practice.passed));
    }
  });

  test('opens a practice in the table', async ({ page }) => {
    await openOffline(page, reportFile);
    const card = page.locator('[data-status="at_risk"]').first();
    test.skip((await card.count()) === 0, 'no walled-garden practice is at risk in these fixtures');
    const open = (await card.locator('dt:text-is("Open") + dd').textContent()) ?? '';
    await card.getByRole('button', { name: /in the table/ }).click();
    await expect(page).toHaveURL(/#.*practice=.*/);
    await expect(page.getByTestId('visible-count')).toHaveText(open);
    await expect(page.getByRole('button', { name: /^Remove filter Walled-garden practice: / })).toBeVisible();
  });

  test('says that raw records are left out', async ({ page }) => {
    await openOffline(page, reportFile);
    await expect(page.getByText('The source records of the findings are not included.')).toBeVisible();
    await expect(page.locator('#section-provenance dt:text-is("Source records") + dd')).toHaveText('Left out');
  });

  test('prints without controls', async ({ page }) => {
    await openOffline(page, reportFile);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
    await expect(page.getByTestId('findings-table')).toBeHidden();
    await expect(page.getByRole('table').filter({ hasText: 'Severity' }).last()).toBeVisible();
  });
});

/** One Security Hub finding whose texts are HTML and script. */
const HOSTILE_TITLE = '</script><script>window.__srdInjected = "title"</script>';
const HOSTILE_DESCRIPTION = '<img src="x" onerror="window.__srdInjected = \'description\'"> <b id="srd-injected">bold</b>';
const HOSTILE_REMEDIATION = '<svg onload="window.__srdInjected = \'remediation\'">';

function hostileAsff(): string {
  const finding = {
    SchemaVersion: '2018-10-08',
    Id: 'hostile-1',
    ProductArn: 'arn:aws:securityhub:us-east-1::product/aws/securityhub',
    GeneratorId: 'security-control/S3.8',
    AwsAccountId: '111122223333',
    Types: ['Software and Configuration Checks'],
    CreatedAt: '2024-01-01T00:00:00Z',
    UpdatedAt: '2024-01-02T00:00:00Z',
    Severity: { Label: 'HIGH' },
    Title: HOSTILE_TITLE,
    Description: HOSTILE_DESCRIPTION,
    Remediation: { Recommendation: { Text: HOSTILE_REMEDIATION, Url: 'javascript:alert(1)' } },
    Resources: [{ Type: 'AwsS3Bucket', Id: 'arn:aws:s3:::hostile-bucket' }],
    Compliance: { Status: 'FAILED' },
    RecordState: 'ACTIVE',
    Workflow: { Status: 'NEW' },
  };
  return JSON.stringify({ Findings: [finding] });
}

test('report shows HTML in findings as text', async ({ page }) => {
  const dir = tempDir();
  const input = join(dir, 'hostile.json');
  writeFileSync(input, hostileAsff());
  const reportFile = join(dir, 'hostile-report.html');
  srd(['report', input, '-o', reportFile, '--title', '<script>window.__srdInjected = "report title"</script>']);

  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const elsewhere = await openOffline(page, reportFile);

  const table = page.getByTestId('findings-table');
  await table.scrollIntoViewIfNeeded();
  await expect(table.getByText(HOSTILE_TITLE, { exact: true })).toBeVisible();
  await table.getByRole('row').nth(1).click();
  const detail = page.getByRole('dialog');
  await expect(detail.getByText(HOSTILE_DESCRIPTION, { exact: true })).toBeVisible();
  await expect(detail.getByText(HOSTILE_REMEDIATION, { exact: true })).toBeVisible();
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
  await expect(page).toHaveTitle('<script>window.__srdInjected = "report title"</script>');

  expect(await page.evaluate(() => (window as { __srdInjected?: string }).__srdInjected)).toBeUndefined();
  await expect(page.locator('#srd-injected')).toHaveCount(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
  expect(elsewhere).toEqual([]);
});

test('report with --raw shows the source records', async ({ page }) => {
  test.skip(!existsSync(FIXTURE_FILES[0]), `shared fixtures not found in ${FIXTURES}; set SRD_SHARED_DIR`);
  const reportFile = join(tempDir(), 'raw-report.html');
  srd(['report', FIXTURE_FILES[0], '--raw', '--quiet', '-o', reportFile]);
  const exported = srd(['export', '--format', 'jsonl', FIXTURE_FILES[0]])
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; status: string });

  const elsewhere = await openOffline(page, reportFile);
  await expect(page.locator('#section-provenance dt:text-is("Source records") + dd')).toHaveText('Included');
  const table = page.getByTestId('findings-table');
  await table.scrollIntoViewIfNeeded();
  await table.getByRole('row').nth(1).click();
  const raw = page.getByRole('dialog').getByTestId('raw-record');
  await expect(raw).toBeVisible();
  const record = JSON.parse((await raw.textContent()) ?? '') as { Id: string; SchemaVersion: string };
  expect(record.SchemaVersion).toBe('2018-10-08');
  expect(exported.map((finding) => finding.id)).toContain(record.Id);
  expect(elsewhere).toEqual([]);
});

test('page builds a report from the samples', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Explore the sample exports' }).click();
  await expect(page.getByTestId('findings-total')).toBeVisible({ timeout: 30_000 });
  test.skip((await page.getByTestId('export-report').count()) === 0, 'the app header does not mount ExportControls yet');
  const findings = await page.getByTestId('findings-total').textContent();
  const openRisks = await page.getByTestId('open-risks-total').textContent();

  await page.getByTestId('export-report').click();
  const dialog = page.getByRole('dialog', { name: 'Download the report' });
  await expect(dialog.getByLabel('Include source records')).not.toBeChecked();
  await dialog.getByLabel('Title').fill('Samples from the page');
  await dialog.getByLabel('Pseudonymise').check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download report' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^samples-from-the-page-\d{4}-\d{2}-\d{2}\.html$/);
  const reportFile = join(tempDir(), download.suggestedFilename());
  await download.saveAs(reportFile);

  const report = await page.context().newPage();
  const elsewhere = await openOffline(report, reportFile);
  await expect(report.getByTestId('findings-total')).toHaveText(findings ?? '');
  await expect(report.getByTestId('open-risks-total')).toHaveText(openRisks ?? '');
  await expect(report.getByRole('heading', { level: 1 })).toHaveText('Samples from the page');
  await expect(report.getByText(/replaced by pseudonyms made with a key used for this report only/)).toBeVisible();
  await expect(report.getByText('The source records of the findings are not included.')).toBeVisible();
  expect(elsewhere).toEqual([]);
});

test('page report carries source records on request', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Explore the sample exports' }).click();
  await expect(page.getByTestId('findings-total')).toBeVisible({ timeout: 30_000 });

  // The page keeps raw records in its ingest worker, so the report requests them from the worker.
  await page.getByTestId('export-report').click();
  const dialog = page.getByRole('dialog', { name: 'Download the report' });
  await dialog.getByLabel('Include source records').check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download report' }).click();
  const reportFile = join(tempDir(), (await downloading).suggestedFilename());
  await (await downloading).saveAs(reportFile);

  const report = await page.context().newPage();
  const elsewhere = await openOffline(report, reportFile);
  await report.getByRole('button', { name: 'Findings', exact: false }).first().click();
  await report.getByTestId('findings-table').getByRole('row').nth(1).click();
  await expect(report.getByRole('dialog').getByTestId('raw-record')).toContainText('{');
  expect(elsewhere).toEqual([]);
});
