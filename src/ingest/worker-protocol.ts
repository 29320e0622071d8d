import type { FileAccount } from './account';
import type { Dataset } from './dataset';

/**
 * Messages between the page and the ingest worker. The worker keeps the files it was given, so `add`
 * merges new files into the dataset and `reset` rebuilds it from a list (after a removal or a cancel).
 */
export type IngestRequest =
  | { type: 'add'; jobId: number; files: File[] }
  | { type: 'reset'; jobId: number; files: File[] };

export type IngestEvent =
  | { type: 'progress'; jobId: number; file: string; bytesRead: number; totalBytes: number; records: number; findings: number }
  | { type: 'file-done'; jobId: number; accounts: FileAccount[] }
  | { type: 'done'; jobId: number; dataset: Dataset }
  | { type: 'failed'; jobId: number; message: string };
