/**
 * The report's filters and sort order, kept in the URL fragment (`#status=open&sort=-title`) because a report
 * opened from file:// has no server to keep a query string for, and a copied link with the fragment reopens
 * the same view. The fragment uses the same parameters as the app's query string.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { emptyFilters, parseTableQuery, writeTableQuery, type Filters, type TableQuery } from '../../analysis/filters';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function readHash(): string {
  return window.location.hash.replace(/^#/, '');
}

export interface HashState {
  query: TableQuery;
  setQuery: (query: TableQuery, options?: { replace?: boolean }) => void;
  /** Filters the table to exactly `filters`, with the other facets cleared and the sort order kept. */
  showFindings: (filters: Partial<Filters>) => void;
}

/**
 * Writes the fragment. `location.replace` changes it without a new history entry (for typing into the search
 * box). Both forms fire `hashchange`, which updates every reader.
 */
function writeHash(params: URLSearchParams, replace: boolean): void {
  const fragment = `#${params.toString()}`;
  if (replace) window.location.replace(fragment);
  else window.location.hash = fragment;
}

export function useHashState(): HashState {
  const hash = useSyncExternalStore(subscribe, readHash);
  const query = useMemo(() => parseTableQuery(new URLSearchParams(hash)), [hash]);

  const setQuery = useCallback((next: TableQuery, options: { replace?: boolean } = {}) => {
    writeHash(writeTableQuery(next, new URLSearchParams(readHash())), options.replace ?? false);
  }, []);

  const showFindings = useCallback((filters: Partial<Filters>) => {
    const current = new URLSearchParams(readHash());
    writeHash(writeTableQuery({ filters: { ...emptyFilters(), ...filters }, sort: parseTableQuery(current).sort }, current), false);
  }, []);

  return { query, setQuery, showFindings };
}
