/** Reads the report's embedded data element and unpacks it. */
import { REPORT_DATA_ELEMENT_ID } from '../../report/html';
import { decodeReportAsync, inflateWithStreams, ReportDataError, type ReportContent } from '../../report/report-codec';

/** Thrown for the bare template, which has an empty data element: it was opened without being filled. */
export class EmptyTemplateError extends Error {
  override name = 'EmptyTemplateError';

  constructor() {
    super('This file is the empty report template. Build a report with "srd report FILE... -o report.html" or the Report button of the dashboard.');
  }
}

export async function loadEmbeddedReport(doc: Document): Promise<ReportContent> {
  const element = doc.getElementById(REPORT_DATA_ELEMENT_ID);
  if (!element) throw new ReportDataError(`the page has no element with id "${REPORT_DATA_ELEMENT_ID}"; it was not built from the report template`);
  const payload = element.textContent ?? '';
  if (!/\S/.test(payload)) throw new EmptyTemplateError();
  return decodeReportAsync(payload, inflateWithStreams);
}
