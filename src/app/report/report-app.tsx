/**
 * The static report: the dashboard's overview, responsibility model, walled-garden and findings views, read
 * only, on one page that prints section by section, followed by where the data came from. Filters live in
 * the URL fragment (hash-state.ts); every chart and card that filters also scrolls to the findings.
 */
import { useCallback, type ReactNode } from 'react';
import type { Filters } from '../../analysis/filters';
import type { ReportContent } from '../../report/report-codec';
import { AppHeader, type NavItem } from '../components/app-header';
import { Button } from '../components/button';
import { FindingsView } from '../features/findings/findings-view';
import { Overview } from '../features/overview/overview';
import { ResponsibilityView } from '../features/responsibility/responsibility-view';
import { formatCount, plural } from '../lib/format';
import { WalledGardenView } from '../walled-garden/walled-garden-view';
import { useHashState } from './hash-state';
import { PrintFindings } from './print-findings';
import { ProvenanceView } from './provenance-view';
import { ReportIntro } from './report-intro';
import { usePrintInLightMode } from './use-print-light';

const SECTIONS = ['overview', 'responsibility', 'walled-garden', 'findings', 'provenance'] as const;
type SectionId = (typeof SECTIONS)[number];

const SECTION_LABELS: Record<SectionId, string> = {
  overview: 'Overview',
  responsibility: 'Responsibility model',
  'walled-garden': 'Walled garden',
  findings: 'Findings',
  provenance: 'Provenance',
};

function scrollToSection(id: SectionId): void {
  document.getElementById(`section-${id}`)?.scrollIntoView({ block: 'start' });
}

function ReportSection({ id, title, children }: { id: SectionId; title?: string; children: ReactNode }) {
  return (
    <section id={`section-${id}`} aria-label={SECTION_LABELS[id]} className="report-section scroll-mt-32 space-y-4">
      {title ? <h2 className="text-xl font-semibold text-slate-900 dark:text-slate-50">{title}</h2> : null}
      {children}
    </section>
  );
}

export function ReportApp({ content }: { content: ReportContent }) {
  usePrintInLightMode();
  const { query, setQuery, showFindings } = useHashState();
  const { findings, summary, provenance } = content;

  const showFiltered = useCallback(
    (filters: Partial<Filters>) => {
      showFindings(filters);
      scrollToSection('findings');
    },
    [showFindings],
  );

  const navItems: NavItem<SectionId>[] = SECTIONS.map((id) => ({
    id,
    label: SECTION_LABELS[id],
    badge: id === 'findings' ? formatCount(findings.length) : undefined,
  }));

  return (
    <div className="min-h-screen">
      <div className="contents print:hidden">
        <AppHeader
          items={navItems}
          current={null}
          onNavigate={scrollToSection}
          exports={
            <Button onClick={() => window.print()} title="Print the report or save it as PDF from the print dialog">
              Print or save as PDF
            </Button>
          }
        />
      </div>
      <main className="mx-auto max-w-screen-2xl space-y-10 px-4 py-6 print:max-w-none print:p-0">
        <ReportIntro content={content} />
        <ReportSection id="overview" title="Overview">
          <Overview findings={findings} summary={summary} onShowFindings={showFiltered} />
        </ReportSection>
        <ReportSection id="responsibility">
          <ResponsibilityView findings={findings} onShowFindings={showFiltered} />
        </ReportSection>
        <ReportSection id="walled-garden">
          <WalledGardenView
            findings={findings}
            counts={summary.walledGarden}
            onShowFindings={(practice) => showFiltered({ status: ['open'], practice: [practice] })}
          />
          {provenance.passedOmitted > 0 ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              Passed findings are not listed in this report, but each practice counts them.
            </p>
          ) : null}
        </ReportSection>
        <ReportSection id="findings" title="Findings">
          {provenance.passedOmitted > 0 ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              This report leaves out {plural(provenance.passedOmitted, 'passed finding')}; the totals above count them.
            </p>
          ) : null}
          <div className="print:hidden">
            <FindingsView findings={findings} query={query} onQueryChange={setQuery} />
          </div>
          <PrintFindings findings={findings} query={query} />
        </ReportSection>
        <ReportSection id="provenance" title="Provenance">
          <ProvenanceView content={content} />
        </ReportSection>
      </main>
    </div>
  );
}
