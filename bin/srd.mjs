#!/usr/bin/env node
// Entry point of the `srd` command. It runs the bundle from scripts/build-cli.mjs when that is newer than
// package.json and every file under src/, else the TypeScript sources through tsx's loader, so a fresh
// clone needs no build.
// SRD_CLI_ENTRY=bundle or SRD_CLI_ENTRY=tsx forces the choice.
import { fileURLToPath } from 'node:url';
import { cliEntryFor, CLI_BUNDLE } from '../scripts/cli-bundle.mjs';

// A reader that stops early (`srd export ... | head`) closes the pipe: stop quietly, as other tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const root = new URL('..', import.meta.url);
let entry;
try {
  entry = cliEntryFor(fileURLToPath(root));
} catch (error) {
  process.stderr.write(`srd: ${error.message}\n`);
  process.exit(2);
}
let main;
if (entry === 'bundle') {
  ({ main } = await import(new URL(CLI_BUNDLE, root).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
