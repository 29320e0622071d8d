import { QueryClient } from '@tanstack/react-query';

/**
 * Everything the app loads is local (the worker, the bundled samples), so there is nothing to refetch on
 * focus or reconnect, and a failure is reported instead of retried.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}
