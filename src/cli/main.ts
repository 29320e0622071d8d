/**
 * The `srd` command: the same ingest, classification and summary as the page, for build pipelines.
 */
import { closeSync, createReadStream, createWriteStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { summarize } from '../analysis/summary';
import { isUnreadable, type FileAccount } from '../ingest/account';
import { addJsonStream, canStream, STREAM_HEAD_BYTES, STREAM_THRESHOLD_BYTES } from '../ingest/stream';
import { formatBytes } from '../formats/source';
import { rawCapture } from '../formats/fields';
import { DatasetBuilder, type Dataset } from '../ingest/dataset';
import { FORMATS } from '../formats/registry';
import { EXPORT_FORMATS, exportChunks, type ExportFormat } from '../report/export';
import { isSeverity, SEVERITIES, SEVERITY_RANK, type Severity } from '../model/vocabulary';
import { formatsMarkdown, formatsText } from './formats-text';
import { formatSummaryText } from './summary-text';
import { textTable } from './text-table';
import { USAGE, UsageError } from './usage';

export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_UNREADABLE = 3;
export const EXIT_INTERNAL = 4;

/** Inputs at least this large report progress on stderr. */
const PROGRESS_THRESHOLD_BYTES = 20 * 1024 * 1024;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

interface Options {
  json: boolean;
  markdown: boolean;
  format?: string;
  output?: string;
  failOn?: string;
  quiet: boolean;
  help: boolean;
  version: boolean;
}

function parse(argv: string[]): { command: string | undefined; files: string[]; options: Options } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      markdown: { type: 'boolean', default: false },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'fail-on': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  return {
    command: positionals[0],
    files: positionals.slice(1),
    options: {
      json: values.json ?? false,
      markdown: values.markdown ?? false,
      format: values.format,
      output: values.output,
      failOn: values['fail-on'],
      quiet: values.quiet ?? false,
      help: values.help ?? false,
      version: values.version ?? false,
    },
  };
}

/** Reads the inputs; `keepRaw` keeps each finding's raw record (only the report shows them). */
async function load(files: string[], options: Options, io: Io, keepRaw = false): Promise<Dataset> {
  if (files.length === 0) throw new UsageError('no input files given');
  rawCapture.enabled = keepRaw;
  const builder = new DatasetBuilder();
  for (const path of files) {
    let size: number;
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) throw new Error('it is a directory; pass the files inside it');
      size = stat.size;
    } catch (error) {
      builder.addUnreadable(path, error instanceof Error ? error.message : String(error));
      continue;
    }
    const verbose = !options.quiet && size >= PROGRESS_THRESHOLD_BYTES;
    if (verbose) io.stderr(`srd: reading ${path} (${formatBytes(size)})\n`);
    const accounts = shouldStream(path, size) ? [await streamFile(builder, path, size, verbose, io)] : await readWhole(builder, path, verbose, io);
    if (verbose) for (const account of accounts) io.stderr(`srd: ${account.path}: ${account.findings} findings\n`);
  }
  return builder.build();
}

/** Large JSON files go through the streaming reader, which never holds the whole text as one string. */
function shouldStream(path: string, size: number): boolean {
  if (size < STREAM_THRESHOLD_BYTES) return false;
  const head = Buffer.alloc(STREAM_HEAD_BYTES);
  const descriptor = openSync(path, 'r');
  try {
    const length = readSync(descriptor, head, 0, head.length, 0);
    return canStream(new Uint8Array(head.buffer, head.byteOffset, length));
  } finally {
    closeSync(descriptor);
  }
}

async function streamFile(builder: DatasetBuilder, path: string, size: number, verbose: boolean, io: Io): Promise<FileAccount> {
  let nextReport = 0;
  return addJsonStream(builder, path, createReadStream(path, { highWaterMark: 1 << 20 }), size, (progress) => {
    if (!verbose || progress.bytesRead < nextReport) return;
    nextReport = progress.bytesRead + size / 10;
    io.stderr(`srd: ${path}: ${formatBytes(progress.bytesRead)} read, ${progress.records} records\n`);
  });
}

