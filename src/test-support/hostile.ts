/**
 * Builders of bad and hostile inputs for tests. They make minimal valid records to wrap (ASFF findings,
 * Prowler CSV rows), re-encodings (byte order marks, UTF-16), containers (gzip, zip, decompression bombs),
 * deep nesting and prototype-pollution keys. The strings here must never run as HTML, script, URL or
 * spreadsheet formula. The module does not import Vitest, so Playwright specs use it too.
 */
import { deflateSync, gzipSync, zipSync } from 'fflate';

export function encodeText(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

// ---------------------------------------------------------------------------------------------------------
// Hostile strings

/** Markup that runs script if a page ever renders it as HTML. */
export const HTML_IMG_TITLE = '<img src=x onerror=alert(1)>';
export const SCRIPT_TITLE = '<script>alert(1)</script>';
export const JAVASCRIPT_URL = 'javascript:alert(1)';

/**
 * Cell values that a spreadsheet evaluates as formulas (OWASP CSV injection): each starts with = + - @,
 * a tab or a carriage return.
 */
export const FORMULA_VALUES = [
  '=HYPERLINK("http://127.0.0.1/x","click")',
  '+1+1',
  '-2+3',
  '@SUM(1,2)',
  '\t=1+1',
  '\r=1+1',
] as const;

/** Keys that pollute `Object.prototype` when code copies input with plain assignment or a deep merge. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Writes a JSON object with every prototype key set to `{"polluted": "yes"}`, as a hostile input would. */
export function pollutingObjectText(): string {
  return `{${PROTOTYPE_KEYS.map((key) => `"${key}": {"polluted": "yes"}`).join(', ')}}`;
}

// ---------------------------------------------------------------------------------------------------------
// ASFF

/**
 * Builds a minimal ASFF 2018-10-08 finding that the ASFF module accepts: a failed S3 control on bucket
 * `bucket-n`. `overrides` replace top-level fields, and an `undefined` override removes the field.
 */
export function asffFinding(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    SchemaVersion: '2018-10-08',
    Id: `arn:aws:securityhub:us-east-1:111122223333:security-control/S3.8/finding/hostile-${n}`,
    ProductArn: 'arn:aws:securityhub:us-east-1::product/aws/securityhub',
    GeneratorId: 'security-control/S3.8',
    AwsAccountId: '111122223333',
    Types: ['Software and Configuration Checks/Industry and Regulatory Standards'],
    CreatedAt: '2025-01-01T00:00:00.000Z',
    UpdatedAt: '2025-01-02T00:00:00.000Z',
    Severity: { Label: 'HIGH' },
    Title: `S3 general purpose buckets should block public access (${n})`,
    Description: 'This control checks whether an S3 bucket blocks public access.',
    Remediation: { Recommendation: { Text: 'Turn on Block Public Access.', Url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/s3-controls.html' } },
    Resources: [{ Type: 'AwsS3Bucket', Id: `arn:aws:s3:::bucket-${n}`, Partition: 'aws', Region: 'us-east-1' }],
    Compliance: { Status: 'FAILED', SecurityControlId: 'S3.8' },
    Workflow: { Status: 'NEW' },
    RecordState: 'ACTIVE',
    ...overrides,
  };
}

/** Builds findings `0 .. count-1` with `asffFinding`. */
export function asffFindings(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, n) => asffFinding(n));
}

/** Writes a `get-findings` page (`{"Findings": [...]}`), indented so that each finding spans several lines. */
export function asffPageText(findings: readonly unknown[]): string {
  return JSON.stringify({ Findings: findings }, null, 2);
}

/** Writes one record per line, as JSON Lines exports do. */
export function jsonLinesText(records: readonly unknown[], lineEnding = '\n'): string {
  return records.map((record) => JSON.stringify(record)).join(lineEnding) + lineEnding;
}

// ---------------------------------------------------------------------------------------------------------
// Prowler CSV

