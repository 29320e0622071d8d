/**
 * The overview: headline totals and where the open risks sit (category and severity, owner, services,
 * controls and checks, accounts, regions). Every chart opens the findings table filtered to what was clicked.
 */
import { useMemo } from 'react';
import { aggregateOpenRisks, categorySeverityRows, topEntries, topRules } from '../../../analysis/aggregate';
import type { Filters } from '../../../analysis/filters';
import type { SummaryCounts } from '../../../analysis/summary';
import type { Finding } from '../../../model/finding';
import { Panel } from '../../components/panel';
import { RankedBarChart } from '../../components/ranked-bar-chart';
import { EmptyState } from '../../components/states';
import { facetLabel } from '../../lib/labels';
import { CategorySeverityChart } from './category-severity-chart';
import { OwnerChart } from './owner-chart';
import { Totals } from './totals';

/** Rows per ranked chart: enough to act on, few enough to read. */
const TOP = 10;

export function Overview({
  findings,
  summary,
  onShowFindings,
}: {
  findings: readonly Finding[];
  summary: SummaryCounts;
  onShowFindings: (filters: Partial<Filters>) => void;
}) {
  const aggregates = useMemo(() => aggregateOpenRisks(findings), [findings]);
  const services = topEntries(aggregates.byService, TOP).map((entry) => ({ ...entry, label: facetLabel('service', entry.key) }));
  const accounts = topEntries(aggregates.byAccount, TOP).map((entry) => ({ ...entry, label: facetLabel('account', entry.key) }));
  const regions = topEntries(aggregates.byRegion, TOP).map((entry) => ({ ...entry, label: facetLabel('region', entry.key) }));
  const rules = topRules(aggregates.byRule, TOP);
  const ruleRows = rules.map((rule) => ({ key: rule.id, label: `${rule.id} · ${rule.title}`, count: rule.count }));

  return (
    <div className="space-y-4">
      <Totals summary={summary} onShowFindings={onShowFindings} />
      {aggregates.total === 0 && summary.totals.findings === 0 ? (
        <EmptyState title="No findings in these files">
          The files hold no findings that could be read. The Files view says what became of each record.
        </EmptyState>
      ) : null}
      {aggregates.total === 0 && summary.totals.findings > 0 ? (
        <EmptyState title="No open risks in these files">
          Every finding has passed, been suppressed or resolved, or has an unknown status.
        </EmptyState>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-3">
        <Panel title="Open risks by category and severity" description="Service categories of the AWS Shared Responsibility Model" className="lg:col-span-2">
          <CategorySeverityChart rows={categorySeverityRows(aggregates)} onShowFindings={onShowFindings} />
        </Panel>
        <Panel title="Open risks by owner" description="Who owns the layer each risk sits on">
          <OwnerChart byOwner={aggregates.byOwner} onShowFindings={onShowFindings} />
        </Panel>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title="Top services" description={`The ${TOP} services with the most open risks`}>
          <RankedBarChart rows={services} emptyTitle="No open risks" onSelect={(key) => onShowFindings({ status: ['open'], service: [key] })} />
        </Panel>
        <Panel title="Top failing controls and checks" description="Security Hub controls and tool checks with the most open risks">
          <RankedBarChart rows={ruleRows} emptyTitle="No open risk names a control or check" labelWidth={230} onSelect={(key) => onShowFindings({ status: ['open'], check: [key] })} />
        </Panel>
        <Panel title="Accounts" description="Open risks per AWS account">
          <RankedBarChart rows={accounts} emptyTitle="No open risks" labelWidth={120} onSelect={(key) => onShowFindings({ status: ['open'], account: [key] })} />
        </Panel>
        <Panel title="Regions" description="Open risks per AWS Region">
          <RankedBarChart rows={regions} emptyTitle="No open risks" labelWidth={120} onSelect={(key) => onShowFindings({ status: ['open'], region: [key] })} />
        </Panel>
      </div>
    </div>
  );
}
