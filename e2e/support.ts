/**
 * Helpers for the browser specs: the shared fixtures beside the repository, the `srd` command's summary of
 * the same files (the numbers the page must show), and a recorder for requests that leave the page's origin.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

export const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES_DIR = join(process.env.SRD_SHARED_DIR ?? resolve(REPOSITORY_ROOT, '..', 'shared'), 'fixtures');
export const HAS_FIXTURES = existsSync(FIXTURES_DIR);
export const NO_FIXTURES_MESSAGE = `shared fixtures not found at ${FIXTURES_DIR}; set SRD_SHARED_DIR or check out ../shared`;

export function fixture(relative: string): string {
  return join(FIXTURES_DIR, relative);
}

export interface CliSummary {
  files: { path: string; format: string | null; records: number; findings: number; rejected: number; errors: { message: string }[] }[];
  totals: { files: number; records: number; findings: number; duplicates: number; rejected: number };
  byStatus: Record<string, number>;
  openRisks: { total: number; byOwner: Record<string, number> };
}

/** Runs `npm run --silent srd -- summary --json FILE...` on the files and parses its output. */
export function cliSummary(paths: string[]): CliSummary {
  const output = execFileSync('npm', ['run', '--silent', 'srd', '--', 'summary', '--json', ...paths], {
    cwd: REPOSITORY_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output) as CliSummary;
}

export interface ExportedFinding {
  status: string;
  category: string;
  layer: string;
  owner: string;
}

/** Runs `srd export --format jsonl` on the files and parses one finding per line. */
export function cliFindings(paths: string[]): ExportedFinding[] {
  const output = execFileSync('npm', ['run', '--silent', 'srd', '--', 'export', '--format', 'jsonl', ...paths], {
    cwd: REPOSITORY_ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ExportedFinding);
}

/**
 * Records every request whose URL is not on the page's own origin. `blob:` and `data:` URLs are local
 * (downloads, the worker) and are not requests to another host.
 */
export function recordForeignRequests(page: Page, origin: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('blob:') || url.startsWith('data:')) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  return foreign;
}

/** Reads the integer in an element such as `findings-total`. */
export async function integerIn(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).innerText();
  return Number(text.replace(/[^\d]/g, ''));
}
