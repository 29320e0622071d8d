/**
 * Benchmarks `srd summary --json` on one file against a process that only reads the file and runs
 * JSON.parse. The variants run alternately, `--runs` times each, so that load from other work on the
 * machine spreads over all of them. The report gives medians of wall time, CPU time (user and system) and
 * peak resident memory, and the ratios of wall time, CPU time and memory to the first variant. The `srd`
 * variant first builds the bundled CLI (scripts/build-cli.mjs) and runs it in every round.
 *
 * Usage: npx tsx bench/cli-summary.ts [--runs 3] [--variants parse,srd,stream,split] [--node-option OPT]...
 *        [--out RESULT.json] FILE
 */
import { execFileSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CLI_ENTRY_VARIABLE } from '../scripts/cli-bundle.mjs';
import { describeMachine } from './lib/machine';
import { measureNode, type Measurement } from './lib/measure';

const repositoryRoot = resolve(import.meta.dirname, '..');

/** Commands compared. Each prints a small JSON document on stdout. */
const VARIANTS = {
  parse: { title: 'read + JSON.parse (baseline)', args: (file: string) => ['bench/parse-only.mjs', file] },
  srd: { title: 'srd summary --json (bundled CLI)', args: (file: string) => ['bin/srd.mjs', 'summary', '--json', file] },
  stream: { title: 'srd summary --json (streaming)', args: (file: string) => ['bench/srd-stream.mjs', 'summary', '--json', file] },
  split: { title: 'record splitter only', args: (file: string) => ['bench/split-only.mjs', file] },
} as const;

type VariantId = keyof typeof VARIANTS;

interface VariantResult {
  id: VariantId;
  title: string;
  runs: Measurement[];
  medianWallMs: number;
  /** User and system CPU time of the child. */
  medianCpuMs: number;
  medianMaxRssMiB: number;
  /** Command output about the records read, from the last run. */
  output: string;
}

function readOptions() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      runs: { type: 'string', default: '3' },
      variants: { type: 'string', default: 'parse,srd,stream' },
      'node-option': { type: 'string', multiple: true, default: [] },
      out: { type: 'string' },
    },
  });
  const runs = Number(values.runs);
  const variants = values.variants.split(',') as VariantId[];
  const unknown = variants.filter((id) => !(id in VARIANTS));
  if (positionals.length !== 1 || !Number.isInteger(runs) || runs < 1 || unknown.length > 0) {
    throw new Error(
      `usage: cli-summary.ts [--runs N] [--variants ${Object.keys(VARIANTS).join(',')}] [--node-option OPT]... [--out FILE] FILE` +
        (unknown.length > 0 ? ` (unknown variant ${unknown.join(', ')})` : ''),
    );
  }
  return { file: positionals[0], runs, variants, nodeOptions: values['node-option'], out: values.out };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Returns the part of a command's output that reports how many records it read. */
function recordsOutput(id: VariantId, stdout: string): string {
  try {
    const value = JSON.parse(stdout) as Record<string, unknown>;
    if (id === 'srd' || id === 'stream') return JSON.stringify({ totals: value.totals, byStatus: value.byStatus });
    return JSON.stringify(value);
  } catch {
    return `unreadable output: ${stdout.slice(0, 200)}`;
  }
}

async function main(): Promise<void> {
  const options = readOptions();
  const machine = describeMachine();
  const bytes = statSync(options.file).size;
  const startedAt = new Date().toISOString();
  // The srd variant measures the bundled CLI, built from the current sources. It is forced for every run,
  // because an edit under src/ during the runs would otherwise switch bin/srd.mjs to tsx.
  const srdEntry = options.variants.includes('srd') ? buildBundle() : null;
  const results = new Map<VariantId, Measurement[]>(options.variants.map((id) => [id, []]));

  for (let run = 1; run <= options.runs; run++) {
    for (const id of options.variants) {
      const measurement = await measureNode([...options.nodeOptions, ...VARIANTS[id].args(options.file)], repositoryRoot);
      results.get(id)?.push(measurement);
      const failed = measurement.exitCode !== 0 ? ` exit ${measurement.exitCode}: ${measurement.stderr.trim().split('\n').slice(-3).join(' | ')}` : '';
      const cpuSeconds = (measurement.userMs + measurement.systemMs) / 1000;
      process.stderr.write(
        `run ${run} ${id}: ${(measurement.wallMs / 1000).toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU, ${measurement.maxRssMiB.toFixed(0)} MiB${failed}\n`,
      );
    }
  }

  const variants: VariantResult[] = options.variants.map((id) => {
    const runs = results.get(id) ?? [];
    return {
      id,
      title: VARIANTS[id].title,
      runs,
      medianWallMs: median(runs.map((run) => run.wallMs)),
      medianCpuMs: median(runs.map((run) => run.userMs + run.systemMs)),
      medianMaxRssMiB: median(runs.map((run) => run.maxRssMiB)),
      output: recordsOutput(id, runs.at(-1)?.stdout ?? ''),
    };
  });
  const baseline = variants[0];
  const report = {
    file: options.file,
    bytes,
    startedAt,
    runs: options.runs,
    nodeOptions: options.nodeOptions,
    srdEntry,
    machine: { ...machine, loadAverageAtEnd: describeMachine().loadAverage },
    baseline: baseline.id,
    variants: variants.map((variant) => ({
      id: variant.id,
      title: variant.title,
      medianWallSeconds: round(variant.medianWallMs / 1000),
      medianMaxRssMiB: round(variant.medianMaxRssMiB),
      medianCpuSeconds: round(variant.medianCpuMs / 1000),
      wallRatio: round(variant.medianWallMs / baseline.medianWallMs),
      cpuRatio: round(variant.medianCpuMs / baseline.medianCpuMs),
      rssRatio: round(variant.medianMaxRssMiB / baseline.medianMaxRssMiB),
      exitCodes: variant.runs.map((run) => run.exitCode),
      wallSeconds: variant.runs.map((run) => round(run.wallMs / 1000)),
      maxRssMiB: variant.runs.map((run) => round(run.maxRssMiB)),
      method: variant.runs[0]?.method,
      output: variant.output,
    })),
  };
  const text = `${JSON.stringify(report, null, 2)}\n`;
  if (options.out) writeFileSync(options.out, text);
  process.stdout.write(text);
}

/** Builds dist-cli/srd.mjs and makes bin/srd.mjs run it in every child. Returns what the report records. */
function buildBundle(): string {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: repositoryRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  process.env[CLI_ENTRY_VARIABLE] = 'bundle';
  return `bundle built at ${new Date().toISOString()}`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

await main();
