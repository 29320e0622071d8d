/** CSV and JSON downloads of the findings the table currently shows (after filters), made in the browser. */
import type { Finding } from '../../../model/finding';
import { exportChunks, type ExportFormat } from '../../../report/export';
import { Button } from '../../components/button';

const MIME: Record<Extract<ExportFormat, 'csv' | 'json'>, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
};

function download(findings: readonly Finding[], format: 'csv' | 'json'): void {
  const blob = new Blob([...exportChunks(findings, format)], { type: MIME[format] });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `findings.${format}`;
  link.click();
  // Revoked later rather than at once, because a browser may read the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function ExportButtons({ getFindings, disabled }: { getFindings: () => readonly Finding[]; disabled: boolean }) {
  return (
    <div role="group" aria-label="Export the filtered findings" className="flex gap-1">
      <Button disabled={disabled} onClick={() => download(getFindings(), 'csv')} title="Download the findings that match the filters as CSV">
        CSV
      </Button>
      <Button disabled={disabled} onClick={() => download(getFindings(), 'json')} title="Download the findings that match the filters as JSON">
        JSON
      </Button>
    </div>
  );
}
