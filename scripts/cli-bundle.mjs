// Location of the bundled `srd` command, and the check whether bin/srd.mjs may run it. Plain JavaScript,
// because bin/srd.mjs reads it before any TypeScript loader is registered.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The bundle, relative to the repository root. scripts/build-cli.mjs writes it. */
export const CLI_BUNDLE = 'dist-cli/srd.mjs';

/** The folder whose files go into the bundle. */
export const CLI_SOURCES = 'src';

/** The one file outside CLI_SOURCES that goes into the bundle: the report records the version it names. */
export const CLI_PACKAGE_FILE = 'package.json';

/**
 * Returns 'bundle' when the bundle exists and is newer than the newest source file, else 'tsx' (run the
 * sources through tsx). `bundleMtimeMs` is null when there is no bundle. Equal times pick 'tsx', because
 * a source saved in the same millisecond as the build may not be in it.
 */
export function chooseCliEntry({ bundleMtimeMs, newestSourceMtimeMs }) {
  if (bundleMtimeMs === null) return 'tsx';
  return bundleMtimeMs > newestSourceMtimeMs ? 'bundle' : 'tsx';
}

/** Returns the latest modification time (ms) of any file below `folder`, or -Infinity when it has none or is missing. */
export function newestMtimeMs(folder) {
  let newest = Number.NEGATIVE_INFINITY;
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return newest;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    // A file removed since the listing (an editor's temporary file) has no time and is skipped.
    const time = entry.isDirectory() ? newestMtimeMs(path) : (mtimeMsOrNull(path) ?? Number.NEGATIVE_INFINITY);
    if (time > newest) newest = time;
  }
  return newest;
}

/** Returns the modification time (ms) of a file, or null when it does not exist. */
export function mtimeMsOrNull(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/** Environment variable that forces the choice: `bundle` or `tsx`. Benchmarks set it to measure the bundle. */
export const CLI_ENTRY_VARIABLE = 'SRD_CLI_ENTRY';

/**
 * Decides, for the repository at `root`, whether to run the bundle or the sources through tsx. When `env`
 * sets CLI_ENTRY_VARIABLE to `bundle` or `tsx`, that decides instead. It throws on any other non-empty
 * value, and on `bundle` when there is no bundle.
 */
export function cliEntryFor(root, env = process.env) {
  const forced = env[CLI_ENTRY_VARIABLE];
  const bundleMtimeMs = mtimeMsOrNull(join(root, CLI_BUNDLE));
  if (forced === 'bundle' && bundleMtimeMs === null) {
    throw new Error(`${CLI_ENTRY_VARIABLE}=bundle, but ${CLI_BUNDLE} does not exist. Build it with "npm run build:cli".`);
  }
  if (forced === 'bundle' || forced === 'tsx') return forced;
  if (forced !== undefined && forced !== '') {
    throw new Error(`${CLI_ENTRY_VARIABLE} must be "bundle" or "tsx", not "${forced}"`);
  }
  // Without a bundle there is nothing to compare, so the source folder is not walked.
  if (bundleMtimeMs === null) return 'tsx';
  const newestSourceMtimeMs = Math.max(newestMtimeMs(join(root, CLI_SOURCES)), mtimeMsOrNull(join(root, CLI_PACKAGE_FILE)) ?? Number.NEGATIVE_INFINITY);
  return chooseCliEntry({ bundleMtimeMs, newestSourceMtimeMs });
}
