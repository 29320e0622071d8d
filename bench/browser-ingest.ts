/**
 * Browser benchmark: time from handing a large export to the page's file input to the overview showing the
 * totals, against a bare `file.text()` + `JSON.parse` of the same file in the same page; then the time a
 * text search over all findings takes to update the table, and how many rows the table keeps in the DOM.
 *
 * Also samples the resident memory of Chromium's renderer processes (the page and its workers) every
 * 250 ms and reports the peak.
 *
 * Usage: npm run build && npx tsx bench/browser-ingest.ts FILE [--runs N] [--port 4180] [--no-baseline]
 * `--no-baseline` skips the bare parse, for files longer than the longest JavaScript string.
 * Needs Chromium at CHROMIUM_PATH or /usr/bin/chromium. Prints one JSON document.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { launchChromium, startPreview, timeTableAction } from './lib/browser';

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--'));
const runs = Number(args[args.indexOf('--runs') + 1] ?? 1) || 1;
const port = Number(args.includes('--port') ? args[args.indexOf('--port') + 1] : 4180);
const withBaseline = !args.includes('--no-baseline');
if (!file) {
  process.stderr.write('usage: npx tsx bench/browser-ingest.ts FILE [--runs N] [--port 4180]\n');
  process.exit(2);
}

/** Sum of the resident memory of Chromium renderer processes, in bytes, read from /proc (Linux only). */
function rendererBytes(): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) total += Number(rss[1]) * 1024;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

/** Samples `rendererBytes` until stopped, and returns the peak. */
function samplePeak(): () => number {
  let peak = rendererBytes();
  const timer = setInterval(() => (peak = Math.max(peak, rendererBytes())), 250);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rendererBytes());
  };
}

/** Milliseconds for `file.text()` + `JSON.parse` of the file, picked through a scratch file input. */
async function baselineParse(page: Page, path: string): Promise<number> {
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-baseline';
    input.style.display = 'none';
    document.body.append(input);
  });
  await page.setInputFiles('#bench-baseline', path);
  return page.evaluate(async () => {
    const input = document.getElementById('bench-baseline') as HTMLInputElement;
    const started = performance.now();
    const value = JSON.parse(await input.files![0].text()) as unknown;
    const elapsed = performance.now() - started;
    input.remove();
    return value ? elapsed : -1;
  });
}

/** Milliseconds from setting the files to `findings-total` being visible. */
async function appIngest(page: Page, path: string): Promise<number> {
  const started = Date.now();
  await page.getByTestId('file-input').setInputFiles(path);
  await page.getByTestId('findings-total').waitFor({ timeout: 600_000 });
  return Date.now() - started;
}

const server = await startPreview(port);
try {
  const { url } = server;
  const browser = await launchChromium();
  const results = [];
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url);
    const baselineMs = withBaseline ? await baselineParse(page, file) : null;
    const stopSampling = samplePeak();
    const ingestMs = await appIngest(page, file);
    const peakRendererMiB = Math.round(stopSampling() / 1024 / 1024);
    const totals = await page.getByTestId('findings-total').textContent();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Findings/ }).click();
    await page.getByTestId('findings-table').waitFor();
    const searchMs = [];
    for (const text of ['lambda', 'ec2', '']) searchMs.push(await timeTableAction(page, { kind: 'search', text }));
    const rowsInDom = await page.locator('[data-testid="findings-table"] [role="row"]').count();
    const heapMiB = await page.evaluate(() => {
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return memory ? Math.round(memory.usedJSHeapSize / 1024 / 1024) : null;
    });
    results.push({
      baselineMs: baselineMs === null ? null : Math.round(baselineMs),
      ingestMs,
      ratio: baselineMs === null ? null : +(ingestMs / baselineMs).toFixed(2),
      findingsTotal: totals,
      searchMs: searchMs.map(Math.round),
      rowsInDom,
      mainPageHeapMiB: heapMiB,
      peakRendererMiB,
    });
    await page.close();
  }
  await browser.close();
  process.stdout.write(`${JSON.stringify({ file, bytes: statSync(file).size, runs: results }, null, 2)}\n`);
} finally {
  server.stop();
}
