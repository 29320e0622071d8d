/**
 * `srd report FILE... -o report.html`: reads the inputs like every other command, then writes the
 * self-contained HTML report from the prebuilt template dist/report/report-template.html. A missing or stale
 * template is built with Vite's `build()` and the report config, so the command also works in a fresh checkout.
 */
import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  type Dirent,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { isUnreadable } from '../ingest/account';
import type { Dataset } from '../ingest/dataset';
import { EXIT_OK, EXIT_UNREADABLE } from './exit-codes';
import { assertWritableOutput, expandFolders, loadInputs } from './load';
import { renderReportHtml } from '../report/html';
import type { Deflate, InputFile } from '../report/report-codec';
import { buildReportData, DEFAULT_REPORT_TITLE, type ReportOptions } from '../report/report-data';
import { UsageError } from './usage';

export interface ReportCommandOptions {
  /** The HTML file to write. */
  output?: string;
  title?: string;
  note?: string;
  includePassed: boolean;
  /** True for `--raw`: include each finding's source record, which reports leave out by default. */
  raw: boolean;
  /** True for `--no-raw`, the default since `--raw` was added. Accepted so that older scripts keep working. */
  noRaw?: boolean;
  pseudonymise: boolean;
  pseudonymKey?: string;
  quiet: boolean;
}

export interface ReportIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Paths of the template, of the Vite config that builds it, and of what it is built from. */
export interface ReportPaths {
  template: string;
  viteConfig: string;
  /** Files and folders the template is built from. A template older than any file below them is rebuilt. */
  sources: string[];
}

/** The file name vite.report.config.ts gives the template. */
const TEMPLATE_FILE_NAME = 'report-template.html';

export const DEFAULT_REPORT_PATHS: ReportPaths = {
  template: fileURLToPath(new URL('../../dist/report/report-template.html', import.meta.url)),
  viteConfig: fileURLToPath(new URL('../../vite.report.config.ts', import.meta.url)),
  sources: ['../../src', '../../report.html', '../../vite.report.config.ts'].map((path) => fileURLToPath(new URL(path, import.meta.url))),
};

/**
 * Options of `srd report` for `util.parseArgs`. `--no-raw` is its own flag, because Node 20's parseArgs has
 * no negated booleans.
 */
export const REPORT_ARG_OPTIONS = {
  title: { type: 'string' },
  note: { type: 'string' },
  'include-passed': { type: 'boolean', default: false },
  raw: { type: 'boolean', default: false },
  'no-raw': { type: 'boolean', default: false },
  pseudonymise: { type: 'boolean', default: false },
  'pseudonym-key': { type: 'string' },
} as const;

/** Reads the report options out of parseArgs' `values` (which also hold `output` and `quiet`). */
export function reportOptionsFromArgs(values: {
  output?: string;
  quiet?: boolean;
  title?: string;
  note?: string;
  'include-passed'?: boolean;
  raw?: boolean;
  'no-raw'?: boolean;
  pseudonymise?: boolean;
  'pseudonym-key'?: string;
}): ReportCommandOptions {
  return {
    output: values.output,
    title: values.title,
    note: values.note,
    includePassed: values['include-passed'] ?? false,
    raw: values.raw ?? false,
    noRaw: values['no-raw'] ?? false,
    pseudonymise: values.pseudonymise ?? false,
    pseudonymKey: values['pseudonym-key'],
    quiet: values.quiet ?? false,
  };
}

function validate(files: readonly string[], options: ReportCommandOptions): void {
  if (files.length === 0) throw new UsageError('no input files given');
  if (!options.output) throw new UsageError('report needs -o FILE, the HTML file to write');
  if (options.pseudonymKey !== undefined && !options.pseudonymise) {
    throw new UsageError('--pseudonym-key needs --pseudonymise');
  }
  if (options.pseudonymKey === '') throw new UsageError('--pseudonym-key must not be empty');
  if (options.raw && options.noRaw) throw new UsageError('--raw and --no-raw contradict each other; pass --raw to include raw records, or neither');
}

