/** State of the current view and the findings table's filters and sort order, read from and written to the URL. */
import { useCallback, useMemo } from 'react';
import {
  emptyFilters,
  parseTableQuery,
  writeTableQuery,
  type Filters,
  type TableQuery,
} from '../../analysis/filters';
import { useSearchParams, type NavigateOptions } from './url-state';

export const VIEW_IDS = ['overview', 'responsibility', 'findings', 'files', 'walled-garden'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

const VIEW_PARAM = 'view';

function parseView(value: string | null): ViewId | null {
  return (VIEW_IDS as readonly string[]).includes(value ?? '') ? (value as ViewId) : null;
}

export interface ViewState {
  /** The view named in the URL, or null when the URL names none (the app then picks one). */
  view: ViewId | null;
  query: TableQuery;
  showView: (view: ViewId) => void;
  setQuery: (query: TableQuery, options?: NavigateOptions) => void;
  /** Opens the findings table filtered to exactly `filters` (other facets cleared). */
  showFindings: (filters: Partial<Filters>) => void;
}

export function useViewState(): ViewState {
  const [params, updateSearch] = useSearchParams();
  const view = parseView(params.get(VIEW_PARAM));
  const query = useMemo(() => parseTableQuery(params), [params]);

  const showView = useCallback(
    (next: ViewId) =>
      updateSearch((current) => {
        current.set(VIEW_PARAM, next);
        return current;
      }),
    [updateSearch],
  );

  const setQuery = useCallback(
    (next: TableQuery, options?: NavigateOptions) => updateSearch((current) => writeTableQuery(next, current), options),
    [updateSearch],
  );

  const showFindings = useCallback(
    (filters: Partial<Filters>) =>
      updateSearch((current) => {
        const next = writeTableQuery({ filters: { ...emptyFilters(), ...filters }, sort: parseTableQuery(current).sort }, current);
        next.set(VIEW_PARAM, 'findings');
        return next;
      }),
    [updateSearch],
  );

  return { view, query, showView, setQuery, showFindings };
}
