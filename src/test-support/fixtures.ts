/**
 * Access to the shared real-world fixtures that sit beside the repository (`../shared/fixtures`). Tests
 * that need them use `describeWithFixtures`, which skips with a clear message when the folder is absent.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_DIR = process.env.SRD_SHARED_DIR ?? resolve(repositoryRoot, '..', 'shared');
export const FIXTURES_DIR = join(SHARED_DIR, 'fixtures');
export const REFERENCE_DIR = join(SHARED_DIR, 'reference');
export const hasFixtures = existsSync(FIXTURES_DIR);

const SKIP_MESSAGE = `shared fixtures not found at ${FIXTURES_DIR}; set SRD_SHARED_DIR or check out ../shared`;

/** `describe` that runs only when the shared fixtures exist, and explains why it skipped otherwise. */
export function describeWithFixtures(name: string, body: () => void): void {
  if (hasFixtures) {
    describe(name, body);
  } else {
    describe.skip(`${name} (${SKIP_MESSAGE})`, body);
  }
}

export function fixturePath(relative: string): string {
  return join(FIXTURES_DIR, relative);
}

export function readFixture(relative: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(relative)));
}

/** Relative paths of every fixture file in one folder of the fixtures. */
export function fixturesIn(folder: string): string[] {
  if (!hasFixtures) return [];
  return readdirSync(join(FIXTURES_DIR, folder))
    .sort()
    .map((file) => `${folder}/${file}`);
}

export interface SourcesRow {
  file: string;
  records: string;
  peerExpects: string;
  notes: string;
}

/** Rows of the fixtures' SOURCES.md table, keyed by relative path. */
export function readSources(): Map<string, SourcesRow> {
  const rows = new Map<string, SourcesRow>();
  if (!hasFixtures) return rows;
  const text = readFileSync(join(FIXTURES_DIR, 'SOURCES.md'), 'utf8');
  for (const line of text.split('\n')) {
    if (!line.startsWith('| ') || line.startsWith('| file') || line.startsWith('|---')) continue;
    const cells = line.split(' | ').map((cell) => cell.replace(/^\| ?|\s*\|$/g, '').trim());
    if (cells.length < 7) continue;
    rows.set(cells[0], { file: cells[0], records: cells[4], peerExpects: cells[5], notes: cells[6] });
  }
  return rows;
}

/** The `records` count of a fixture from SOURCES.md as a number (the first integer in the cell). */
export function expectedRecords(relative: string): number {
  const row = readSources().get(relative);
  if (!row) throw new Error(`${relative} is not listed in SOURCES.md`);
  const match = /\d+/.exec(row.records);
  if (!match) throw new Error(`${relative} has no record count in SOURCES.md`);
  return Number(match[0]);
}
