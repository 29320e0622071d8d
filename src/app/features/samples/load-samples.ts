/**
 * The bundled sample exports (public/samples, written by scripts/generate-samples.ts), fetched from the
 * app's own origin and turned into File objects, so they go through the same worker as dropped files.
 */
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

export interface SampleEntry {
  file: string;
  title: string;
  description: string;
}

/** Relative to the page, so the samples load wherever the built app is served from. */
const SAMPLES_BASE = 'samples/';

async function fetchOk(path: string): Promise<Response> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path} could not be loaded (HTTP ${response.status}). Rebuild the app with the samples in public/samples.`);
  return response;
}

function isSampleEntry(value: unknown): value is SampleEntry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.file === 'string' && /^[\w.-]+$/.test(entry.file) && typeof entry.title === 'string';
}

export async function loadSampleFiles(): Promise<File[]> {
  const index: unknown = await (await fetchOk(`${SAMPLES_BASE}index.json`)).json();
  if (!Array.isArray(index) || !index.every(isSampleEntry)) {
    throw new Error(`${SAMPLES_BASE}index.json is not a list of sample files. Run scripts/generate-samples.ts again.`);
  }
  return Promise.all(
    index.map(async (entry) => {
      const blob = await (await fetchOk(`${SAMPLES_BASE}${entry.file}`)).blob();
      return new File([blob], entry.file, { type: 'application/json' });
    }),
  );
}

export function samplesQueryOptions() {
  return queryOptions({ queryKey: ['samples'], queryFn: loadSampleFiles, staleTime: Infinity });
}

/**
 * The sample query without an automatic fetch: `load` fetches on request (or returns the cached files),
 * and `query` carries its loading and error state.
 */
export function useSampleFiles() {
  const queryClient = useQueryClient();
  const query = useQuery({ ...samplesQueryOptions(), enabled: false });
  const load = useCallback(() => queryClient.fetchQuery(samplesQueryOptions()), [queryClient]);
  return { query, load };
}
