import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseCliEntry, cliEntryFor, CLI_BUNDLE, CLI_ENTRY_VARIABLE, CLI_PACKAGE_FILE, newestMtimeMs } from './cli-bundle.mjs';

describe('chooseCliEntry', () => {
  it('picks tsx without a bundle', () => {
    expect(chooseCliEntry({ bundleMtimeMs: null, newestSourceMtimeMs: 1000 })).toBe('tsx');
  });

  it('picks the bundle when it is newer', () => {
    expect(chooseCliEntry({ bundleMtimeMs: 2000, newestSourceMtimeMs: 1000 })).toBe('bundle');
  });

  it('picks tsx when a source is newer', () => {
    expect(chooseCliEntry({ bundleMtimeMs: 1000, newestSourceMtimeMs: 2000 })).toBe('tsx');
  });

  it('picks tsx on equal times', () => {
    expect(chooseCliEntry({ bundleMtimeMs: 1000, newestSourceMtimeMs: 1000 })).toBe('tsx');
  });

  it('picks the bundle without sources', () => {
    expect(chooseCliEntry({ bundleMtimeMs: 1000, newestSourceMtimeMs: Number.NEGATIVE_INFINITY })).toBe('bundle');
  });
});

describe('cliEntryFor', () => {
  let root: string;

  /** Writes a file under the temporary root with the given modification time in seconds. */
  function writeAt(path: string, seconds: number): void {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, '');
    utimesSync(full, seconds, seconds);
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'srd-cli-bundle-'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('picks tsx without a bundle', () => {
    writeAt('src/cli/main.ts', 1000);
    expect(cliEntryFor(root, {})).toBe('tsx');
  });

  it('picks the bundle when every source is older', () => {
    writeAt('src/cli/main.ts', 1000);
    writeAt('src/formats/deep/asff.ts', 1500);
    writeAt(CLI_BUNDLE, 2000);
    expect(cliEntryFor(root, {})).toBe('bundle');
  });

  it('picks tsx when a nested source is newer', () => {
    writeAt('src/cli/main.ts', 1000);
    writeAt(CLI_BUNDLE, 2000);
    writeAt('src/formats/deep/asff.ts', 3000);
    expect(cliEntryFor(root, {})).toBe('tsx');
  });

  it('picks tsx when package.json is newer', () => {
    writeAt('src/cli/main.ts', 1000);
    writeAt(CLI_BUNDLE, 2000);
    writeAt(CLI_PACKAGE_FILE, 3000);
    expect(cliEntryFor(root, {})).toBe('tsx');
  });

  it('follows the environment variable', () => {
    writeAt('src/cli/main.ts', 1000);
    writeAt(CLI_BUNDLE, 2000);
    expect(cliEntryFor(root, { [CLI_ENTRY_VARIABLE]: 'tsx' })).toBe('tsx');
    writeAt('src/cli/main.ts', 3000);
    expect(cliEntryFor(root, { [CLI_ENTRY_VARIABLE]: 'bundle' })).toBe('bundle');
  });

  it('rejects a forced bundle that is missing', () => {
    expect(() => cliEntryFor(root, { [CLI_ENTRY_VARIABLE]: 'bundle' })).toThrow(/does not exist/);
  });

  it('rejects an unknown environment value', () => {
    expect(() => cliEntryFor(root, { [CLI_ENTRY_VARIABLE]: 'fast' })).toThrow(/must be "bundle" or "tsx"/);
  });
});

describe('newestMtimeMs', () => {
  it('returns -Infinity for a missing folder', () => {
    expect(newestMtimeMs(join(tmpdir(), 'srd-no-such-folder-7f3a'))).toBe(Number.NEGATIVE_INFINITY);
  });
});
