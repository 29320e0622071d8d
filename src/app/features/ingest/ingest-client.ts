/**
 * The page's side of the ingest worker. The worker keeps the files it has read, so the client only sends
 * new files (`add`) or the full list to rebuild from (`reset`, after a removal or a cancel). Jobs run one at
 * a time because React Query's mutation scope queues them.
 */
import type { FileAccount } from '../../../ingest/account';
import type { Dataset } from '../../../ingest/dataset';
import { StringPool } from '../../../ingest/string-pool';
import type { IngestEvent, IngestRequest } from '../../../ingest/worker-protocol';
import type { Finding } from '../../../model/finding';

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
  type: JobRequest['type'];
  pending: JobEntry[];
  done: number;
  progress: JobProgress;
  onProgress: (progress: JobProgress) => void;
  resolve: (result: IngestResult) => void;
  reject: (error: Error) => void;
}

export type WorkerFactory = () => Worker;

type JobRequest = Extract<IngestRequest, { jobId: number }>;

interface RawRequest {
  resolve: (texts: string[]) => void;
  reject: (error: Error) => void;
}

export class IngestClient {
  private worker: Worker | null = null;
  private loaded: LoadedFile[] = [];
  private active: ActiveJob | null = null;
  private nextJobId = 1;
  private nextFileId = 1;
  /** The worker's findings as they arrive, by dataset index. */
  private findings: Finding[] = [];
  /** Dataset index of each finding, for asking the worker for its raw record. */
  private indexOf = new WeakMap<Finding, number>();
  /** Every finding a worker of this client sent, including those of datasets since rebuilt. */
  private readonly received = new WeakSet<Finding>();
  private strings = new StringPool();
  private nextRequestId = 1;
  private readonly rawRequests = new Map<number, RawRequest>();

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

  /**
   * Returns the masked raw records of `findings`, in order, read by the worker that keeps them. A finding
   * that did not come from this client's worker (a report, a test) gives its own `raw`.
   */
  rawRecords(findings: readonly Finding[]): Promise<string[]> {
    if (!findings.some((finding) => this.received.has(finding))) return Promise.resolve(findings.map((finding) => finding.raw));
    const indexes = findings.map((finding) => this.indexOf.get(finding));
    if (indexes.some((index) => index === undefined) || !this.worker) {
      return Promise.reject(new Error('The raw records are not available while the files are read again. Try again when reading has finished.'));
    }
    const requestId = this.nextRequestId++;
    const worker = this.worker;
    return new Promise<string[]>((resolve, reject) => {
      this.rawRequests.set(requestId, { resolve, reject });
      const request: IngestRequest = { type: 'raw', requestId, indexes: indexes as number[] };
      worker.postMessage(request);
    });
  }

  private run(
    type: JobRequest['type'],
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
      this.forgetFindings();
      return Promise.resolve(EMPTY_RESULT);
    }

    if (type === 'reset') this.forgetFindings();
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

  /** Drops the findings of a worker that is gone or rebuilding, and fails raw requests still waiting. */
  private forgetFindings(): void {
    this.findings = [];
    this.indexOf = new WeakMap();
    this.strings = new StringPool();
    for (const request of this.rawRequests.values()) {
      request.reject(new Error('The files are being read again, so the raw record request was dropped. Try again when reading has finished.'));
    }
    this.rawRequests.clear();
  }

  private receiveFindings(start: number, added: Finding[], replaced: [number, Finding][]): void {
    added.forEach((finding, offset) => this.putFinding(start + offset, finding));
    for (const [index, finding] of replaced) this.putFinding(index, finding);
  }

  private putFinding(index: number, finding: Finding): void {
    this.findings[index] = this.strings.shareFinding(finding);
    this.indexOf.set(finding, index);
    this.received.add(finding);
  }

  private answerRaw(requestId: number, texts: string[] | null, message = ''): void {
    const request = this.rawRequests.get(requestId);
    if (!request) return;
    this.rawRequests.delete(requestId);
    if (texts) request.resolve(texts);
    else request.reject(new Error(`The raw record could not be read: ${message}`));
  }

  private fail(message: string): void {
    this.worker?.terminate();
    this.worker = null;
    const job = this.active;
    this.active = null;
    job?.reject(new Error(message));
  }

  private handle(event: IngestEvent): void {
    if (event.type === 'raw' || event.type === 'raw-failed') {
      if (event.type === 'raw') this.answerRaw(event.requestId, event.texts);
      else this.answerRaw(event.requestId, null, event.message);
      return;
    }
    const job = this.active;
    if (!job || event.jobId !== job.jobId) return;

    switch (event.type) {
      case 'findings':
        this.receiveFindings(event.start, event.added, event.replaced);
        return;
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
        job.resolve({ dataset: { files: event.files, findings: this.findings.slice() }, files: [...this.loaded] });
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
