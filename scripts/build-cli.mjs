#!/usr/bin/env node
// Bundles the `srd` command (src/cli/main.ts and everything it imports) into dist-cli/srd.mjs, so that
// bin/srd.mjs can start it without compiling TypeScript through tsx on every run. Packages stay external
// and load from node_modules. Usage: node scripts/build-cli.mjs
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { CLI_BUNDLE } from './cli-bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = join(root, CLI_BUNDLE);

/**
 * In a bundle, `import.meta.url` is the bundle's URL, but the sources resolve files next to themselves
 * (`new URL('../../package.json', import.meta.url)` in src/cli/main.ts). This plugin replaces it in each
 * source that uses it with that source's own URL, computed from the bundle's location at run time.
 */
const sourceUrlPlugin = {
  name: 'source-import-meta-url',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const fromBundle = relative(dirname(outfile), args.path).split('\\').join('/');
      const sourceUrl = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', sourceUrl), loader: 'ts' };
    });
  },
};

await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  plugins: [sourceUrlPlugin],
  logLevel: 'warning',
});
process.stdout.write(`wrote ${CLI_BUNDLE}\n`);
