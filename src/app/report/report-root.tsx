/**
 * Unpacks the embedded data after the first paint, so a large report shows "Opening the report" instead of
 * a blank page, then renders the report or explains why it cannot.
 */
import { useEffect, useState } from 'react';
import type { ReportContent } from '../../report/report-codec';
import { ErrorState, LoadingState } from '../components/states';
import { EmptyTemplateError, loadEmbeddedReport } from './load-report';
import { ReportApp } from './report-app';

type LoadState = { status: 'loading' } | { status: 'ready'; content: ReportContent } | { status: 'failed'; title: string; message: string };

export function ReportRoot() {
  const [state, setState] = useState<LoadState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    const fail = (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      const title = error instanceof EmptyTemplateError ? 'No report data in this file' : 'The report data could not be read';
      if (!cancelled) setState({ status: 'failed', title, message });
    };
    const timer = window.setTimeout(() => {
      loadEmbeddedReport(document).then((content) => {
        if (!cancelled) setState({ status: 'ready', content });
      }, fail);
    }, 0);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, []);

  switch (state.status) {
    case 'loading':
      return <LoadingState label="Opening the report…" />;
    case 'failed':
      return (
        <main className="mx-auto max-w-3xl p-6">
          <ErrorState title={state.title} message={state.message} />
        </main>
      );
    case 'ready':
      return <ReportApp content={state.content} />;
  }
}
