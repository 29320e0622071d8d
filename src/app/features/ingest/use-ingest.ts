/**
 * The ingest job as a React Query mutation: one mutation per add, removal or rebuild, queued in one scope
 * so that the worker reads one job at a time. The latest finished dataset and the running job's progress
 * are kept here for the views.
 */
import { mutationOptions, useIsMutating, useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { Finding } from '../../../model/finding';
import { EMPTY_RESULT, IngestCancelledError, IngestClient, type IngestResult, type JobProgress } from './ingest-client';

export type IngestJob = { kind: 'add'; files: File[] } | { kind: 'remove'; fileId: number } | { kind: 'restore' };

const INGEST_KEY = ['ingest'] as const;

/** Vite bundles the worker from this exact `new Worker(new URL(...))` form as an ES module worker. */
export function createIngestWorker(): Worker {
  return new Worker(new URL('../../../ingest/worker.ts', import.meta.url), { type: 'module', name: 'ingest' });
}

export function runIngestJob(client: IngestClient, job: IngestJob, onProgress: (progress: JobProgress) => void): Promise<IngestResult> {
  switch (job.kind) {
    case 'add':
      return client.add(job.files, onProgress);
    case 'remove':
      return client.remove(job.fileId, onProgress);
    case 'restore':
      return client.restore(onProgress);
  }
}

export function ingestMutationOptions(client: IngestClient, onProgress: (progress: JobProgress) => void) {
  return mutationOptions({
    mutationKey: INGEST_KEY,
    scope: { id: 'ingest' },
    mutationFn: (job: IngestJob) => runIngestJob(client, job, onProgress),
  });
}

export interface Ingest {
  result: IngestResult;
  progress: JobProgress | null;
  running: boolean;
  /** The last job's failure; a cancel is not a failure. */
  error: Error | null;
  /** True after a cancel, until more files are added. */
  cancelled: boolean;
  add: (files: File[]) => void;
  remove: (fileId: number) => void;
  cancel: () => void;
  /** The raw records of findings of the current dataset, read by the worker that keeps them. */
  rawRecords: (findings: readonly Finding[]) => Promise<string[]>;
}

export function useIngest(): Ingest {
  const [client] = useState(() => new IngestClient(createIngestWorker));
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [result, setResult] = useState<IngestResult>(EMPTY_RESULT);
  const [cancelled, setCancelled] = useState(false);

  useEffect(() => () => client.dispose(), [client]);

  const mutation = useMutation({
    ...ingestMutationOptions(client, setProgress),
    onSuccess: setResult,
    onSettled: () => setProgress(null),
  });
  const running = useIsMutating({ mutationKey: INGEST_KEY }) > 0;
  const { mutate } = mutation;

  const add = useCallback(
    (files: File[]) => {
      if (files.length === 0) return;
      setCancelled(false);
      mutate({ kind: 'add', files });
    },
    [mutate],
  );
  const remove = useCallback((fileId: number) => mutate({ kind: 'remove', fileId }), [mutate]);
  const rawRecords = useCallback((findings: readonly Finding[]) => client.rawRecords(findings), [client]);
  const cancel = useCallback(() => {
    client.cancel();
    setCancelled(true);
    mutate({ kind: 'restore' });
  }, [client, mutate]);

  return {
    result,
    progress,
    running,
    error: mutation.error instanceof IngestCancelledError ? null : mutation.error,
    cancelled,
    add,
    remove,
    cancel,
    rawRecords,
  };
}