/** Columns of Prowler 4.x and 5.x CSV output, in the order Prowler writes them. */
export const PROWLER_CSV_COLUMNS = [
  'AUTH_METHOD', 'TIMESTAMP', 'ACCOUNT_UID', 'ACCOUNT_NAME', 'ACCOUNT_EMAIL', 'ACCOUNT_ORGANIZATION_UID',
  'ACCOUNT_ORGANIZATION_NAME', 'ACCOUNT_TAGS', 'FINDING_UID', 'PROVIDER', 'CHECK_ID', 'CHECK_TITLE', 'CHECK_TYPE',
  'STATUS', 'STATUS_EXTENDED', 'MUTED', 'SERVICE_NAME', 'SUBSERVICE_NAME', 'SEVERITY', 'RESOURCE_TYPE',
  'RESOURCE_UID', 'RESOURCE_NAME', 'RESOURCE_DETAILS', 'RESOURCE_TAGS', 'PARTITION', 'REGION', 'DESCRIPTION',
  'RISK', 'RELATED_URL', 'REMEDIATION_RECOMMENDATION_TEXT', 'REMEDIATION_RECOMMENDATION_URL',
  'REMEDIATION_CODE_NATIVEIAC', 'REMEDIATION_CODE_TERRAFORM', 'REMEDIATION_CODE_CLI', 'REMEDIATION_CODE_OTHER',
  'COMPLIANCE', 'CATEGORIES', 'DEPENDS_ON', 'RELATED_TO', 'NOTES', 'PROWLER_VERSION', 'ADDITIONAL_URLS',
] as const;

export type ProwlerColumn = (typeof PROWLER_CSV_COLUMNS)[number];
export type ProwlerRow = Partial<Record<ProwlerColumn, string>>;

/** Builds a failed `s3_bucket_public_access` row for bucket `bucket-n`. `overrides` replace cells. */
export function prowlerRow(n: number, overrides: ProwlerRow = {}): ProwlerRow {
  return {
    AUTH_METHOD: 'profile: default',
    TIMESTAMP: '2025-02-14 14:27:03.913874',
    ACCOUNT_UID: '111122223333',
    FINDING_UID: `prowler-aws-s3_bucket_public_access-111122223333-us-east-1-bucket-${n}`,
    PROVIDER: 'aws',
    CHECK_ID: 's3_bucket_public_access',
    CHECK_TITLE: 'Ensure there are no S3 buckets open to Everyone or Any AWS user.',
    CHECK_TYPE: 'Data Protection',
    STATUS: 'FAIL',
    STATUS_EXTENDED: `S3 Bucket bucket-${n} is public.`,
    MUTED: 'False',
    SERVICE_NAME: 's3',
    SEVERITY: 'critical',
    RESOURCE_TYPE: 'AwsS3Bucket',
    RESOURCE_UID: `arn:aws:s3:::bucket-${n}`,
    RESOURCE_NAME: `bucket-${n}`,
    PARTITION: 'aws',
    REGION: 'us-east-1',
    DESCRIPTION: 'Ensure there are no S3 buckets open to Everyone or Any AWS user.',
    REMEDIATION_RECOMMENDATION_TEXT: 'Block public access.',
    REMEDIATION_RECOMMENDATION_URL: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
    PROWLER_VERSION: '5.0.0',
    ...overrides,
  };
}

export interface CsvOptions {
  delimiter?: string;
  lineEnding?: string;
}

