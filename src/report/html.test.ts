import { describe, expect, it } from 'vitest';
import { testFinding } from '../model/test-finding';
import { REPORT_CONTENT_SECURITY_POLICY, REPORT_DATA_ELEMENT, renderReportHtml, ReportTemplateError } from './html';
import { decodeReport } from './report-codec';
import { buildReportData, DEFAULT_REPORT_OPTIONS, type ReportData } from './report-data';

const TEMPLATE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'" />
    <title>Shared responsibility report</title>
    <script type="module">console.log('page code')</script>
  </head>
  <body>
    <div id="root"></div>
    ${REPORT_DATA_ELEMENT}</script>
  </body>
</html>`;

const HOSTILE_TITLE = '</script><script>alert(1)</script>\u2028\u2029<!--';

function hostileData(title = 'Report'): ReportData {
  const finding = testFinding({
    title: HOSTILE_TITLE,
    description: '<img src=x onerror=alert(2)> and \u2028 line separator',
    raw: JSON.stringify({ Title: HOSTILE_TITLE }),
  });
  return buildReportData({ files: [], findings: [finding] }, [], { ...DEFAULT_REPORT_OPTIONS, includeRaw: true, title });
}

function embeddedPayload(html: string): string {
  const start = html.indexOf(REPORT_DATA_ELEMENT) + REPORT_DATA_ELEMENT.length;
  return html.slice(start, html.indexOf('</script>', start));
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('renderReportHtml', () => {
  it('embeds the payload in the data element', () => {
    const data = hostileData();
    const html = renderReportHtml(TEMPLATE, data);
    expect(embeddedPayload(html)).toBe(data.payload);
  });

  it('keeps a hostile finding inert', () => {
    const html = renderReportHtml(TEMPLATE, hostileData());
    expect(count(html, '<script')).toBe(count(TEMPLATE, '<script'));
    expect(count(html, '</script>')).toBe(count(TEMPLATE, '</script>'));
    expect(html).not.toContain('alert(');
    expect(html).not.toContain('onerror');
    expect(html).not.toMatch(/[\u2028\u2029]/);
  });

  it('gives the hostile text back unchanged', () => {
    const html = renderReportHtml(TEMPLATE, hostileData());
    const [finding] = decodeReport(embeddedPayload(html)).findings;
    expect(finding.title).toBe(HOSTILE_TITLE);
    expect(finding.description).toBe('<img src=x onerror=alert(2)> and \u2028 line separator');
    expect(JSON.parse(finding.raw)).toEqual({ Title: HOSTILE_TITLE });
  });

  it('escapes the page title', () => {
    const html = renderReportHtml(TEMPLATE, hostileData(`${HOSTILE_TITLE} & "quotes" $& $1`));
    expect(html).toContain('<title>&#60;/script&#62;&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('&#38; &#34;quotes&#34; $&#38; $1</title>');
    expect(count(html, '<title>')).toBe(1);
    expect(count(html, '<script')).toBe(count(TEMPLATE, '<script'));
  });

  it('puts the strict policy first', () => {
    const html = renderReportHtml(TEMPLATE, hostileData());
    const policy = `<meta http-equiv="Content-Security-Policy" content="${REPORT_CONTENT_SECURITY_POLICY}">`;
    expect(html).toContain(`<meta charset="UTF-8" />${policy}`);
    expect(count(html.toLowerCase(), 'content-security-policy')).toBe(1);
    expect(html.indexOf(policy)).toBeLessThan(html.indexOf('<script'));
  });

  it('forbids every request', () => {
    expect(REPORT_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(REPORT_CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(REPORT_CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|'self'|blob:/);
  });

  it('rejects a template without the data element', () => {
    expect(() => renderReportHtml('<html><head></head><body></body></html>', hostileData())).toThrow(ReportTemplateError);
  });

  it('rejects a filled report as template', () => {
    const report = renderReportHtml(TEMPLATE, hostileData());
    expect(() => renderReportHtml(`${report}${REPORT_DATA_ELEMENT}</script>`, hostileData())).toThrow(/more than one/);
  });

  it('rejects a payload that could end its element', () => {
    for (const payload of ['</script>', 'a\nb', 'a\rb', 'a\u0000b']) {
      expect(() => renderReportHtml(TEMPLATE, { title: 'x', payload, findingCount: 0 })).toThrow(/contains a line break, NUL or "<"/);
    }
  });
});
