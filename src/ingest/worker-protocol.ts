import type { Finding } from '../model/finding';
import type { FileAccount } from './account';

/**
 * Messages between the page and the ingest worker. The worker keeps the files it was given, so `add`
 * merges new files into the dataset and `reset` rebuilds it from a list (after a removal or a cancel).
 * Findings reach the page in batches while files are read, without their raw records and hints: the worker
 * keeps where each raw record is, and `raw` requests some by dataset index.
 */
export type IngestRequest =
  | { type: 'add'; jobId: number; files: File[] }
  | { type: 'reset'; jobId: number; files: File[] }
  | { type: 'raw'; requestId: number; indexes: number[] };

export type IngestEvent =
  | { type: 'progress'; jobId: number; file: string; bytesRead: number; totalBytes: number; records: number; findings: number }
  /** New findings from dataset index `start` on, and newer versions of earlier ones. */
  | { type: 'findings'; jobId: number; start: number; added: Finding[]; replaced: [index: number, finding: Finding][] }
  | { type: 'file-done'; jobId: number; accounts: FileAccount[] }
  | { type: 'done'; jobId: number; files: FileAccount[] }
  | { type: 'failed'; jobId: number; message: string }
  | { type: 'raw'; requestId: number; texts: string[] }
  | { type: 'raw-failed'; requestId: number; message: string };
