/**
 * The header's export controls: "Report" opens the options of the static HTML report and downloads it, and
 * CSV and JSON download the findings that match the current filters. Mount it in the app header:
 * `<ExportControls dataset={dataset} files={files.map((loaded) => loaded.file)} getFilteredFindings={...} />`.
 */
import { useContext, useState } from 'react';
import type { Dataset } from '../../ingest/dataset';
import type { Finding } from '../../model/finding';
import { exportText, type ExportFormat } from '../../report/export';
import type { ReportOptions } from '../../report/report-data';
import { Button } from '../components/button';
import { RawRecordContext } from '../lib/raw-records';
import { buildReport, downloadBlob, reportFileName } from './build-report';
import { ReportDialog, type BuildState } from './report-dialog';

const DOWNLOADS: Record<Extract<ExportFormat, 'csv' | 'json'>, { type: string; label: string }> = {
  csv: { type: 'text/csv;charset=utf-8', label: 'CSV' },
  json: { type: 'application/json', label: 'JSON' },
};

export function ExportControls({
  dataset,
  files,
  getFilteredFindings,
}: {
  dataset: Dataset;
  /** The input files as the user chose them, for their names and SHA-256 digests in the report. */
  files: readonly File[];
  getFilteredFindings: () => readonly Finding[];
}) {
  const [dialogOpen, setDialogOpen] = useState(false);
  const [state, setState] = useState<BuildState>({ status: 'idle' });
  const rawRecords = useContext(RawRecordContext);
  const empty = dataset.files.length === 0;

  const download = async (options: ReportOptions) => {
    setState({ status: 'building' });
    try {
      const { html } = await buildReport({ baseUrl: document.baseURI, dataset, files, options, rawRecords });
      downloadBlob(html, reportFileName(options.title));
      setState({ status: 'idle' });
      setDialogOpen(false);
    } catch (error) {
      setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const exportFiltered = (format: 'csv' | 'json') => {
    const blob = new Blob([exportText(getFilteredFindings(), format)], { type: DOWNLOADS[format].type });
    downloadBlob(blob, `findings.${format}`);
  };

  return (
    <div role="group" aria-label="Export" className="flex gap-1">
      <Button
        data-testid="export-report"
        variant="primary"
        disabled={empty}
        onClick={() => {
          setState({ status: 'idle' });
          setDialogOpen(true);
        }}
        title="Download a self-contained HTML report that opens offline"
      >
        Report
      </Button>
      {(['csv', 'json'] as const).map((format) => (
        <Button
          key={format}
          disabled={dataset.findings.length === 0}
          onClick={() => exportFiltered(format)}
          title={`Download the findings that match the filters as ${DOWNLOADS[format].label}`}
        >
          {DOWNLOADS[format].label}
        </Button>
      ))}
      <ReportDialog open={dialogOpen} state={state} onSubmit={download} onClose={() => setDialogOpen(false)} />
    </div>
  );
}
