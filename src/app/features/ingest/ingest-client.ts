/**
 * The page's side of the ingest worker. The worker keeps the files it has read, so the client only sends
 * new files (`add`) or the full list to rebuild from (`reset`, after a removal or a cancel). Jobs run one at
 * a time because React Query's mutation scope queues them.
 */
import type { FileAccount } from '../../../ingest/account';
import type { Dataset } from '../../../ingest/dataset';
import type { IngestEvent, IngestRequest } from '../../../ingest/worker-protocol';

/** A file the worker has finished reading, with what became of its records. */
export interface LoadedFile {
  /** Page-local id, stable across rebuilds, used to remove the file again. */
  id: number;
  file: File;
  /** One account per document: several for a zip archive. */
  accounts: FileAccount[];
}

export interface IngestResult {
  dataset: Dataset;
  files: LoadedFile[];
}

export const EMPTY_RESULT: IngestResult = { dataset: { files: [], findings: [] }, files: [] };

/** Progress of one file in the running job. */
export interface FileProgress {
  name: string;
  size: number;
  bytesRead: number;
  records: number;
  findings: number;
  state: 'waiting' | 'reading' | 'done';
}

export interface JobProgress {
  jobId: number;
  files: FileProgress[];
}

export class IngestCancelledError extends Error {
  readonly code = 'cancelled';

  constructor() {
    super('Reading the files was cancelled. Files finished before the cancel are kept.');
    this.name = 'IngestCancelledError';
  }
}

/** A file queued in a job; files being read again after a removal keep their previous accounts. */
interface JobEntry {
  id: number;
  file: File;
  accounts?: FileAccount[];
}

interface ActiveJob {
  jobId: number;
  type: IngestRequest['type'];
  pending: JobEntry[];
  done: number;
  progress: JobProgress;
  onProgress: (progress: JobProgress) => void;
  resolve: (result: IngestResult) => void;
  reject: (error: Error) => void;
}

export type WorkerFactory = () => Worker;

export class IngestClient {
  private worker: Worker | null = null;
  private loaded: LoadedFile[] = [];
  private active: ActiveJob | null = null;
  private nextJobId = 1;
  private nextFileId = 1;

  constructor(private readonly createWorker: WorkerFactory) {}

  /** Reads more files into the current dataset. */
  add(files: readonly File[], onProgress: (progress: JobProgress) => void): Promise<IngestResult> {
    const entries = files.map((file) => ({ id: this.nextFileId++, file }));
    return this.run('add', entries, onProgress);
  }

  /** Rebuilds the dataset without one file. */
  remove(fileId: number, onProgress: (progress: JobProgress) => void): Promise<IngestResult> {
    const rest = this.loaded.filter((entry) => entry.id !== fileId);
    this.loaded = [];
    return this.run('reset', rest, onProgress);
  }

  /**
   * Rebuilds the dataset from the files that were finished before a cancel. The worker was terminated, so
   * a fresh one reads them again.
   */
  restore(onProgress: (progress: JobProgress) => void): Promise<IngestResult> {
    const kept = this.loaded;
    this.loaded = [];
    return this.run('reset', kept, onProgress);
  }

  /**
   * Stops the running job at once by terminating the worker, and rejects its promise with IngestCancelledError.
   * Files a cancelled rebuild had not reached yet count as finished, because they were read before.
   */
  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    const job = this.active;
    this.active = null;
    if (!job) return;
    if (job.type === 'reset') {
      for (const entry of job.pending.slice(job.done)) {
        if (entry.accounts) this.loaded.push({ id: entry.id, file: entry.file, accounts: entry.accounts });
      }
    }
    job.reject(new IngestCancelledError());
  }

  dispose(): void {
    this.cancel();
  }

  private run(
    type: IngestRequest['type'],
    entries: JobEntry[],
    onProgress: (progress: JobProgress) => void,
  ): Promise<IngestResult> {
    if (this.active) {
      return Promise.reject(new Error('An ingest job is still running; wait for it or cancel it first.'));
    }
    if (type === 'reset' && entries.length === 0) {
      // Nothing to read: skip the worker round trip, but drop its state so the next `add` starts clean.
      this.worker?.terminate();
      this.worker = null;
      return Promise.resolve(EMPTY_RESULT);
    }

    const jobId = this.nextJobId++;
    const progress: JobProgress = {
      jobId,
      files: entries.map(({ file }) => ({
        name: file.webkitRelativePath || file.name,
        size: file.size,
        bytesRead: 0,
        records: 0,
        findings: 0,
        state: 'waiting',
      })),
    };
    onProgress(progress);

    return new Promise<IngestResult>((resolve, reject) => {
      this.active = { jobId, type, pending: entries, done: 0, progress, onProgress, resolve, reject };
      const request: IngestRequest = { type, jobId, files: entries.map((entry) => entry.file) };
      this.ensureWorker().postMessage(request);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.onmessage = (message: MessageEvent<IngestEvent>) => this.handle(message.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.fail(`The ingest worker stopped: ${event.message || 'it could not be loaded'}. Reload the page and try again.`);
    };
    worker.onmessageerror = () => this.fail('A message from the ingest worker could not be read. Reload the page and try again.');
    this.worker = worker;
    return worker;
  }

  private fail(message: string): void {
    this.worker?.terminate();
    this.worker = null;
    const job = this.active;
    this.active = null;
    job?.reject(new Error(message));
  }

  private handle(event: IngestEvent): void {
    const job = this.active;
    if (!job || event.jobId !== job.jobId) return;

    switch (event.type) {
      case 'progress':
        this.updateCurrent(job, (file) => ({
          ...file,
          state: 'reading',
          bytesRead: event.bytesRead,
          records: event.records,
          findings: event.findings,
        }));
        return;
      case 'file-done': {
        const entry = job.pending[job.done];
        if (entry) this.loaded.push({ id: entry.id, file: entry.file, accounts: event.accounts });
        this.updateCurrent(job, (file) => ({
          ...file,
          state: 'done',
          bytesRead: file.size,
          records: sum(event.accounts, 'records'),
          findings: sum(event.accounts, 'findings'),
        }));
        job.done++;
        return;
      }
      case 'done':
        this.active = null;
        job.resolve({ dataset: event.dataset, files: [...this.loaded] });
        return;
      case 'failed':
        this.fail(`Reading the files failed: ${event.message}`);
        return;
    }
  }

  private updateCurrent(job: ActiveJob, change: (file: FileProgress) => FileProgress): void {
    const files = job.progress.files.map((file, index) => (index === job.done ? change(file) : file));
    job.progress = { ...job.progress, files };
    job.onProgress(job.progress);
  }
}

function sum(accounts: readonly FileAccount[], key: 'records' | 'findings'): number {
  return accounts.reduce((total, account) => total + account[key], 0);
}
