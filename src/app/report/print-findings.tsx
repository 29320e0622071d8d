/**
 * The findings as a plain table for printing, in place of the scrolling table, which prints only the rows in
 * view. It lists the first rows of the filtered, sorted findings, and the HTML report contains them all.
 */
import { useMemo } from 'react';
import { applyFilters, sortFindings, type TableQuery } from '../../analysis/filters';
import type { Finding } from '../../model/finding';
import { LAYER_LABELS, SEVERITY_LABELS, STATUS_LABELS } from '../../model/vocabulary';
import { formatCount } from '../lib/format';
import { OWNER_SHORT_LABELS, serviceLabel } from '../lib/labels';

/** Fixed column widths, so a long ARN wraps inside its cell instead of pushing the table off the page. */
const COLUMN_WIDTHS = ['12%', '32%', '14%', '16%', '26%'];

/** Rows printed: about ten pages of findings. */
export const PRINTED_FINDINGS = 200;

export function PrintFindings({ findings, query }: { findings: readonly Finding[]; query: TableQuery }) {
  const rows = useMemo(() => sortFindings(applyFilters(findings, query.filters), query.sort), [findings, query]);
  const printed = rows.slice(0, PRINTED_FINDINGS);
  return (
    <div className="hidden print:block">
      <p className="mb-2 text-sm">
        {printed.length < rows.length
          ? `The first ${formatCount(printed.length)} of ${formatCount(rows.length)} findings that match the filters. The HTML report lists them all.`
          : `${formatCount(rows.length)} findings match the filters.`}
      </p>
      <table className="print-findings w-full table-fixed border-collapse text-left text-[9pt]">
        <colgroup>
          {COLUMN_WIDTHS.map((width, index) => (
            <col key={index} style={{ width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Severity, status</th>
            <th scope="col">Title</th>
            <th scope="col">Service</th>
            <th scope="col">Layer, owner</th>
            <th scope="col">Account, resource</th>
          </tr>
        </thead>
        <tbody>
          {printed.map((finding, index) => (
            <tr key={index}>
              <td>
                {SEVERITY_LABELS[finding.severity]}
                <br />
                {STATUS_LABELS[finding.status]}
              </td>
              <td className="break-words">{finding.title}</td>
              <td>{serviceLabel(finding.service)}</td>
              <td>
                {LAYER_LABELS[finding.layer]}
                <br />
                {OWNER_SHORT_LABELS[finding.owner]}
              </td>
              <td className="break-all">
                {finding.accountId ?? 'No account'}
                <br />
                {finding.resourceId ?? 'No resource'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
