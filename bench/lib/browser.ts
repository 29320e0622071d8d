/**
 * Shared parts of the browser benchmarks: a `vite preview` server of a build, Chromium with the flags this
 * machine needs, and a timer for table changes measured inside the page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface PreviewServer {
  url: string;
  stop: () => void;
}

/**
 * Serves the build in `outDir` on `port` and waits until it answers. The server runs from Vite's own
 * script, not through npx, so that stopping the child stops the server. `--bypass-lock` lets it start
 * while another preview of this project runs on another port.
 */
export async function startPreview(port: number, outDir = 'dist'): Promise<PreviewServer> {
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const server: ChildProcess = spawn(process.execPath, [vite, 'preview', '--port', String(port), '--strictPort', '--bypass-lock', '--outDir', outDir], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://localhost:${port}/`;
  try {
    await waitForServer(url);
  } catch (error) {
    server.kill();
    throw error;
  }
  return { url, stop: () => server.kill() };
}

async function waitForServer(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // The server is not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the preview server at ${url} did not start within 20 s`);
}

/** Starts Chromium from CHROMIUM_PATH or /usr/bin/chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** One change to the findings table, performed inside the page. */
export type TableAction =
  | { kind: 'search'; text: string }
  | { kind: 'check'; facet: string; option: string }
  | { kind: 'sort'; column: string };

/**
 * Performs `action` in the page and returns the milliseconds until the watched element's text changes:
 * the visible count for searches and facets, the first row for sorting.
 */
export async function timeTableAction(page: Page, action: TableAction): Promise<number> {
  // No named functions inside: tsx would wrap them in a `__name` helper that the page does not have.
  return page.evaluate(async (action) => {
    const watched =
      action.kind === 'sort'
        ? document.querySelector('[data-testid="findings-table"] [data-index="0"]')
        : document.querySelector('[data-testid="visible-count"]');
    if (!watched) throw new Error(`the element to watch for ${action.kind} is missing`);
    const before = watched.textContent;

    const started = performance.now();
    const changed = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (watched.textContent !== before) {
          observer.disconnect();
          resolve(performance.now() - started);
        }
      });
      observer.observe(watched, { childList: true, characterData: true, subtree: true });
    });
    if (action.kind === 'search') {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setValue.call(input, action.text);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    } else if (action.kind === 'check') {
      const fieldset = [...document.querySelectorAll('fieldset')].find((element) => element.querySelector('legend')?.textContent === action.facet);
      const label = [...(fieldset?.querySelectorAll('label') ?? [])].find((element) => element.textContent?.startsWith(action.option));
      const checkbox = label?.querySelector('input');
      if (!checkbox) throw new Error(`no checkbox ${action.option} in the open ${action.facet} menu`);
      checkbox.click();
    } else {
      const headers = [...document.querySelectorAll('[role="columnheader"] button')];
      const button = headers.find((element) => element.textContent?.startsWith(action.column));
      if (!(button instanceof HTMLElement)) throw new Error(`no column header ${action.column}`);
      button.click();
    }
    return changed;
  }, action);
}

