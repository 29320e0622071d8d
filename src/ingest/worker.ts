/// <reference lib="webworker" />
/**
 * The Web Worker entry: reads dropped files off the main thread and posts progress, per-file accounts and
 * the finished dataset. Cancelling is done by terminating the worker.
 */
import { DatasetBuilder } from './dataset';
import { addJsonStream, canStream, readableChunks, STREAM_HEAD_BYTES, STREAM_THRESHOLD_BYTES } from './stream';
import type { IngestEvent, IngestRequest } from './worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

let builder = new DatasetBuilder();
let files: File[] = [];

function post(event: IngestEvent): void {
  self.postMessage(event);
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
async function streamable(file: File): Promise<boolean> {
  if (file.size < STREAM_THRESHOLD_BYTES) return false;
  return canStream(new Uint8Array(await file.slice(0, STREAM_HEAD_BYTES).arrayBuffer()));
}

async function streamFile(file: File, jobId: number): Promise<void> {
  let nextReport = 0;
  const account = await addJsonStream(builder, fileLabel(file), readableChunks(file.stream()), file.size, (progress) => {
    if (progress.bytesRead < nextReport && progress.bytesRead < file.size) return;
    nextReport = progress.bytesRead + 4 * 1024 * 1024;
    post({ type: 'progress', jobId, file: file.name, bytesRead: progress.bytesRead, totalBytes: file.size, records: progress.records, findings: progress.findings });
  });
  files.push(file);
  post({ type: 'file-done', jobId, accounts: [account] });
}

async function addFiles(jobId: number, added: File[]): Promise<void> {
  for (const file of added) {
    if (await streamable(file)) {
      await streamFile(file, jobId);
      continue;
    }
    const bytes = await readWithProgress(file, jobId);
    const accounts = await builder.addFile(fileLabel(file), bytes, (progress) =>
      post({ type: 'progress', jobId, file: file.name, bytesRead: file.size, totalBytes: file.size, records: progress.records, findings: progress.findings }),
    );
    files.push(file);
    post({ type: 'file-done', jobId, accounts });
  }
  post({ type: 'done', jobId, dataset: builder.build() });
}

/** Returns the name shown for a file: its path inside a dropped folder when the browser gives one. */
function fileLabel(file: File): string {
  return file.webkitRelativePath || file.name;
}

self.onmessage = (message: MessageEvent<IngestRequest>) => {
  const request = message.data;
  if (request.type === 'reset') {
    builder = new DatasetBuilder();
    files = [];
  }
  addFiles(request.jobId, request.files).catch((error: unknown) => {
    post({ type: 'failed', jobId: request.jobId, message: error instanceof Error ? error.message : String(error) });
  });
};
