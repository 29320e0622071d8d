/** The findings table with its filter bar and detail panel; filters and sort order come from the URL. */
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { hasFilters, sortedPositions, type Filters, type SortOrder, type TableQuery } from '../../../analysis/filters';
import { TableFilter } from '../../../analysis/table-filter';
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
  // The search index is built once per dataset, so that a search tests each distinct title, check or reason once.
  const tableFilter = useMemo(() => new TableFilter(findings), [findings]);
  // Sorted once per dataset and sort order: parsing the URL returns the same sort object for the same order,
  // so typing does not sort again. A filter change keeps this order.
  const order = useMemo(() => sortedPositions(findings, deferred.sort), [findings, deferred.sort]);
  const allSorted = useMemo(() => Array.from(order, (position) => findings[position]), [findings, order]);
  const sorted = useMemo(
    () => (hasFilters(deferred.filters) ? tableFilter.apply(deferred.filters, order) : allSorted),
    [tableFilter, order, allSorted, deferred.filters],
  );
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
