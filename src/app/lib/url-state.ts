/**
 * The query string as React state. Views, filters and sort order live in the URL so that a copied link
 * reproduces the view, and the browser's back and forward buttons move between views.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';

/** history.pushState fires no event, so writes announce themselves with this one. */
const NAVIGATION_EVENT = 'srd:navigation';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATION_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATION_EVENT, onChange);
  };
}

function readSearch(): string {
  return window.location.search;
}

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (for typing into a search box). */
  replace?: boolean;
}

export type UpdateSearch = (update: (params: URLSearchParams) => URLSearchParams, options?: NavigateOptions) => void;

export function useSearchParams(): [URLSearchParams, UpdateSearch] {
  const search = useSyncExternalStore(subscribe, readSearch);
  const params = useMemo(() => new URLSearchParams(search), [search]);

  const update = useCallback<UpdateSearch>((change, options = {}) => {
    const next = change(new URLSearchParams(window.location.search)).toString();
    const url = `${window.location.pathname}${next ? `?${next}` : ''}${window.location.hash}`;
    if (options.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    window.dispatchEvent(new Event(NAVIGATION_EVENT));
  }, []);

  return [params, update];
}
