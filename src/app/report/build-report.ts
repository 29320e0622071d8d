/**
 * The page's side of "download the report": fetches the template from the app's own origin, computes the
 * SHA-256 digest of every input file, and has a worker build the HTML. No React here, so it can be tested.
 */
import type { Dataset } from '../../ingest/dataset';
import type { Finding } from '../../model/finding';
import type { InputFile } from '../../report/report-codec';
import type { ReportOptions } from '../../report/report-data';
import { sha256, toHex } from '../../report/sha256';
import type { BuildReportRequest, BuildReportResponse } from './build-report-protocol';

/** Path of the template in the app build (vite.report.config.ts), relative to the app's index.html. */
export const TEMPLATE_PATH = 'report/report-template.html';

export class ReportBuildError extends Error {
  override name = 'ReportBuildError';
}

export async function fetchReportTemplate(baseUrl: string): Promise<string> {
  const url = new URL(TEMPLATE_PATH, baseUrl);
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new ReportBuildError(`The report template could not be loaded from ${url.href}: ${error instanceof Error ? error.message : String(error)}.`);
  }
  if (!response.ok) {
    throw new ReportBuildError(
      `The report template is missing (${url.href} returned HTTP ${response.status}). Build the app with "npm run build", which also builds the template.`,
    );
  }
  return response.text();
}

/**
 * SHA-256 of a file as hex. Uses Web Crypto where the page has it (secure contexts: https and localhost),
 * else the plain TypeScript implementation, which is slower but gives the same digest.
 */
export async function digestFile(file: Blob): Promise<string> {
  const bytes = await file.arrayBuffer();
  const subtle = globalThis.crypto?.subtle;
  if (subtle) return toHex(new Uint8Array(await subtle.digest('SHA-256', bytes)));
  return toHex(sha256(new Uint8Array(bytes)));
}

/** Returns the name the ingest worker gives a file: its path inside a dropped folder, else its name. */
export function inputName(file: File): string {
  return file.webkitRelativePath || file.name;
}

export async function describeInputs(files: readonly File[]): Promise<InputFile[]> {
  return Promise.all(files.map(async (file) => ({ name: inputName(file), bytes: file.size, sha256: await digestFile(file) })));
}

/** Makes a file name from the title and the date: `q2-review-2024-05-01.html`. */
export function reportFileName(title: string, date: Date = new Date()): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'report'}-${date.toISOString().slice(0, 10)}.html`;
}

export function createBuildReportWorker(): Worker {
  return new Worker(new URL('./build-report-worker.ts', import.meta.url), { type: 'module', name: 'build-report' });
}

/** Sends one request to a fresh worker and returns the HTML. The worker is terminated either way. */
export function buildInWorker(request: BuildReportRequest, createWorker: () => Worker = createBuildReportWorker): Promise<{ html: Blob; findingCount: number }> {
  return new Promise((resolve, reject) => {
    const worker = createWorker();
    worker.onmessage = (message: MessageEvent<BuildReportResponse>) => {
      worker.terminate();
      const response = message.data;
      if (response.ok) resolve({ html: response.html, findingCount: response.findingCount });
      else reject(new ReportBuildError(`The report could not be built: ${response.message}`));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new ReportBuildError(`The report worker failed: ${event.message || 'no message'}. Reload the page and try again.`));
    };
    worker.postMessage(request);
  });
}

export interface BuildReportInput {
  baseUrl: string;
  dataset: Dataset;
  files: readonly File[];
  options: ReportOptions;
  /** Reads the raw records of findings that do not carry them (the app keeps them in the ingest worker). */
  rawRecords?: (findings: readonly Finding[]) => Promise<string[]>;
}

/** Fetches the template, digests the inputs, adds the raw records when asked, and builds the report. */
export async function buildReport(input: BuildReportInput, createWorker?: () => Worker): Promise<{ html: Blob; findingCount: number }> {
  const [template, inputs, dataset] = await Promise.all([
    fetchReportTemplate(input.baseUrl),
    describeInputs(input.files),
    withRawRecords(input.dataset, input.options.includeRaw ? input.rawRecords : undefined),
  ]);
  return buildInWorker({ template, dataset, inputs, options: input.options }, createWorker);
}

async function withRawRecords(dataset: Dataset, rawRecords: BuildReportInput['rawRecords']): Promise<Dataset> {
  if (!rawRecords) return dataset;
  const texts = await rawRecords(dataset.findings);
  return { ...dataset, findings: dataset.findings.map((finding, index) => ({ ...finding, raw: texts[index] })) };
}

/** Starts a browser download of `blob` named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has started once click() returns, so the object URL can go on the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
