/**
 * Browser benchmark: milliseconds from opening a static report from file:// to its totals being shown,
 * with every request outside the file blocked. Prints the file size and the load average before and after
 * the runs too, because other work on the machine changes the times.
 *
 * Usage: npx tsx bench/report-open.ts REPORT.html [--runs N]
 */
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--'));
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;
if (!file) {
  process.stderr.write('usage: npx tsx bench/report-open.ts REPORT.html [--runs N]\n');
  process.exit(2);
}

const url = pathToFileURL(file).href;
const loadBefore = loadavg().map((load) => Number(load.toFixed(2)));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const timings: number[] = [];
for (let run = 0; run < runs; run++) {
  const page = await browser.newPage();
  await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  const started = Date.now();
  await page.goto(url);
  await page.getByTestId('findings-total').waitFor({ timeout: 120_000 });
  timings.push(Date.now() - started);
  await page.close();
}
await browser.close();
const loadAfter = loadavg().map((load) => Number(load.toFixed(2)));
process.stdout.write(`${JSON.stringify({ file, bytes: statSync(file).size, openMs: timings, loadBefore, loadAfter })}\n`);