/** Writes the report and returns the exit code: 0, or 3 when an input could not be read (the report covers the rest). */
export async function runReport(
  files: readonly string[],
  options: ReportCommandOptions,
  io: ReportIo,
  paths: ReportPaths = DEFAULT_REPORT_PATHS,
): Promise<number> {
  validate(files, options);
  const output = options.output as string;
  assertWritableOutput(output);

  const { dataset, inputs } = await readInputs(files, options, io);
  const template = await loadTemplate(paths, io);
  const reportOptions: ReportOptions = {
    title: options.title ?? DEFAULT_REPORT_TITLE,
    note: options.note ?? '',
    includePassed: options.includePassed,
    includeRaw: options.raw,
    pseudonymise: options.pseudonymise,
    pseudonymKey: options.pseudonymKey ?? null,
  };
  const data = buildReportData(dataset, inputs, reportOptions, new Date(), zlibDeflate);
  const html = renderReportHtml(template, data);
  writeFileSync(output, html);

  for (const file of dataset.files.filter(isUnreadable)) {
    for (const error of file.errors) io.stderr(`srd: ${error.message}\n`);
  }
  if (!options.quiet) {
    const megabytes = (Buffer.byteLength(html) / 1024 / 1024).toFixed(1);
    io.stderr(`srd: wrote ${output} (${data.findingCount} findings, ${megabytes} MiB)\n`);
  }
  return dataset.files.some(isUnreadable) ? EXIT_UNREADABLE : EXIT_OK;
}

/**
 * Raw DEFLATE with node:zlib. On a report of `bench/generate-asff.ts --count 100000` it took as long as fflate
 * at the same level and wrote 10% fewer bytes (Node 20).
 */
const zlibDeflate: Deflate = (data) => new Uint8Array(deflateRawSync(data, { level: 9 }));

/** Reads every input into one dataset and records its size and SHA-256 digest (hashed as a stream). */
async function readInputs(files: readonly string[], options: ReportCommandOptions, io: ReportIo): Promise<{ dataset: Dataset; inputs: InputFile[] }> {
  const dataset = await loadInputs(files, { quiet: options.quiet, keepRaw: options.raw }, io);
  const inputs: InputFile[] = [];
  for (const path of expandFolders(files)) {
    if (!existsSync(path) || statSync(path).isDirectory()) continue;
    inputs.push({ name: path, bytes: statSync(path).size, sha256: await sha256OfFile(path) });
  }
  return { dataset, inputs };
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Reads the template, building it first when it is missing or older than its sources. */
async function loadTemplate(paths: ReportPaths, io: ReportIo): Promise<string> {
  const state = templateState(paths);
  if (state !== 'current') {
    const reason = state === 'missing' ? 'is missing' : 'is older than the sources it is built from';
    io.stderr(`srd: the report template ${paths.template} ${reason}; building it once with Vite (later reports reuse it)\n`);
    await buildTemplate(paths);
  }
  return readFileSync(paths.template, 'utf8');
}

/**
 * Tells whether the template must be built. A stale template would unpack the data with an older report
 * format, and the page would show an error instead of the report. Equal times count as stale, because a
 * source saved in the same millisecond as the build may not be in it.
 */
export function templateState(paths: ReportPaths): 'missing' | 'stale' | 'current' {
  if (!existsSync(paths.template)) return 'missing';
  const built = statSync(paths.template).mtimeMs;
  return paths.sources.some((source) => newestMtimeMs(source) >= built) ? 'stale' : 'current';
}

/** Returns the latest modification time (ms) of a file or of any file below a folder; -Infinity when missing. */
function newestMtimeMs(path: string): number {
  let entries: Dirent[];
  try {
    if (!statSync(path).isDirectory()) return statSync(path).mtimeMs;
    entries = readdirSync(path, { withFileTypes: true });
  } catch {
    return Number.NEGATIVE_INFINITY;
  }
  return entries.reduce((newest, entry) => Math.max(newest, newestMtimeMs(join(path, entry.name))), Number.NEGATIVE_INFINITY);
}

/**
 * Builds into a fresh folder beside the template and then renames the file into place, so a concurrent
 * `srd report` never reads a half-written template.
 */
async function buildTemplate(paths: ReportPaths): Promise<void> {
  // Vite is needed only here, so the other commands do not load it.
  const { build } = await import('vite');
  const folder = dirname(paths.template);
  mkdirSync(folder, { recursive: true });
  const outDir = mkdtempSync(join(folder, '.template-build-'));
  try {
    await build({
      configFile: paths.viteConfig,
      root: dirname(paths.viteConfig),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: false },
    });
    renameSync(join(outDir, TEMPLATE_FILE_NAME), paths.template);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
