/**
 * Streaming ingest of one large JSON or JSON Lines file, plain or gzip. The bytes go through the record
 * splitter, and the format is detected from the first batch of records. Each batch is then parsed by the
 * format module as a bare array and counted into the builder. Neither the bytes nor the text of the whole
 * file are ever held, so inputs beyond the maximum string length load. Zip archives, CSV and JavaScript files take
 * the whole-file path (`DatasetBuilder.addFile`).
 */
import { Gunzip } from 'fflate';
import type { Problem } from '../model/problem';
import { isJsonWhitespace, type ElementPosition, type SplitResult } from '../formats/json-stream';
import { RecordStreamSplitter } from '../formats/record-stream';
import { detectFormat, formatFromFileName } from '../formats/registry';
import type { FormatInput, FormatModule, RecordOutcome } from '../formats/types';
import type { FileAccount } from './account';
import type { DatasetBuilder } from './dataset';

/** Records handed to one `format.parse` call. Detection looks at the first batch. */
export const STREAM_BATCH_RECORDS = 200;

/**
 * The page's worker streams files at least this large when `canStream` accepts their first bytes, and keeps
 * their raw records as byte ranges. Smaller files keep the whole-file path, which also reads single
 * findings and events. The CLI, which keeps no raw records for most commands, streams from a larger size.
 */
export const STREAM_THRESHOLD_BYTES = 64 * 1024 * 1024;

/** Bytes of the file start that `canStream` needs to decide. */
export const STREAM_HEAD_BYTES = 64 * 1024;

export interface StreamProgress {
  file: string;
  /** Bytes read from the source so far (compressed bytes for gzip input). */
  bytesRead: number;
  totalBytes: number;
  records: number;
  findings: number;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** Stand-in format for a stream without any records, named as the whole-file path names it. */
const EMPTY_DOCUMENT: FormatModule = {
  id: 'empty',
  title: 'Empty document',
  versions: '',
  ignores: '',
  detect: () => ({ match: false, reason: 'it describes empty documents only' }),
  parse: () => [],
};

/**
 * True when a file that starts with `head` can be streamed: a JSON object or array after an optional byte
 * order mark and white space, also inside gzip. False for zip, Parquet, CSV, JavaScript and UTF-16 text.
 */
export function canStream(head: Uint8Array): boolean {
  const text = isGzip(head) ? inflateHead(head) : head;
  let start = text[0] === 0xef && text[1] === 0xbb && text[2] === 0xbf ? 3 : 0;
  while (start < text.length && isJsonWhitespace(text[start])) start++;
  return text[start] === 0x5b || text[start] === 0x7b;
}

/** Receives where each record of a plain (not gzip) stream sits in the file, so it can be read again later. */
export type RecordBytesHandler = (record: number, start: number, end: number) => void;

/**
 * Reads one file from `chunks` into `builder` and returns its account. A truncated or broken file keeps the
 * records before the break and gets a `truncated_json` or `invalid_json` error. A record that is not valid
 * JSON is rejected on its own. Progress is reported once per chunk. `onRecordBytes` is called for every
 * record of a stream that is not gzip, with byte offsets into the file.
 */
export async function addJsonStream(
  builder: DatasetBuilder,
  path: string,
  chunks: AsyncIterable<Uint8Array>,
  totalBytes: number,
  onProgress?: (progress: StreamProgress) => void,
  onRecordBytes?: RecordBytesHandler,
): Promise<FileAccount> {
  const reader = new StreamReader(builder, builder.formats, path, totalBytes);
  let gzip = false;
  let bytesRead = 0;
  let readError: string | null = null;
  try {
    const source = gunzipIfNeeded(chunks, (length) => (bytesRead += length), () => (gzip = true));
    reader.onRecordBytes = (record, start, end) => {
      if (!gzip) onRecordBytes?.(record, start, end);
    };
    for await (const chunk of source) {
      reader.push(chunk);
      if (reader.stopped) break;
      onProgress?.(reader.progress(bytesRead));
    }
  } catch (error) {
    // A source that fails (a file removed while read, corrupt gzip data) ends the file like a truncation.
    readError = `reading failed after ${bytesRead} bytes (${error instanceof Error ? error.message : String(error)})`;
  }
  const account = reader.finish(readError);
  onProgress?.(reader.progress(bytesRead));
  return account;
}

/** Collects records into batches, detects the format once, and feeds outcomes to the builder. */
class StreamReader {
  private readonly splitter: RecordStreamSplitter;
  private account: FileAccount | null = null;
  private format: FormatModule | null = null;
  private batch: unknown[] = [];
  private batchIndexes: number[] = [];
  private batchLines: number[] = [];
  /** Records that did not parse before the format was known. */
  private pendingInvalid: RecordOutcome[] = [];
  private notedNoFindings = false;
  onRecordBytes: RecordBytesHandler | null = null;
  /** The account of a file whose format was not recognised. Nothing more is read after that. */
  private unrecognised: FileAccount | null = null;

