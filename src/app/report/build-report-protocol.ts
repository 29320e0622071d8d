/** Messages between the page and the worker that builds a report (build-report-worker.ts). */
import type { Dataset } from '../../ingest/dataset';
import type { InputFile } from '../../report/report-codec';
import type { ReportOptions } from '../../report/report-data';

export interface BuildReportRequest {
  template: string;
  dataset: Dataset;
  inputs: InputFile[];
  options: ReportOptions;
}

export type BuildReportResponse = { ok: true; html: Blob; findingCount: number } | { ok: false; message: string };
