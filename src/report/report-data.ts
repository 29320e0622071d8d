/**
 * Prepares the data of a static report once, on a copy of the dataset: picks the findings the options keep,
 * keeps raw records only on request, pseudonymises, records provenance and packs it all for the HTML. The same
 * code runs in the CLI and in the page, and each computes the input files' SHA-256 digests its own way.
 */
import { version as toolVersion } from '../../package.json';
import { summarize, type Summary } from '../analysis/summary';
import type { FileAccount } from '../ingest/account';
import type { Dataset } from '../ingest/dataset';
import type { Finding } from '../model/finding';
import { Pseudonymiser, pseudonymKeyFromText, randomPseudonymKey } from './pseudonymise';
import { encodeReport, type Deflate, type InputFile, type ReportContent } from './report-codec';

export interface ReportOptions {
  title: string;
  /** Free text shown under the title, such as scope or audience, or empty. */
  note: string;
  /** Keep passed findings in the report. The summary always counts them. */
  includePassed: boolean;
  /**
   * Keep each finding's raw source record for the detail panel. Off by default, because a shared report should
   * carry as little detail from the inputs as it can. Raw records made a report on `bench/generate-asff.ts
   * --count 100000` 56% larger.
   */
  includeRaw: boolean;
  pseudonymise: boolean;
  /** Key for pseudonyms that repeat across reports; null for a random key per report. Never stored in the report. */
  pseudonymKey: string | null;
}

export const DEFAULT_REPORT_TITLE = 'Shared responsibility report';

export const DEFAULT_REPORT_OPTIONS: ReportOptions = {
  title: DEFAULT_REPORT_TITLE,
  note: '',
  includePassed: false,
  includeRaw: false,
  pseudonymise: false,
  pseudonymKey: null,
};

/** Input of `renderReportHtml`: the page title and the packed data. */
export interface ReportData {
  title: string;
  /** The packed content as HTML-safe text (see report-codec.ts). */
  payload: string;
  /** Findings in the report, for messages such as "wrote 1,234 findings". */
  findingCount: number;
}

/** Builds the content of a report from a dataset; `inputs` lists the files read with their digests. */
export function prepareReportContent(
  dataset: Dataset,
  inputs: readonly InputFile[],
  options: ReportOptions,
  builtAt: Date = new Date(),
): ReportContent {
  const listed = options.includePassed ? dataset.findings : dataset.findings.filter((finding) => finding.status !== 'passed');
  const findings = options.includeRaw ? [...listed] : listed.map((finding) => ({ ...finding, raw: '' }));

  const content: ReportContent = {
    title: options.title.trim() || DEFAULT_REPORT_TITLE,
    note: options.note.trim(),
    provenance: {
      toolVersion,
      builtAt: builtAt.toISOString(),
      inputs: inputs.map((input) => ({ ...input })),
      includePassed: options.includePassed,
      includeRaw: options.includeRaw,
      pseudonymised: options.pseudonymise,
      stablePseudonyms: options.pseudonymise && options.pseudonymKey !== null,
      passedOmitted: dataset.findings.length - listed.length,
    },
    summary: summarize(dataset),
    files: dataset.files.map(copyAccount),
    findings,
  };
  if (!options.pseudonymise) return content;

  const key = options.pseudonymKey === null ? randomPseudonymKey() : pseudonymKeyFromText(options.pseudonymKey);
  return pseudonymiseContent(content, new Pseudonymiser(key));
}

/** Prepares and packs a report in one step; `deflate` defaults to fflate (see encodeReport). */
export function buildReportData(
  dataset: Dataset,
  inputs: readonly InputFile[],
  options: ReportOptions,
  builtAt?: Date,
  deflate?: Deflate,
): ReportData {
  const content = prepareReportContent(dataset, inputs, options, builtAt);
  return { title: content.title, payload: encodeReport(content, deflate), findingCount: content.findings.length };
}

function copyAccount(account: FileAccount): FileAccount {
  return { ...account, errors: account.errors.map((error) => ({ ...error })), notes: [...account.notes] };
}

/**
 * Pseudonymises every text from the inputs: findings, file names, problem messages and notes. The title and
 * the note are the author's own words and stay as written.
 */
function pseudonymiseContent(content: ReportContent, pseudonymiser: Pseudonymiser): ReportContent {
  const fileTexts = (account: { path: string; errors: { message: string }[]; notes: string[] }) => [
    account.path,
    ...account.errors.map((error) => error.message),
    ...account.notes,
  ];
  for (const finding of content.findings) pseudonymiser.learnFinding(finding);
  for (const account of content.files) fileTexts(account).forEach((text) => pseudonymiser.learn(text));
  for (const input of content.provenance.inputs) pseudonymiser.learn(input.name);

  const text = (value: string) => pseudonymiser.text(value);
  return {
    ...content,
    provenance: { ...content.provenance, inputs: content.provenance.inputs.map((input) => ({ ...input, name: text(input.name) })) },
    summary: pseudonymiseSummary(content.summary, text),
    files: content.files.map((account) => ({
      ...account,
      path: text(account.path),
      errors: account.errors.map((error) => ({ ...error, message: text(error.message) })),
      notes: account.notes.map(text),
    })),
    findings: content.findings.map((finding): Finding => pseudonymiser.finding(finding)),
  };
}

function pseudonymiseSummary(summary: Summary, text: (value: string) => string): Summary {
  return {
    ...summary,
    files: summary.files.map((file) => ({
      ...file,
      path: text(file.path),
      errors: file.errors.map((error) => ({ ...error, message: text(error.message) })),
      notes: file.notes.map(text),
    })),
  };
}
