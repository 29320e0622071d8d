/**
 * The report's embedded data: what it contains, and how it is packed into the text of one HTML element and
 * unpacked in the page.
 *
 * The text is `VERSION:BYTES:HEADER_BYTES:HEADER_TEXT_BYTES:`, then BYTES bytes as binary text (binary-text.ts),
 * which no character of a finding can turn into markup, then `;`. The bytes are the header, raw
 * DEFLATE of one JSON document with everything but the raw records and with the findings in column form
 * (finding-columns.ts), then the raw records in compressed blocks (raw-blocks.ts). Raw records and JSON
 * columns refer to the finding's own field values instead of repeating them (field-references.ts).
 */
import { deflateSync, inflateSync } from 'fflate';
import type { Summary } from '../analysis/summary';
import type { FileAccount } from '../ingest/account';
import type { Finding } from '../model/finding';
import { BinaryTextError, decodeBinaryText, encodeBinaryText } from './binary-text';
import { encodeReferences, expandReferences } from './field-references';
import {
  ColumnsError,
  decodeColumns,
  encodeColumns,
  findingReferenceForm,
  findingReferenceForms,
  storageOrder,
  type FindingColumns,
} from './finding-columns';
import { checkRawBlockIndex, encodeRawBlocks, RawBlockError, RawBlockReader, type Deflate, type RawBlockIndex } from './raw-blocks';

export type { Deflate } from './raw-blocks';

/** Version of the packed form. The page rejects other versions with a message instead of misreading them. */
export const REPORT_FORMAT_VERSION = 2;

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
  raw: RawBlockIndex;
}

/** Thrown when the embedded data is missing, damaged or of another version. */
export class ReportDataError extends Error {
  override name = 'ReportDataError';
}

/** Shown as the raw record of a finding whose block is damaged; the rest of the report still opens. */
export const DAMAGED_RAW_RECORD = 'The raw record could not be read because this part of the report file is damaged';

const PREFIX = /^\s*(\d+):(\d+):(\d+):(\d+):/;
/** Written after the data, so that trimming whitespace from the text never cuts the data itself. */
const END_MARK = ';';
const BASE64_ONLY = /^[A-Za-z0-9+/=\s]*$/;

/** fflate's raw DEFLATE at level 9: pure JavaScript, so it runs in the page and in workers. */
export const fflateDeflate: Deflate = (data) => deflateSync(data, { level: 9 });

/**
 * Packs the content into the text that the HTML embeds. The CLI passes node:zlib's deflateRawSync, which writes
 * about 10% fewer bytes than fflate; the output is raw DEFLATE either way.
 */
export function encodeReport(content: ReportContent, deflate: Deflate = fflateDeflate): string {
  const { findings, ...rest } = content;
  const order = storageOrder(findings);
  const lines = order.map((position) => {
    const finding = findings[position];
    return finding.raw === '' ? '' : encodeReferences(finding.raw, findingReferenceForms(finding));
  });
  const raw = encodeRawBlocks(lines, deflate);
  const header: Header = { version: REPORT_FORMAT_VERSION, ...rest, columns: encodeColumns(findings, order), raw: raw.index };

  const headerText = new TextEncoder().encode(JSON.stringify(header));
  const headerBytes = deflate(headerText);
  const bytes = concatBytes([headerBytes, ...raw.blocks]);
  return `${REPORT_FORMAT_VERSION}:${bytes.length}:${headerBytes.length}:${headerText.length}:${encodeBinaryText(bytes)}${END_MARK}`;
}

/** Inflates raw DEFLATE into exactly `size` bytes. */
export type Inflate = (data: Uint8Array<ArrayBuffer>, size: number) => Promise<Uint8Array>;

/** The embedded text unpacked into bytes: the compressed header, then the raw record blocks. */
interface Packed {
  bytes: Uint8Array<ArrayBuffer>;
  headerBytes: number;
  headerTextBytes: number;
}

/**
 * Unpacks the embedded text. Raw records are inflated block by block when first read, so opening a large
 * report stays fast and only the blocks read are kept in memory.
 */
export function decodeReport(text: string): ReportContent {
  const packed = unpackText(text);
  const headerText = inflateOrReject(() => inflateSync(packed.bytes.subarray(0, packed.headerBytes), { out: new Uint8Array(packed.headerTextBytes) }));
  return decodeHeader(packed, headerText);
}

