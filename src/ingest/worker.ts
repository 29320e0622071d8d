/// <reference lib="webworker" />
/**
 * The Web Worker entry: reads dropped files off the main thread and posts progress, findings in batches and
 * per-file accounts. Raw records stay here (as masked text, or as byte ranges of large plain files) until
 * the page requests them. Cancelling is done by terminating the worker.
 */
import type { Finding } from '../model/finding';
import { rawCapture } from '../formats/fields';
import { DatasetBuilder } from './dataset';
import { RawStore } from './raw-store';
import { addJsonStream, canStream, isGzip, readableChunks, STREAM_HEAD_BYTES, STREAM_THRESHOLD_BYTES } from './stream';
import type { IngestEvent, IngestRequest } from './worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

/** Findings posted to the page at once: large enough to keep messages few, small enough to show progress. */
const FINDINGS_BATCH = 2000;

/** Byte ranges of the records of the file being streamed, by record index. */
interface RecordBytes {
  slot: number;
  starts: number[];
  ends: number[];
}

let builder = new DatasetBuilder(undefined, { retain: false });
let raw = new RawStore();
let files: File[] = [];

function post(event: IngestEvent): void {
  self.postMessage(event);
}

/**
 * Posts the findings accepted since the last post, after moving their raw records into the store. With
 * `force` false it waits until a batch is full.
 */
function postFindings(jobId: number, force: boolean, bytes: RecordBytes | null = null): void {
  if (!force && builder.size - builder.pendingStart < FINDINGS_BATCH) return;
  const changes = builder.takeChanges();
  if (changes.added.length === 0 && changes.replaced.length === 0) return;
  changes.added.forEach((finding, offset) => keepRaw(changes.start + offset, finding, bytes));
  for (const [index, finding] of changes.replaced) keepRaw(index, finding, bytes);
  post({ type: 'findings', jobId, ...changes });
}

function keepRaw(index: number, finding: Finding, bytes: RecordBytes | null): void {
  const start = bytes?.starts[finding.sourceRecord];
  if (bytes && start !== undefined) raw.setRange(index, bytes.slot, start, bytes.ends[finding.sourceRecord]);
  else raw.setText(index, finding.raw);
  finding.raw = '';
  // Hints only feed the classifier, which has run; the page never reads them.
  finding.hints = {};
}

async function readWithProgress(file: File, jobId: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let offset = 0;
  let lastReport = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes.set(value, offset);
    offset += value.length;
    if (offset - lastReport >= 4 * 1024 * 1024 || offset === file.size) {
      lastReport = offset;
      post({ type: 'progress', jobId, file: file.name, bytesRead: offset, totalBytes: file.size, records: 0, findings: 0 });
    }
  }
  return offset === bytes.length ? bytes : bytes.subarray(0, offset);
}

/** Large JSON files are streamed, so the page never keeps their whole text as one string. */
async function streamHead(file: File): Promise<Uint8Array | null> {
  if (file.size < STREAM_THRESHOLD_BYTES) return null;
  const head = new Uint8Array(await file.slice(0, STREAM_HEAD_BYTES).arrayBuffer());
  return canStream(head) ? head : null;
}

/**
 * Streams a large file. For a plain file the records' byte ranges are kept instead of their text, so the
 * formats skip writing raw text. A gzip file keeps the text, because its ranges cannot be read back directly.
 */
async function streamFile(file: File, head: Uint8Array, jobId: number): Promise<void> {
  const bytes: RecordBytes | null = isGzip(head) ? null : { slot: raw.addBlob(file), starts: [], ends: [] };
  let nextReport = 0;
  const capture = rawCapture.enabled;
  rawCapture.enabled = bytes === null;
  try {
    const account = await addJsonStream(
      builder,
      fileLabel(file),
      readableChunks(file.stream()),
      file.size,
      (progress) => {
        postFindings(jobId, false, bytes);
        if (progress.bytesRead < nextReport && progress.bytesRead < file.size) return;
        nextReport = progress.bytesRead + 4 * 1024 * 1024;
        post({ type: 'progress', jobId, file: file.name, bytesRead: progress.bytesRead, totalBytes: file.size, records: progress.records, findings: progress.findings });
      },
      (record, start, end) => {
        if (!bytes) return;
        bytes.starts[record] = start;
        bytes.ends[record] = end;
      },
    );
    postFindings(jobId, true, bytes);
    files.push(file);
    post({ type: 'file-done', jobId, accounts: [account] });
  } finally {
    rawCapture.enabled = capture;
  }
}

async function addFiles(jobId: number, added: File[]): Promise<void> {
  for (const file of added) {
    const head = await streamHead(file);
    if (head) {
      await streamFile(file, head, jobId);
      continue;
    }
    const bytes = await readWithProgress(file, jobId);
    const accounts = await builder.addFile(fileLabel(file), bytes, (progress) => {
      postFindings(jobId, false);
      post({ type: 'progress', jobId, file: file.name, bytesRead: file.size, totalBytes: file.size, records: progress.records, findings: progress.findings });
    });
    postFindings(jobId, true);
    files.push(file);
    post({ type: 'file-done', jobId, accounts });
  }
  post({ type: 'done', jobId, files: builder.build().files });
}

/** Returns the name shown for a file: its path inside a dropped folder when the browser gives one. */
function fileLabel(file: File): string {
  return file.webkitRelativePath || file.name;
}

async function answerRaw(requestId: number, indexes: number[]): Promise<void> {
  try {
    post({ type: 'raw', requestId, texts: await raw.readMany(indexes) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`ingest worker: raw record request ${requestId} for ${indexes.length} findings failed: ${message}`);
    post({ type: 'raw-failed', requestId, message });
  }
}

self.onmessage = (message: MessageEvent<IngestRequest>) => {
  const request = message.data;
  if (request.type === 'raw') {
    void answerRaw(request.requestId, request.indexes);
    return;
  }
  if (request.type === 'reset') {
    builder = new DatasetBuilder(undefined, { retain: false });
    raw = new RawStore();
    files = [];
  }
  addFiles(request.jobId, request.files).catch((error: unknown) => {
    post({ type: 'failed', jobId: request.jobId, message: error instanceof Error ? error.message : String(error) });
  });
};
