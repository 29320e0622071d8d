/** Free-text search, one menu per facet, and the active filters as removable chips. */
import { useMemo } from 'react';
import { countFacets } from '../../../analysis/aggregate';
import { emptyFilters, FACET_KEYS, hasFilters, toggleFacetValue, type Filters } from '../../../analysis/filters';
import type { Finding } from '../../../model/finding';
import { Button } from '../../components/button';
import { FACET_TITLES, facetLabel } from '../../lib/labels';
import { FacetMenu } from './facet-menu';

export function FilterBar({
  findings,
  filters,
  onChange,
}: {
  findings: readonly Finding[];
  filters: Filters;
  onChange: (filters: Filters, options?: { replace?: boolean }) => void;
}) {
  // Counted once per dataset, over all findings, so typing in the search box does not count again.
  const options = useMemo(() => countFacets(findings, FACET_KEYS), [findings]);
  const chips = FACET_KEYS.flatMap((key) => filters[key].map((value) => ({ key, value })));

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex min-w-64 flex-1 items-center gap-2">
          <span className="sr-only">Search findings</span>
          <input
            type="search"
            value={filters.text}
            placeholder="Search title, resource, id, CVE, reason…"
            onChange={(event) => onChange({ ...filters, text: event.target.value }, { replace: true })}
            className="w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm placeholder:text-slate-500 dark:border-slate-600 dark:bg-slate-800 dark:placeholder:text-slate-400"
          />
        </label>
        {FACET_KEYS.map((key) => (
          <FacetMenu
            key={key}
            facet={key}
            options={options[key]}
            selected={filters[key]}
            onToggle={(value) => onChange(toggleFacetValue(filters, key, value))}
          />
        ))}
      </div>
      {hasFilters(filters) ? (
        <ul aria-label="Active filters" className="flex flex-wrap items-center gap-2">
          {chips.map(({ key, value }) => (
            <li key={`${key}-${value}`}>
              <button
                type="button"
                onClick={() => onChange(toggleFacetValue(filters, key, value))}
                aria-label={`Remove filter ${FACET_TITLES[key]}: ${facetLabel(key, value)}`}
                className="inline-flex items-center gap-1 rounded-full bg-slate-200 px-2.5 py-0.5 text-xs text-slate-900 hover:bg-slate-300 dark:bg-slate-700 dark:text-slate-100 dark:hover:bg-slate-600"
              >
                <span className="text-slate-600 dark:text-slate-300">{FACET_TITLES[key]}:</span> {facetLabel(key, value)}
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
          <li>
            <Button variant="quiet" onClick={() => onChange(emptyFilters())}>
              Clear all filters
            </Button>
          </li>
        </ul>
      ) : null}
    </div>
  );
}

