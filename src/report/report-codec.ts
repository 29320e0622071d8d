/**
 * The report's embedded data: what it contains, and how it is packed into one base64 string and unpacked in
 * the page. The packed form is gzip of JSON Lines, unpacked with fflate in the page. The first line contains
 * everything but the raw records, with the findings in column form, and each further line contains one finding's
 * raw record as a JSON string. Base64 keeps the data inert inside the HTML: no character of a finding can
 * close the script element.
 */
import { Gzip, gunzipSync } from 'fflate';
import type { Summary } from '../analysis/summary';
import type { FileAccount } from '../ingest/account';
import type { Finding } from '../model/finding';
import { ColumnsError, decodeColumns, encodeColumns, storageOrder, type FindingColumns } from './finding-columns';

/** Version of the packed form. The page rejects other versions with a message instead of misreading them. */
export const REPORT_FORMAT_VERSION = 1;

/** One input file as the user gave it, with its SHA-256 digest (hex) so readers can check they have the same file. */
export interface InputFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface ReportProvenance {
  toolVersion: string;
  /** ISO 8601 time the report was built. */
  builtAt: string;
  inputs: InputFile[];
  includePassed: boolean;
  includeRaw: boolean;
  pseudonymised: boolean;
  /** True when pseudonyms come from a key the user chose, so they repeat across reports built with it. */
  stablePseudonyms: boolean;
  /** Passed findings left out of `findings`, which the summary still counts. */
  passedOmitted: number;
}

/** Everything the report page shows. */
export interface ReportContent {
  title: string;
  /** Free text from the author of the report, or empty. */
  note: string;
  provenance: ReportProvenance;
  /** The summary of every finding read, including passed findings the report leaves out. */
  summary: Summary;
  /** The per-file accounts: findings, duplicates and rejected records of every input file. */
  files: FileAccount[];
  findings: Finding[];
}

interface Header extends Omit<ReportContent, 'findings'> {
  version: number;
  columns: FindingColumns;
}

/** Thrown when the embedded data is missing, damaged or of another version. */
export class ReportDataError extends Error {
  override name = 'ReportDataError';
}

const NEWLINE = 0x0a;
/** Text is handed to the compressor in pieces of about this many characters. */
const CHUNK_CHARS = 1 << 20;

/** A gzip compressor fed in pieces. `finish` returns the whole gzip file. */
export interface Compressor {
  push(chunk: Uint8Array): void;
  finish(): Uint8Array;
}

/** fflate's streaming gzip at level 9: pure JavaScript, so it runs in the page and in workers. */
export function fflateCompressor(): Compressor {
  const compressed: Uint8Array[] = [];
  const gzip = new Gzip({ level: 9 }, (chunk) => compressed.push(chunk));
  return {
    push: (chunk) => gzip.push(chunk),
    finish: () => {
      gzip.push(new Uint8Array(0), true);
      return concatBytes(compressed);
    },
  };
}

/**
 * Packs the content into the base64 string that the HTML embeds. Node callers may pass a faster compressor
 * (node:zlib); the output is gzip either way.
 */
export function encodeReport(content: ReportContent, compressor: Compressor = fflateCompressor()): string {
  const { findings, ...rest } = content;
  const order = storageOrder(findings);
  const header: Header = { version: REPORT_FORMAT_VERSION, ...rest, columns: encodeColumns(findings, order) };

  const encoder = new TextEncoder();
  let pending = `${JSON.stringify(header)}\n`;
  for (const position of order) {
    pending += `${JSON.stringify(findings[position].raw)}\n`;
    if (pending.length >= CHUNK_CHARS) {
      compressor.push(encoder.encode(pending));
      pending = '';
    }
  }
  compressor.push(encoder.encode(pending));
  return bytesToBase64(compressor.finish());
}

/**
 * Unpacks the embedded base64 string. Raw records are decoded when first read, so opening a large report stays
 * fast. NOTE: the unpacked bytes stay in memory for that (266 MB for 75k findings of generated ASFF).
 */
export function decodeReport(base64: string): ReportContent {
  let bytes: Uint8Array;
  try {
    bytes = gunzipSync(base64ToBytes(base64.trim()));
  } catch (error) {
    throw new ReportDataError(`the embedded data is not valid base64 gzip (${errorMessage(error)})`);
  }

  const decoder = new TextDecoder();
  const lineEnds: number[] = [];
  for (let index = bytes.indexOf(NEWLINE); index !== -1; index = bytes.indexOf(NEWLINE, index + 1)) lineEnds.push(index);
  if (lineEnds.length === 0) throw new ReportDataError('the embedded data has no header line');

  const header = parseHeader(decoder.decode(bytes.subarray(0, lineEnds[0])));
  const { version: _version, columns, ...rest } = header;
  if (lineEnds.length !== columns.count + 1) {
    throw new ReportDataError(
      `the embedded data contains ${lineEnds.length - 1} raw records for ${columns.count} findings; the file is truncated or damaged`,
    );
  }

  const rawRecord = (row: number) => JSON.parse(decoder.decode(bytes.subarray(lineEnds[row] + 1, lineEnds[row + 1]))) as string;
  try {
    return { ...rest, findings: decodeColumns(columns, rawRecord) };
  } catch (error) {
    if (error instanceof ColumnsError) throw new ReportDataError(`the embedded findings are damaged: ${error.message}`);
    throw error;
  }
}

function parseHeader(text: string): Header {
  let header: Partial<Header>;
  try {
    header = JSON.parse(text) as Partial<Header>;
  } catch (error) {
    throw new ReportDataError(`the embedded header is not valid JSON (${errorMessage(error)})`);
  }
  if (header.version !== REPORT_FORMAT_VERSION) {
    throw new ReportDataError(
      `the embedded data has version ${String(header.version)}, but this page reads version ${REPORT_FORMAT_VERSION}; open the report with the version of the tool that built it`,
    );
  }
  if (!header.columns || !header.summary || !header.provenance || !Array.isArray(header.files)) {
    throw new ReportDataError('the embedded header lacks the findings, the summary, the provenance or the file list');
  }
  return header as Header;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/** Bytes per `btoa` call: a multiple of 3, so no padding appears inside the joined output, and few enough to pass as arguments. */
const BASE64_CHUNK_BYTES = 3 * 8192;

/** Base64 with `btoa`, present in browsers and Node 16 and later. */
export function bytesToBase64(bytes: Uint8Array): string {
  const pieces: string[] = [];
  for (let start = 0; start < bytes.length; start += BASE64_CHUNK_BYTES) {
    const chunk = bytes.subarray(start, start + BASE64_CHUNK_BYTES);
    pieces.push(btoa(String.fromCharCode.apply(null, chunk as unknown as number[])));
  }
  return pieces.join('');
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