/** Quotes a cell (RFC 4180) when it contains the delimiter, a quote, CR or LF. */
function csvCell(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes Prowler CSV text with a header row. Prowler itself writes `;` and `\n`. */
export function prowlerCsvText(rows: readonly ProwlerRow[], { delimiter = ';', lineEnding = '\n' }: CsvOptions = {}): string {
  const lines = [PROWLER_CSV_COLUMNS.join(delimiter)];
  for (const row of rows) lines.push(PROWLER_CSV_COLUMNS.map((column) => csvCell(row[column] ?? '', delimiter)).join(delimiter));
  return lines.join(lineEnding) + lineEnding;
}

// ---------------------------------------------------------------------------------------------------------
// Encodings

export function withUtf8Bom(text: string): Uint8Array {
  const body = encodeText(text);
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return bytes;
}

/** Encodes UTF-16 with its byte order mark, little- or big-endian. Surrogate pairs pass through as code units. */
export function utf16WithBom(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  const view = new DataView(bytes.buffer);
  const littleEndian = endian === 'le';
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return bytes;
}

/** Builds bytes that are no text export: a PNG signature, NUL bytes and every byte value. */
export function binaryGarbage(length = 4096): Uint8Array {
  const bytes = new Uint8Array(length);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < length; i++) bytes[i] = (i * 7919) & 0xff;
  return bytes;
}

// ---------------------------------------------------------------------------------------------------------
// Containers

export function gzipBytes(content: string | Uint8Array): Uint8Array {
  return gzipSync(typeof content === 'string' ? encodeText(content) : content);
}

/** Zips the named entries with fflate (deflated, with correct CRC-32 and sizes). */
export function zipBytes(entries: Record<string, string | Uint8Array>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(entries)) files[name] = typeof content === 'string' ? encodeText(content) : content;
  return zipSync(files);
}

/** Writes bits least significant first, as DEFLATE (RFC 1951, section 3.1.1) packs them. */
class BitWriter {
  private readonly bytes: Uint8Array;
  private offset = 0;
  private buffer = 0;
  private count = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }

  write(value: number, bits: number): void {
    this.buffer |= value << this.count;
    this.count += bits;
    while (this.count >= 8) {
      this.bytes[this.offset++] = this.buffer & 0xff;
      this.buffer >>>= 8;
      this.count -= 8;
    }
  }

  /** Writes a Huffman code, which DEFLATE packs starting from its most significant bit. */
  writeCode(code: number, bits: number): void {
    let reversed = 0;
    for (let i = 0; i < bits; i++) reversed |= ((code >> i) & 1) << (bits - 1 - i);
    this.write(reversed, bits);
  }

  finish(): Uint8Array {
    if (this.count > 0) this.bytes[this.offset++] = this.buffer & 0xff;
    return this.bytes.subarray(0, this.offset);
  }
}

/** Writes the fixed-Huffman code of a literal byte (RFC 1951, section 3.2.6). */
function writeLiteral(writer: BitWriter, byte: number): void {
  if (byte < 144) writer.writeCode(0x30 + byte, 8);
  else writer.writeCode(0x190 + byte - 144, 9);
}

/** Maximum match length in DEFLATE, which symbol 285 encodes with no extra bits. */
const MAX_MATCH = 258;

/**
 * Builds raw DEFLATE data that expands to `length` copies of `byte`: one fixed-Huffman block with a literal
 * and then matches of 258 bytes at distance 1, 13 bits each, so the ratio is about 158:1. The expanded
 * bytes are never held in memory.
 */
export function deflateRepeatedByte(byte: number, length: number): Uint8Array {
  const matches = Math.floor(Math.max(length - 1, 0) / MAX_MATCH);
  const literals = length === 0 ? 0 : length - matches * MAX_MATCH;
  const writer = new BitWriter(Math.ceil((3 + matches * 13 + literals * 9 + 7) / 8) + 8);
  writer.write(1, 1); // BFINAL: the only block
  writer.write(1, 2); // BTYPE 01: fixed Huffman codes
  if (length > 0) writeLiteral(writer, byte);
  for (let i = 0; i < matches; i++) {
    writer.writeCode(0b11000101, 8); // length symbol 285: 258 bytes
    writer.writeCode(0, 5); // distance symbol 0: distance 1
  }
  for (let i = 1; i < literals; i++) writeLiteral(writer, byte);
  writer.writeCode(0, 7); // symbol 256: end of block
  return writer.finish();
}

