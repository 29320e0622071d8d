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
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--'));
const runs = Number(args[args.indexOf('--runs') + 1] ?? 1) || 1;
const port = Number(args.includes('--port') ? args[args.indexOf('--port') + 1] : 4180);
const withBaseline = !args.includes('--no-baseline');
if (!file) {
  process.stderr.write('usage: npx tsx bench/browser-ingest.ts FILE [--runs N] [--port 4180]\n');
  process.exit(2);
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function waitForServer(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the preview server at ${url} did not start`);
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

/** Milliseconds from a search input event to the visible count changing, measured inside the page. */
async function searchUpdate(page: Page, text: string): Promise<number> {
  return page.evaluate(async (query) => {
    const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    const count = document.querySelector('[data-testid="visible-count"]')!;
    const before = count.textContent;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const started = performance.now();
    const changed = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (count.textContent !== before) {
          observer.disconnect();
          resolve(performance.now() - started);
        }
      });
      observer.observe(count, { childList: true, characterData: true, subtree: true });
    });
    setValue.call(input, query);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return changed;
  }, text);
}

// Started without npx, so that killing it stops the server itself. --bypass-lock lets a test run preview too.
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort', '--bypass-lock'], { stdio: 'ignore' });
try {
  const url = `http://localhost:${port}/`;
  await waitForServer(url);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
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
    const searchMs = [await searchUpdate(page, 'lambda'), await searchUpdate(page, 'ec2'), await searchUpdate(page, '')];
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
  server.kill();
}