  constructor(
    private readonly builder: DatasetBuilder,
    private readonly formats: readonly FormatModule[],
    private readonly path: string,
    private readonly totalBytes: number,
  ) {
    this.splitter = new RecordStreamSplitter({
      onElement: (value, position) => this.addElement(value, position),
      onInvalidElement: (position, detail) => this.addInvalid(position, detail),
    });
  }

  push(chunk: Uint8Array): void {
    this.splitter.push(chunk);
  }

  /** True when reading more input cannot change the result. */
  get stopped(): boolean {
    return this.unrecognised !== null || this.splitter.failed;
  }

  progress(bytesRead: number): StreamProgress {
    return {
      file: this.path,
      bytesRead,
      totalBytes: this.totalBytes,
      records: this.account?.records ?? 0,
      findings: this.account?.findings ?? 0,
    };
  }

  /** Ends the file. `readError` describes a failure of the source, which replaces the splitter's verdict. */
  finish(readError: string | null): FileAccount {
    if (this.unrecognised !== null) return this.unrecognised;
    const result = this.splitter.end();
    this.flushBatch();
    if (this.unrecognised !== null) return this.unrecognised;
    if (readError !== null) {
      const problem: Problem = { code: 'read_failed', file: this.path, detail: readError };
      if (this.account === null) return recordFailure(this.builder, problem);
      this.builder.addFileProblem(this.account, { ...problem, detail: `${readError}; ${this.account.records} records before it were read` });
      return this.account;
    }
    if (this.account === null) return this.finishWithoutRecords(result);
    const problem = endProblem(this.path, result, this.account.records);
    if (problem !== null) this.builder.addFileProblem(this.account, problem);
    return this.account;
  }

  private addElement(value: unknown, position: ElementPosition): void {
    if (this.unrecognised !== null) return;
    this.onRecordBytes?.(position.index, position.offset, position.end);
    this.batch.push(value);
    this.batchIndexes.push(position.index);
    this.batchLines.push(position.line ?? 0);
    if (this.batch.length >= STREAM_BATCH_RECORDS) this.flushBatch();
  }

  private addInvalid(position: ElementPosition, detail: string): void {
    const outcome: RecordOutcome = { ok: false, problem: { code: 'invalid_record', record: position.index, detail } };
    if (this.account === null || this.format === null) this.pendingInvalid.push(outcome);
    else this.builder.addOutcome(this.account, this.format, outcome);
  }

  private flushBatch(): void {
    if (this.batch.length === 0 || this.unrecognised !== null) return;
    const input: FormatInput = {
      fileName: this.path,
      doc:
        this.splitter.kind === 'jsonl'
          ? { kind: 'jsonl', values: this.batch, lines: this.batchLines }
          : { kind: 'json', value: this.batch },
    };
    const indexes = this.batchIndexes;
    this.batch = [];
    this.batchIndexes = [];
    this.batchLines = [];
    if (this.format === null && !this.detect(input)) return;

    const account = this.account as FileAccount;
    const format = this.format as FormatModule;
    for (const outcome of format.parse(input)) {
      if (!outcome.ok && outcome.problem.code === 'not_findings') {
        // Each batch would repeat the same document-level note.
        if (this.notedNoFindings) continue;
        this.notedNoFindings = true;
      }
      this.builder.addOutcome(account, format, withFileIndex(outcome, indexes));
    }
  }

