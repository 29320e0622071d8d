/**
 * Turns the prebuilt single-file report template into a report. It puts the packed data into the template's
 * data element, sets the title and enforces a Content-Security-Policy that forbids every network request. Text is
 * spliced with index arithmetic, never with `String.replace` patterns, so `$&` in a title stays literal.
 */
import type { ReportData } from './report-data';

/** Id of the `<script type="application/octet-stream">` element that carries the packed data (report-codec.ts). */
export const REPORT_DATA_ELEMENT_ID = 'srd-report-data';

/** The empty data element as the template (report.html) writes it. */
export const REPORT_DATA_ELEMENT = `<script type="application/octet-stream" id="${REPORT_DATA_ELEMENT_ID}">`;

/**
 * The report runs its own inline script and styles, and embeds images and fonts as data: URLs. The browser
 * blocks everything else: any fetch, frame, form or base URL.
 */
export const REPORT_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'unsafe-inline'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  'font-src data:',
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Thrown when the template lacks what the report needs, e.g. a template built from another report.html. */
export class ReportTemplateError extends Error {
  override name = 'ReportTemplateError';
}

/** Characters the packed data never contains: each could end the data element or be changed on the way. */
const UNSAFE_IN_DATA = ['\u0000', '\n', '\r', '<', '\u2028', '\u2029'];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export function renderReportHtml(template: string, data: ReportData): string {
  if (UNSAFE_IN_DATA.some((character) => data.payload.includes(character))) {
    throw new ReportTemplateError('the report data contains a line break, NUL or "<"; it must be packed with encodeReport');
  }
  let html = withData(template, data.payload);
  html = withTitle(html, data.title);
  return withContentSecurityPolicy(html);
}

function withData(template: string, payload: string): string {
  const start = template.indexOf(REPORT_DATA_ELEMENT);
  if (start === -1) throw new ReportTemplateError(`the template has no ${REPORT_DATA_ELEMENT} element; rebuild it with npm run build:report`);
  if (template.indexOf(REPORT_DATA_ELEMENT, start + 1) !== -1) {
    throw new ReportTemplateError(`the template has more than one ${REPORT_DATA_ELEMENT} element; pass the empty template, not a report`);
  }
  const contentStart = start + REPORT_DATA_ELEMENT.length;
  const contentEnd = template.indexOf('</script>', contentStart);
  if (contentEnd === -1) throw new ReportTemplateError('the data element of the template is not closed');
  return template.slice(0, contentStart) + payload + template.slice(contentEnd);
}

function withTitle(html: string, title: string): string {
  const element = `<title>${escapeHtml(title)}</title>`;
  const match = /<title>[\s\S]*?<\/title>/i.exec(html);
  if (match) return html.slice(0, match.index) + element + html.slice(match.index + match[0].length);
  return insertIntoHead(html, element);
}

/** Removes every CSP meta element of the template and puts the report's policy first in <head>. */
function withContentSecurityPolicy(html: string): string {
  const withoutPolicies = html.replace(/<meta\s[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>\s*/gi, () => '');
  return insertIntoHead(withoutPolicies, `<meta http-equiv="Content-Security-Policy" content="${REPORT_CONTENT_SECURITY_POLICY}">`);
}

/** Inserts after `<meta charset>` when present, so the charset stays in the first 1024 bytes, else after `<head>`. */
function insertIntoHead(html: string, element: string): string {
  const anchor = /<meta\s+charset\s*=[^>]*>/i.exec(html) ?? /<head(?:\s[^>]*)?>/i.exec(html);
  if (!anchor) throw new ReportTemplateError('the template has no <head> element');
  const at = anchor.index + anchor[0].length;
  return html.slice(0, at) + element + html.slice(at);
}
