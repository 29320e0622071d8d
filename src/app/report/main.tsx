/** Entry of the static report page (report.html): unpacks the embedded data, then renders the read-only views. */
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from '../lib/query-client';
import { ReportRoot } from './report-root';
import './report.css';

const container = document.getElementById('root');
if (!container) throw new Error('report.html has no element with id "root" to render the report into.');

createRoot(container).render(
  <StrictMode>
    {/* The detail panel reads raw records through React Query, as in the app. */}
    <QueryClientProvider client={createQueryClient()}>
      <ReportRoot />
    </QueryClientProvider>
  </StrictMode>,
);