  /** Detects the format from the first batch and opens the account. Returns false when no format matched. */
  private detect(input: FormatInput): boolean {
    const detection = detectFormat(input, this.formats);
    if (!detection.ok) {
      const tried = detection.tried.map((attempt) => `${attempt.id} (${attempt.reason})`).join('; ');
      this.unrecognised = recordFailure(this.builder, { code: 'unrecognised_format', file: this.path, detail: `tried ${tried}` });
      return false;
    }
    this.format = detection.format;
    this.account = this.builder.beginFile(this.path, this.totalBytes, detection.format);
    for (const outcome of this.pendingInvalid) this.builder.addOutcome(this.account, detection.format, outcome);
    this.pendingInvalid = [];
    return true;
  }

  /** Records the account of a stream that produced no record for a format to look at. */
  private finishWithoutRecords(result: SplitResult): FileAccount {
    const problem = endProblem(this.path, result, 0);
    if (problem !== null) return recordFailure(this.builder, problem);
    if (result.status === 'no_records') {
      return recordFailure(this.builder, {
        code: 'unrecognised_format',
        file: this.path,
        detail: `the streaming reader found no records array: ${result.detail}`,
      });
    }
    // Only invalid records, or none at all: name the format by the file name when it suggests one.
    const format = formatFromFileName(this.path, this.formats) ?? EMPTY_DOCUMENT;
    const account = this.builder.beginFile(this.path, this.totalBytes, format);
    for (const outcome of this.pendingInvalid) this.builder.addOutcome(account, format, outcome);
    if (this.pendingInvalid.length === 0) {
      const detail = result.status === 'empty' ? 'the file holds only white space' : 'the records array is empty';
      this.builder.addOutcome(account, format, { ok: false, problem: { code: 'not_findings', record: 0, detail } });
    }
    return account;
  }
}

/** Maps a batch-relative record index in an outcome to the index in the file. */
function withFileIndex(outcome: RecordOutcome, indexes: readonly number[]): RecordOutcome {
  if (outcome.ok) return { ...outcome, record: indexes[outcome.record] ?? outcome.record };
  const record = indexes[outcome.problem.record] ?? outcome.problem.record;
  return { ok: false, problem: { ...outcome.problem, record } };
}

/** Returns the file-level problem for how the input ended, or null when it ended well. */
function endProblem(file: string, result: SplitResult, records: number): Problem | null {
  switch (result.status) {
    case 'truncated':
      return {
        code: 'truncated_json',
        file,
        detail: `it ends at byte ${result.bytes}, inside the record that starts after byte ${result.lastElementEnd}; ${records} records were read`,
      };
    case 'invalid':
      return { code: 'invalid_json', file, detail: `it breaks at byte ${result.offset}: ${result.detail}; ${records} records before it were read` };
    case 'complete':
    case 'empty':
    case 'no_records':
      return null;
  }
}

/** Records a file that could not be read at all, keeping the problem's code. */
function recordFailure(builder: DatasetBuilder, problem: Problem): FileAccount {
  return builder.addFailedFile(problem, 0);
}

/** True when `bytes` start with the gzip magic bytes. */
export function isGzip(bytes: Uint8Array): boolean {
  return GZIP_MAGIC.every((byte, index) => bytes[index] === byte);
}

/** Inflates as much of a gzip head as it holds; the result is the start of the text. */
function inflateHead(head: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  try {
    new Gunzip((data) => parts.push(data)).push(head, false);
  } catch {
    return new Uint8Array(0);
  }
  return parts[0] ?? new Uint8Array(0);
}

/** Passes chunks through, inflating them when the stream starts with the gzip magic bytes. */
async function* gunzipIfNeeded(
  chunks: AsyncIterable<Uint8Array>,
  onRead: (length: number) => void,
  onGzip: () => void,
): AsyncIterable<Uint8Array> {
  let gunzip: Gunzip | null = null;
  let inflated: Uint8Array[] = [];
  let first = true;
  for await (const chunk of chunks) {
    onRead(chunk.length);
    if (first) {
      first = false;
      if (isGzip(chunk)) {
        gunzip = new Gunzip((data) => inflated.push(data));
        onGzip();
      }
    }
    if (gunzip === null) {
      yield chunk;
      continue;
    }
    gunzip.push(chunk, false);
    const ready = inflated;
    inflated = [];
    yield* ready;
  }
  if (gunzip !== null) {
    gunzip.push(new Uint8Array(0), true);
    yield* inflated;
  }
}

/** Adapts a web ReadableStream (File.stream() in the worker) to the async iterable addJsonStream takes. */
export async function* readableChunks(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