async function readWhole(builder: DatasetBuilder, path: string, verbose: boolean, io: Io): Promise<FileAccount[]> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (error) {
    return [builder.addUnreadable(path, error instanceof Error ? error.message : String(error))];
  }
  let calls = 0;
  return builder.addFile(path, bytes, (progress) => {
    if (verbose && ++calls % 50 === 0) io.stderr(`srd: ${progress.file}: ${progress.records} records\n`);
  });
}

function exitFor(dataset: Dataset): number {
  return dataset.files.some(isUnreadable) ? EXIT_UNREADABLE : EXIT_OK;
}

function reportUnreadable(dataset: Dataset, io: Io): void {
  for (const file of dataset.files.filter(isUnreadable)) {
    for (const error of file.errors) io.stderr(`srd: ${error.message}\n`);
  }
}

async function runSummary(files: string[], options: Options, io: Io): Promise<number> {
  const dataset = await load(files, options, io);
  const summary = summarize(dataset);
  io.stdout(options.json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummaryText(summary));
  if (options.json) reportUnreadable(dataset, io);
  return exitFor(dataset);
}

async function runExport(files: string[], options: Options, io: Io): Promise<number> {
  const format = options.format ?? 'jsonl';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${format}"`);
  }
  const dataset = await load(files, options, io);
  const chunks = exportChunks(dataset.findings, format as ExportFormat);
  if (options.output) {
    await writeChunks(options.output, chunks);
    if (!options.quiet) io.stderr(`srd: wrote ${dataset.findings.length} findings to ${options.output}\n`);
  } else {
    for (const chunk of chunks) io.stdout(chunk);
  }
  reportUnreadable(dataset, io);
  return exitFor(dataset);
}

async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const stream = createWriteStream(path);
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.end(() => resolve());
  });
}

async function runCheck(files: string[], options: Options, io: Io): Promise<number> {
  const threshold = options.failOn?.toLowerCase();
  if (!threshold) throw new UsageError('check needs --fail-on SEVERITY');
  if (!isSeverity(threshold)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}, not "${options.failOn}"`);
  const dataset = await load(files, options, io);
  const failing = dataset.findings
    .filter((finding) => finding.status === 'open' && SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[threshold as Severity])
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
  reportUnreadable(dataset, io);
  if (failing.length === 0) {
    io.stdout(`srd check: no open findings at or above ${threshold} in ${dataset.findings.length} findings.\n`);
    return exitFor(dataset);
  }
  const shown = failing.slice(0, 20);
  io.stdout(`srd check: ${failing.length} open finding(s) at or above ${threshold}; the worst ${shown.length}:\n`);
  io.stdout(
    `${textTable(
      ['Severity', 'Layer', 'Owner', 'Service', 'Control/check', 'Resource', 'Title'],
      shown.map((finding) => [
        finding.severity,
        finding.layer,
        finding.owner,
        finding.service ?? '-',
        finding.controlId ?? finding.checkId ?? '-',
        truncate(finding.resourceId ?? '-', 60),
        truncate(finding.title, 80),
      ]),
    )}\n`,
  );
  return EXIT_CHECK_FAILED;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function runFormats(options: Options, io: Io): number {
  io.stdout(options.markdown ? formatsMarkdown(FORMATS) : formatsText(FORMATS));
  return EXIT_OK;
}

function readVersion(): string {
  const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return packageJson.version;
}

/** Runs the command line and returns the exit code; never throws for bad input. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  try {
    const { command, files, options } = parse(argv);
    if (options.version) {
      io.stdout(`srd ${readVersion()}\n`);
      return EXIT_OK;
    }
    if (options.help || command === undefined || command === 'help') {
      io.stdout(`${USAGE}\n`);
      return command === undefined && !options.help ? EXIT_USAGE : EXIT_OK;
    }
    switch (command) {
      case 'summary':
        return await runSummary(files, options, io);
      case 'export':
        return await runExport(files, options, io);
      case 'check':
        return await runCheck(files, options, io);
      case 'formats':
        return runFormats(options, io);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`srd: ${error.message}\nRun "srd --help" for usage.\n`);
      return EXIT_USAGE;
    }
    // A defect, not bad input: say so in one line instead of a stack trace.
    io.stderr(`srd: internal error: ${error instanceof Error ? error.message : String(error)}. Please report it with the command you ran.\n`);
    return EXIT_INTERNAL;
  }
}