function littleEndian(value: number, bytes: 2 | 4): number[] {
  return Array.from({ length: bytes }, (_, i) => Math.floor(value / 256 ** i) & 0xff);
}

/**
 * Builds a gzip member that expands to `length` copies of `byte` (a space by default, so the text is not
 * flagged as binary). NOTE: CRC-32 is left 0 because computing it means walking the expanded bytes.
 * fflate 0.8 does not check it, so the bomb tests the size cap, not a checksum failure.
 */
export function gzipBomb(length: number, byte = 0x20): Uint8Array {
  const header = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
  const trailer = [...littleEndian(0, 4), ...littleEndian(length % 2 ** 32, 4)];
  return concatBytes([Uint8Array.from(header), deflateRepeatedByte(byte, length), Uint8Array.from(trailer)]);
}

/** One entry of a hand-built zip archive: raw DEFLATE data and the sizes its headers declare. */
export interface ZipEntrySpec {
  name: string;
  deflated: Uint8Array;
  /** Uncompressed size written in the headers; a lying bomb declares less than it expands to. */
  declaredSize: number;
}

/** Deflates `content` into a zip entry that declares its true size. */
export function zipEntry(name: string, content: string | Uint8Array): ZipEntrySpec {
  const bytes = typeof content === 'string' ? encodeText(content) : content;
  return { name, deflated: deflateSync(bytes), declaredSize: bytes.length };
}

/**
 * Builds a zip entry that expands to `length` copies of `byte` (a space by default, so the text is not
 * flagged as binary). The headers declare `declaredSize`, by default the true size.
 */
export function bombEntry(name: string, length: number, { byte = 0x20, declaredSize = length } = {}): ZipEntrySpec {
  return { name, deflated: deflateRepeatedByte(byte, length), declaredSize };
}

/**
 * Writes a zip archive (local headers, central directory, end record) of the given entries. CRC-32 fields
 * are left 0, as in `gzipBomb`.
 */
export function zipArchive(entries: readonly ZipEntrySpec[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encodeText(entry.name);
    const common = [
      ...littleEndian(20, 2), // version needed: 2.0 (deflate)
      ...littleEndian(0, 2), // flags
      ...littleEndian(8, 2), // method: deflate
      ...littleEndian(0, 2), // time
      ...littleEndian(0x21, 2), // date: 1980-01-01
      ...littleEndian(0, 4), // CRC-32
      ...littleEndian(entry.deflated.length, 4),
      ...littleEndian(entry.declaredSize % 2 ** 32, 4),
      ...littleEndian(name.length, 2),
      ...littleEndian(0, 2), // extra field length
    ];
    const local = concatBytes([Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...common]), name, entry.deflated]);
    const central = Uint8Array.from([
      0x50, 0x4b, 0x01, 0x02,
      ...littleEndian(20, 2), // version made by
      ...common,
      ...littleEndian(0, 2), // comment length
      ...littleEndian(0, 2), // disk number
      ...littleEndian(0, 2), // internal attributes
      ...littleEndian(0, 4), // external attributes
      ...littleEndian(offset, 4),
    ]);
    locals.push(local);
    centrals.push(concatBytes([central, name]));
    offset += local.length;
  }
  const directory = concatBytes(centrals);
  const end = Uint8Array.from([
    0x50, 0x4b, 0x05, 0x06,
    ...littleEndian(0, 2), // disk number
    ...littleEndian(0, 2), // disk with the directory
    ...littleEndian(entries.length, 2),
    ...littleEndian(entries.length, 2),
    ...littleEndian(directory.length, 4),
    ...littleEndian(offset, 4),
    ...littleEndian(0, 2), // comment length
  ]);
  return concatBytes([...locals, directory, end]);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Shapes that break naive readers

/** Writes `depth` nested arrays, `[[[...]]]`, which overflow the stack of a recursive reader. */
export function nestedArraysText(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

/** Writes `depth` nested objects, `{"a":{"a":...1}}`. */
export function nestedObjectsText(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}
