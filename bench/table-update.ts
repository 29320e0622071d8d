/**
 * Browser benchmark for the findings table: after a large export is loaded, how long each search, facet
 * and sort change takes to reach the table, and how long typing a word blocks the page per keystroke.
 * Every time is measured inside the page, from the DOM event to the change it causes.
 *
 * Usage: npm run build && npx tsx bench/table-update.ts FILE [--runs N] [--port 4187] [--dist DIR] [--profile DIR]
 * `--dist` serves another build (e.g. `npx vite build --minify false --outDir DIR` for readable profiles).
 * `--profile` writes one V8 CPU profile per run, from opening the findings view on, for bench/profile-top.mjs.
 * Needs Chromium at CHROMIUM_PATH or /usr/bin/chromium. Prints one JSON document.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { launchChromium, startPreview, timeTableAction } from './lib/browser';
import { describeMachine } from './lib/machine';

const USAGE = 'usage: npx tsx bench/table-update.ts FILE [--runs N] [--port 4187] [--dist DIR] [--profile DIR]';
const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '1' },
    port: { type: 'string', default: '4187' },
    dist: { type: 'string', default: 'dist' },
    profile: { type: 'string' },
  },
});
const file = positionals[0];
const runs = Number(options.runs);
const port = Number(options.port);
if (!file || !Number.isInteger(runs) || runs < 1 || !Number.isInteger(port)) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

/** Milliseconds between keystrokes when typing, about a fast typist. */
const KEYSTROKE_INTERVAL_MS = 80;
const TYPED_WORD = 'lambda';

/**
 * Types `word` one character at a time. Returns, per keystroke, the milliseconds until the next animation
 * frame (how long the page could not paint), and the milliseconds from the last keystroke until the table
 * shows the result for the whole word, whose count is `expectedCount`.
 */
async function typeWord(page: Page, word: string, expectedCount: string): Promise<{ frameDelayMs: number[]; settleMs: number }> {
  return page.evaluate(
    async ({ word, expectedCount, interval }) => {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      const count = document.querySelector('[data-testid="visible-count"]')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const frameDelayMs: number[] = [];
      let keystroke = 0;
      for (let length = 1; length <= word.length; length++) {
        if (length > 1) await new Promise((resolve) => setTimeout(resolve, Math.max(0, interval - (performance.now() - keystroke))));
        keystroke = performance.now();
        setValue.call(input, word.slice(0, length));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const frame = await new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
        frameDelayMs.push(frame - keystroke);
      }
      // The status line shows "updating" until the table shows the last keystroke's result.
      while (count.textContent !== expectedCount || count.parentElement?.textContent?.includes('updating')) {
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      return { frameDelayMs, settleMs: performance.now() - keystroke };
    },
    { word, expectedCount, interval: KEYSTROKE_INTERVAL_MS },
  );
}

/** Loads the file, opens the findings view and runs every step once. */
async function runOnce(page: Page, url: string, profileFile: string | null) {
  await page.goto(url);
  const started = Date.now();
  await page.getByTestId('file-input').setInputFiles(file);
  await page.getByTestId('findings-total').waitFor({ timeout: 600_000 });
  const ingestMs = Date.now() - started;
  const session = profileFile ? await page.context().newCDPSession(page) : null;
  await session?.send('Profiler.enable');
  await session?.send('Profiler.start');

  const openStarted = Date.now();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /^Findings/ }).click();
  await page.getByTestId('findings-table').waitFor();
  const openViewMs = Date.now() - openStarted;
  const total = await page.getByTestId('visible-count').textContent();

  // The same three searches as bench/browser-ingest.ts, so the figures compare.
  const searchMs = [await timeTableAction(page, { kind: 'search', text: 'lambda' })];
  const lambdaCount = (await page.getByTestId('visible-count').textContent()) ?? '';
  searchMs.push(await timeTableAction(page, { kind: 'search', text: 'ec2' }), await timeTableAction(page, { kind: 'search', text: '' }));
  const twoWordsMs = await timeTableAction(page, { kind: 'search', text: 'lambda function' });
  const clearMs = await timeTableAction(page, { kind: 'search', text: '' });

  const typing = await typeWord(page, TYPED_WORD, lambdaCount);
  const typingClearMs = await timeTableAction(page, { kind: 'search', text: '' });

  await page.getByText('Status ▾').click();
  await page.getByRole('group', { name: 'Status' }).getByRole('checkbox').first().waitFor();
  const facetOnMs = await timeTableAction(page, { kind: 'check', facet: 'Status', option: 'Open' });
  const facetOffMs = await timeTableAction(page, { kind: 'check', facet: 'Status', option: 'Open' });
  await page.keyboard.press('Escape');

  const sortTitleMs = await timeTableAction(page, { kind: 'sort', column: 'Title' });
  const searchSortedMs = await timeTableAction(page, { kind: 'search', text: 'lambda' });
  const clearSortedMs = await timeTableAction(page, { kind: 'search', text: '' });
  const sortSeverityMs = await timeTableAction(page, { kind: 'sort', column: 'Severity' });

  if (session && profileFile) {
    const { profile } = await session.send('Profiler.stop');
    writeFileSync(profileFile, JSON.stringify(profile));
  }
  const heapMiB = await page.evaluate(() => {
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return memory ? Math.round(memory.usedJSHeapSize / 1024 / 1024) : null;
  });
  const round = (values: number[]) => values.map(Math.round);
  return {
    ingestMs,
    openViewMs,
    total,
    searchMs: round(searchMs),
    twoWordsMs: Math.round(twoWordsMs),
    clearMs: Math.round(clearMs),
    typing: { word: TYPED_WORD, frameDelayMs: round(typing.frameDelayMs), settleMs: Math.round(typing.settleMs), clearMs: Math.round(typingClearMs) },
    facetMs: round([facetOnMs, facetOffMs]),
    sortMs: { title: Math.round(sortTitleMs), searchWhileSorted: Math.round(searchSortedMs), clearWhileSorted: Math.round(clearSortedMs), severity: Math.round(sortSeverityMs) },
    mainPageHeapMiB: heapMiB,
  };
}

const server = await startPreview(port, options.dist);
const machine = describeMachine();
try {
  const { url } = server;
  if (options.profile) mkdirSync(options.profile, { recursive: true });
  const browser = await launchChromium();
  const results = [];
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const profileFile = options.profile ? join(options.profile, `table-update-${run + 1}.cpuprofile`) : null;
    results.push(await runOnce(page, url, profileFile));
    await page.close();
  }
  await browser.close();
  const loadAverageAtEnd = describeMachine().loadAverage;
  process.stdout.write(`${JSON.stringify({ file, machine, loadAverageAtEnd, runs: results }, null, 2)}\n`);
} finally {
  server.stop();
}
