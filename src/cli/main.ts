/**
 * The `srd` command: the same ingest, classification and summary as the page, for build pipelines.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { summarize } from '../analysis/summary';
import { isUnreadable } from '../ingest/account';
import { assertWritableOutput, loadInputs, printableIo, type Io } from './load';
import { REPORT_ARG_OPTIONS, reportOptionsFromArgs, runReport, type ReportCommandOptions } from './report-command';
import type { Dataset } from '../ingest/dataset';
import { FORMATS } from '../formats/registry';
import { EXPORT_FORMATS, exportChunks, type ExportFormat } from '../report/export';
import { isSeverity, SEVERITIES, SEVERITY_RANK, type Severity } from '../model/vocabulary';
import { formatsMarkdown, formatsText } from './formats-text';
import { formatSummaryText } from './summary-text';
import { textTable } from './text-table';
import { USAGE, UsageError } from './usage';

import { EXIT_CHECK_FAILED, EXIT_INTERNAL, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE } from './exit-codes';

export { EXIT_CHECK_FAILED, EXIT_INTERNAL, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE };

export type { Io };


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

function parse(argv: string[]): { command: string | undefined; files: string[]; options: Options; report: ReportCommandOptions } {
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
      ...REPORT_ARG_OPTIONS,
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
    report: reportOptionsFromArgs(values),
  };
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
  if (options.output) assertWritableOutput(options.output);
  const dataset = await loadInputs(files, { quiet: options.quiet }, io);
  const summary = summarize(dataset);
  const text = options.json ? `${JSON.stringify(summary, null, 2)}\n` : formatSummaryText(summary);
  if (options.output) {
    await writeChunks(options.output, [text]);
    if (!options.quiet) io.stderr(`srd: wrote the summary to ${options.output}\n`);
  } else {
    io.stdout(text);
  }
  if (options.json || options.output) reportUnreadable(dataset, io);
  return exitFor(dataset);
}

/** Returns the export format: --format, else the -o file's extension, else JSON Lines. */
function exportFormatOf(options: Options): string {
  if (options.format) return options.format;
  const extension = /\.([a-z]+)$/i.exec(options.output ?? '')?.[1]?.toLowerCase();
  if (extension === 'csv' || extension === 'json') return extension;
  return 'jsonl';
}

async function runExport(files: string[], options: Options, io: Io): Promise<number> {
  const format = exportFormatOf(options);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${format}"`);
  }
  if (options.output) assertWritableOutput(options.output);
  const dataset = await loadInputs(files, { quiet: options.quiet }, io);
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

/** Writes the chunks to a file; a failed open or write rejects instead of passing silently. */
async function writeChunks(path: string, chunks: Iterable<string>): Promise<void> {
  const stream = createWriteStream(path);
  let failure: Error | null = null;
  const failed = new Promise<never>((_resolve, reject) => {
    stream.on('error', (error) => {
      failure = error;
      reject(new UsageError(`cannot write ${path}: ${error.message}`));
    });
  });
  failed.catch(() => undefined);
  for (const chunk of chunks) {
    if (failure) break;
    if (!stream.write(chunk)) await Promise.race([new Promise<void>((resolve) => stream.once('drain', () => resolve())), failed]);
  }
  await Promise.race([new Promise<void>((resolve) => stream.end(() => resolve())), failed]);
  if (failure) await failed;
}

async function runCheck(files: string[], options: Options, io: Io): Promise<number> {
  const threshold = options.failOn?.toLowerCase();
  if (!threshold) throw new UsageError('check needs --fail-on SEVERITY');
  if (!isSeverity(threshold)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}, not "${options.failOn}"`);
  const dataset = await loadInputs(files, { quiet: options.quiet }, io);
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

/** Runs the command line and returns the exit code. Every error, a defect included, becomes a message on stderr. */
export async function main(argv: string[], rawIo: Io = processIo): Promise<number> {
  // Messages and tables are for people: control characters from inputs are escaped. Machine output
  // (summary --json, export) is written through rawIo, where JSON and CSV quoting keep the data exact.
  const io = printableIo(rawIo);
  try {
    const { command, files, options, report } = parse(argv);
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
        return await runSummary(files, options, options.json ? { stdout: rawIo.stdout, stderr: io.stderr } : io);
      case 'export':
        return await runExport(files, options, { stdout: rawIo.stdout, stderr: io.stderr });
      case 'check':
        return await runCheck(files, options, io);
      case 'report':
        return await runReport(files, report, io);
      case 'formats':
        return runFormats(options, io);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const option = /'([^']+)'/.exec(error.message)?.[1] ?? 'an option';
      io.stderr(`srd: unknown option ${option}\nRun "srd --help" for usage.\n`);
      return EXIT_USAGE;
    }
    if (error instanceof UsageError || (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`srd: ${error.message}\nRun "srd --help" for usage.\n`);
      return EXIT_USAGE;
    }
    // A defect, not bad input: print one line instead of a stack trace.
    io.stderr(`srd: internal error: ${error instanceof Error ? error.message : String(error)}. Please report it with the command you ran.\n`);
    return EXIT_INTERNAL;
  }
}
