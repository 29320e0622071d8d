/** The work of the report worker, as a plain function so that tests can run it without a worker. */
import { renderReportHtml } from '../../report/html';
import { buildReportData } from '../../report/report-data';
import type { BuildReportRequest, BuildReportResponse } from './build-report-protocol';

export function runBuildReportJob(request: BuildReportRequest): BuildReportResponse {
  const { template, dataset, inputs, options } = request;
  try {
    const data = buildReportData(dataset, inputs, options);
    const html = new Blob([renderReportHtml(template, data)], { type: 'text/html;charset=utf-8' });
    return { ok: true, html, findingCount: data.findingCount };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
