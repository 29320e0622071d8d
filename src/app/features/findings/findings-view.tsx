/** The findings table with its filter bar and detail panel; filters and sort order come from the URL. */
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { applyFilters, sortFindings, type Filters, type SortOrder, type TableQuery } from '../../../analysis/filters';
import type { Finding } from '../../../model/finding';
import { EmptyState } from '../../components/states';
import { formatCount } from '../../lib/format';
import { FilterBar } from './filter-bar';
import { FindingDetail } from './finding-detail';
import { FindingsTable } from './findings-table';

export function FindingsView({
  findings,
  query,
  onQueryChange,
}: {
  findings: readonly Finding[];
  query: TableQuery;
  onQueryChange: (query: TableQuery, options?: { replace?: boolean }) => void;
}) {
  // Typing in the search box stays responsive: filtering 100k findings runs at lower priority.
  const deferred = useDeferredValue(query);
  // Sorted once per sort order; a filter change only filters the sorted list, which keeps its order.
  const allSorted = useMemo(() => sortFindings(findings, deferred.sort), [findings, deferred.sort]);
  const sorted = useMemo(() => applyFilters(allSorted, deferred.filters), [allSorted, deferred.filters]);
  const [selected, setSelected] = useState<{ finding: Finding; index: number } | null>(null);
  const tableRef = useRef<HTMLDivElement>(null);

  const setFilters = (filters: Filters, options?: { replace?: boolean }) => onQueryChange({ ...query, filters }, options);
  const setSort = (sort: SortOrder) => onQueryChange({ ...query, sort });

  const close = useCallback(() => {
    const index = selected?.index;
    setSelected(null);
    // Focus goes back to the row the panel was opened from, when it is still rendered.
    requestAnimationFrame(() => tableRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus());
  }, [selected]);

  return (
    <div className="space-y-3">
      <FilterBar findings={findings} filters={query.filters} onChange={setFilters} />
      <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
        Showing <span data-testid="visible-count" className="font-semibold tabular-nums text-slate-900 dark:text-slate-100">{formatCount(sorted.length)}</span> of{' '}
        {formatCount(findings.length)} findings
        {deferred !== query ? ' (updating…)' : ''}
      </p>
      <div ref={tableRef}>
        {sorted.length === 0 ? (
          <EmptyState title="No findings match these filters">Remove a filter or clear them all to see more.</EmptyState>
        ) : (
          <FindingsTable
            findings={sorted}
            sort={query.sort}
            onSort={setSort}
            selected={selected?.finding ?? null}
            onSelect={(finding, index) => setSelected({ finding, index })}
          />
        )}
      </div>
      {selected ? <FindingDetail finding={selected.finding} onClose={close} /> : null}
    </div>
  );
}
