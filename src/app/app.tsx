/**
 * The app shell: wires the ingest job, the URL state and the views together. Features never import each
 * other, so everything they share passes through here as props.
 */
import { useCallback, useMemo, useState } from 'react';
import { applyFilters, hasFilters } from '../analysis/filters';
import { summarizeCounts } from '../analysis/summary';
import { AppHeader, type NavItem } from './components/app-header';
import { Panel } from './components/panel';
import { ErrorState } from './components/states';
import { FindingsView } from './features/findings/findings-view';
import { WindowDropZone } from './features/ingest/drop-zone';
import { FileAccounts } from './features/ingest/file-accounts';
import { FilePickers } from './features/ingest/file-pickers';
import { IngestProgress } from './features/ingest/ingest-progress';
import { useIngest } from './features/ingest/use-ingest';
import { Overview } from './features/overview/overview';
import { ResponsibilityView } from './features/responsibility/responsibility-view';
import { formatCount, plural } from './lib/format';
import { RawRecordContext } from './lib/raw-records';
import { useViewState, type ViewId } from './lib/view-state';
import { Landing } from './landing';
import { ExportControls } from './report/export-controls';
import { WalledGardenView } from './walled-garden/walled-garden-view';

export function App() {
  const ingest = useIngest();
  const { view: requestedView, query, showView, setQuery, showFindings } = useViewState();
  const [dropError, setDropError] = useState<string | null>(null);
  const { dataset, files } = ingest.result;
  // The walled-garden view runs its own rules, so the overview's summary skips them.
  const summary = useMemo(() => summarizeCounts(dataset), [dataset]);
  const hasData = files.length > 0;
  const view: ViewId = requestedView ?? 'overview';

  const { add } = ingest;
  const addFiles = useCallback(
    (added: File[]) => {
      setDropError(null);
      add(added);
    },
    [add],
  );

  const navItems: NavItem<ViewId>[] = [
    { id: 'overview', label: 'Overview' },
    { id: 'responsibility', label: 'Responsibility model' },
    { id: 'findings', label: 'Findings', badge: formatCount(summary.totals.findings) },
    { id: 'files', label: 'Files', badge: String(files.length) },
    { id: 'walled-garden', label: 'Walled garden' },
  ];

  const problems = (
    <>
      {ingest.error ? <ErrorState title="The files could not be read" message={ingest.error.message} /> : null}
      {dropError ? <ErrorState title="The drop could not be read" message={dropError} /> : null}
      {ingest.cancelled && !ingest.running ? (
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          Reading was cancelled; files finished before the cancel are kept.
        </p>
      ) : null}
      {ingest.progress ? <IngestProgress progress={ingest.progress} onCancel={ingest.cancel} /> : null}
    </>
  );

  return (
    <RawRecordContext value={ingest.rawRecords}>
      <div className="min-h-screen">
        <WindowDropZone onFiles={addFiles} onError={setDropError} />
        <AppHeader
          items={hasData ? navItems : []}
          current={hasData ? view : null}
          onNavigate={showView}
          exports={
            hasData ? (
              <ExportControls
                dataset={dataset}
                files={files.map((loaded) => loaded.file)}
                getFilteredFindings={() => applyFilters(dataset.findings, query.filters)}
              />
            ) : null
          }
        />
        <main className="mx-auto max-w-screen-2xl space-y-4 px-4 py-4">
          {!hasData ? (
            <Landing onFiles={addFiles}>
              {problems}
              {requestedView && requestedView !== 'overview' && (hasFilters(query.filters) || requestedView === 'findings') ? (
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  This link opens the {requestedView} view with its filters; load the same files to see it.
                </p>
              ) : null}
            </Landing>
          ) : (
            <>
              {problems}
              <UnreadableNotice count={summary.totals.unreadableFiles} onShow={() => showView('files')} />
              {view === 'overview' ? <Overview findings={dataset.findings} summary={summary} onShowFindings={showFindings} /> : null}
              {view === 'responsibility' ? <ResponsibilityView findings={dataset.findings} onShowFindings={showFindings} /> : null}
              {view === 'findings' ? <FindingsView findings={dataset.findings} query={query} onQueryChange={setQuery} /> : null}
              {view === 'files' ? (
                <Panel
                  title="Files"
                  description="What became of every record: findings, duplicates, and rejected records with the reason."
                  actions={<FilePickers onFiles={addFiles} />}
                >
                  <FileAccounts files={files} onRemove={ingest.remove} busy={ingest.running} />
                </Panel>
              ) : null}
              {view === 'walled-garden' ? (
                <WalledGardenView
                  findings={dataset.findings}
                  onShowFindings={(practice) => showFindings({ status: ['open'], practice: [practice] })}
                />
              ) : null}
            </>
          )}
        </main>
      </div>
    </RawRecordContext>
  );
}

function UnreadableNotice({ count, onShow }: { count: number; onShow: () => void }) {
  if (count === 0) return null;
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
      {plural(count, 'file')} could not be read or recognised.
      <button type="button" onClick={onShow} className="font-medium underline">
        See why in Files
      </button>
    </div>
  );
}
