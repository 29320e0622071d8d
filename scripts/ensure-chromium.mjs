#!/usr/bin/env node
// Makes sure a Chromium for the Playwright specs exists: CHROMIUM_PATH, else /usr/bin/chromium, else
// Debian's `chromium` package installed with apt when running as root. Playwright's own browser download
// is never used, because this project's machines reach only the npm and Debian package registries.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';
const configured = process.env.CHROMIUM_PATH;

if (configured) {
  if (existsSync(configured)) process.exit(0);
  console.error(`CHROMIUM_PATH is set to ${configured}, but no file is there. Point it at a Chromium binary.`);
  process.exit(1);
}
if (existsSync(DEFAULT_PATH)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `Chromium not found at ${DEFAULT_PATH}. Install it with "sudo apt-get install -y chromium" ` +
      '(Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary, then run the tests again.',
  );
  process.exit(1);
}

console.error(`Chromium not found at ${DEFAULT_PATH}; installing Debian's chromium package with apt-get.`);
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
} catch (error) {
  console.error(`Installing chromium with apt-get failed (${error.message}). Install it by hand and run the tests again.`);
  process.exit(1);
}
if (!existsSync(DEFAULT_PATH)) {
  console.error(`apt-get finished, but ${DEFAULT_PATH} is still missing. Set CHROMIUM_PATH to the installed binary.`);
  process.exit(1);
}