/** Like `decodeReport`, but inflates the header with `inflate`, such as the browser's own `inflateWithStreams`. */
export async function decodeReportAsync(text: string, inflate: Inflate): Promise<ReportContent> {
  const packed = unpackText(text);
  let headerText: Uint8Array;
  try {
    headerText = await inflate(packed.bytes.subarray(0, packed.headerBytes), packed.headerTextBytes);
  } catch (error) {
    throw headerError(error);
  }
  return decodeHeader(packed, headerText);
}

/**
 * Inflates with the Compression Streams API, which browsers run natively: Chromium 156 inflated 36 MB of JSON
 * in about half of fflate's time. Falls back to fflate where the API lacks raw DEFLATE.
 */
export const inflateWithStreams: Inflate = async (data, size) => {
  let stream: DecompressionStream;
  try {
    stream = new DecompressionStream('deflate-raw');
  } catch {
    return inflateSync(data, { out: new Uint8Array(size) });
  }
  const inflated = new Uint8Array(await new Response(new Blob([data]).stream().pipeThrough(stream)).arrayBuffer());
  if (inflated.length !== size) throw new Error(`inflated to ${inflated.length} bytes instead of ${size}`);
  return inflated;
};

function unpackText(text: string): Packed {
  const prefix = PREFIX.exec(text.slice(0, 100));
  if (!prefix) {
    if (BASE64_ONLY.test(text.slice(0, 10_000))) {
      throw new ReportDataError(
        `the embedded data is base64, the form of version 1, but this page reads version ${REPORT_FORMAT_VERSION}; open the report with the version of the tool that built it`,
      );
    }
    throw new ReportDataError('the embedded data does not start with its version and sizes; the file is damaged');
  }
  const [version, byteLength, headerBytes, headerTextBytes] = prefix.slice(1).map(Number);
  checkVersion(version);
  if (headerBytes > byteLength) throw new ReportDataError(`the embedded header takes ${headerBytes} of ${byteLength} bytes; the file is damaged`);
  // Each character carries at least 7 bits, so more bytes than characters cannot be right.
  if (byteLength > text.length) throw new ReportDataError(`the embedded data claims ${byteLength} bytes in ${text.length} characters; the file is damaged`);

  try {
    return { bytes: decodeBinaryText(text, byteLength, prefix[0].length), headerBytes, headerTextBytes };
  } catch (error) {
    if (error instanceof BinaryTextError) throw new ReportDataError(`the embedded data is damaged: ${error.message}`);
    throw error;
  }
}

function inflateOrReject(inflate: () => Uint8Array): Uint8Array {
  try {
    return inflate();
  } catch (error) {
    throw headerError(error);
  }
}

function headerError(error: unknown): ReportDataError {
  return new ReportDataError(`the embedded header could not be inflated (${errorMessage(error)}); the file is damaged`);
}

function decodeHeader(packed: Packed, headerText: Uint8Array): ReportContent {
  const header = parseHeader(headerText);
  const { version: _version, columns, raw, ...rest } = header;
  let reader: RawBlockReader;
  try {
    checkRawBlockIndex(raw, columns.count, packed.bytes.length - packed.headerBytes);
    reader = new RawBlockReader(packed.bytes, packed.headerBytes, raw);
  } catch (error) {
    if (error instanceof RawBlockError) throw new ReportDataError(`the embedded raw records are damaged: ${error.message}`);
    throw error;
  }

  const rawRecord = (row: number, finding: Finding) => {
    try {
      return expandReferences(reader.line(row), findingReferenceForm(finding));
    } catch (error) {
      return `${DAMAGED_RAW_RECORD} (${errorMessage(error)}).`;
    }
  };
  try {
    return { ...rest, findings: decodeColumns(columns, rawRecord) };
  } catch (error) {
    if (error instanceof ColumnsError) throw new ReportDataError(`the embedded findings are damaged: ${error.message}`);
    throw error;
  }
}

function checkVersion(version: unknown): void {
  if (version !== REPORT_FORMAT_VERSION) {
    throw new ReportDataError(
      `the embedded data has version ${String(version)}, but this page reads version ${REPORT_FORMAT_VERSION}; open the report with the version of the tool that built it`,
    );
  }
}

function parseHeader(bytes: Uint8Array): Header {
  let header: Partial<Header>;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Partial<Header>;
  } catch (error) {
    throw new ReportDataError(`the embedded header is not valid JSON (${errorMessage(error)}); the file is damaged`);
  }
  checkVersion(header.version);
  if (!header.columns || !header.raw || !header.summary || !header.provenance || !Array.isArray(header.files)) {
    throw new ReportDataError('the embedded header lacks the findings, the raw record index, the summary, the provenance or the file list');
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
