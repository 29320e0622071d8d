/**
 * The raw records of a report, one line each, compressed in independent blocks of about 1 MiB of text. The page
 * inflates a block when one of its records is first shown, so raw records add little to the time a report takes
 * to open, and it keeps only the blocks it has read in memory. Each block restarts DEFLATE's 32 KiB window, which
 * made the raw records of a report on `bench/generate-asff.ts --count 100000` (75,552 findings) 3.9% larger than
 * one stream.
 */
import { inflateSync } from 'fflate';

/** Raw DEFLATE (RFC 1951) of the whole input. */
export type Deflate = (data: Uint8Array) => Uint8Array;

/** A block is closed once its text reaches this many characters. */
export const RAW_BLOCK_CHARS = 1 << 20;

/** Per block, in storage order: how many rows it holds, its compressed bytes and its text's UTF-8 bytes. */
export interface RawBlockIndex {
  rows: number[];
  bytes: number[];
  textBytes: number[];
}

/** Thrown when the block index does not fit the rows or the bytes that follow the header. */
export class RawBlockError extends Error {
  override name = 'RawBlockError';
}

/**
 * Compresses one line per stored row. The lines must not contain a line feed (field-references.ts escapes
 * them). No blocks are written when every line is empty, which is the report without raw records.
 */
export function encodeRawBlocks(lines: readonly string[], deflate: Deflate): { index: RawBlockIndex; blocks: Uint8Array[] } {
  const index: RawBlockIndex = { rows: [], bytes: [], textBytes: [] };
  const blocks: Uint8Array[] = [];
  if (lines.every((line) => line === '')) return { index, blocks };

  const encoder = new TextEncoder();
  let first = 0;
  let chars = 0;
  for (let row = 0; row < lines.length; row++) {
    chars += lines[row].length + 1;
    if (chars < RAW_BLOCK_CHARS && row < lines.length - 1) continue;
    const text = encoder.encode(lines.slice(first, row + 1).join('\n'));
    const block = deflate(text);
    blocks.push(block);
    index.rows.push(row + 1 - first);
    index.bytes.push(block.length);
    index.textBytes.push(text.length);
    first = row + 1;
    chars = 0;
  }
  return { index, blocks };
}

/** Checks the index against the row count and the bytes available, and returns the bytes the blocks take. */
export function checkRawBlockIndex(index: RawBlockIndex, rowCount: number, available: number): number {
  const lists = [index?.rows, index?.bytes, index?.textBytes];
  if (!lists.every(Array.isArray) || !lists.every((list) => list.length === index.rows.length)) {
    throw new RawBlockError('the raw record index is missing or its lists differ in length');
  }
  const rows = index.rows.reduce((sum, count) => sum + count, 0);
  if (index.rows.length > 0 && rows !== rowCount) {
    throw new RawBlockError(`the raw record blocks contain ${rows} records for ${rowCount} findings`);
  }
  const bytes = index.bytes.reduce((sum, count) => sum + count, 0);
  if (bytes !== available) throw new RawBlockError(`the raw record blocks take ${bytes} bytes, but ${available} follow the header`);
  return bytes;
}

/** Reads the line of a stored row from blocks that start at `offset` in `bytes`, inflating blocks on demand. */
export class RawBlockReader {
  private readonly blockOfRow: Uint32Array;
  private readonly firstRow: number[] = [];
  private readonly offsets: number[] = [];
  /**
   * Every block inflated so far. Findings are shown in an order of their own, so a smaller cache would inflate
   * the same blocks again and again: reading all 75k raw records of a report in input order took minutes with
   * four cached blocks. In the worst case it keeps every record, as the previous format always did.
   */
  private readonly inflated = new Map<number, string[]>();

  constructor(
    private readonly bytes: Uint8Array,
    offset: number,
    private readonly index: RawBlockIndex,
  ) {
    const rowCount = index.rows.reduce((sum, count) => sum + count, 0);
    this.blockOfRow = new Uint32Array(rowCount);
    let row = 0;
    index.rows.forEach((count, block) => {
      this.firstRow.push(row);
      this.offsets.push(offset);
      this.blockOfRow.fill(block, row, row + count);
      row += count;
      offset += index.bytes[block];
    });
  }

  /** Returns the line of `row`, or '' when the report has no raw records. Throws RawBlockError for a damaged block. */
  line(row: number): string {
    if (this.index.rows.length === 0) return '';
    const block = this.blockOfRow[row];
    return this.blockLines(block)[row - this.firstRow[block]];
  }

  private blockLines(block: number): string[] {
    let lines = this.inflated.get(block);
    if (!lines) {
      lines = this.inflate(block);
      this.inflated.set(block, lines);
    }
    return lines;
  }

  private inflate(block: number): string[] {
    const start = this.offsets[block];
    const compressed = this.bytes.subarray(start, start + this.index.bytes[block]);
    let text: string;
    try {
      const inflated = inflateSync(compressed, { out: new Uint8Array(this.index.textBytes[block]) });
      text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
    } catch (error) {
      throw new RawBlockError(`raw record block ${block} could not be inflated (${error instanceof Error ? error.message : String(error)})`);
    }
    const lines = text.split('\n');
    if (lines.length !== this.index.rows[block]) {
      throw new RawBlockError(`raw record block ${block} contains ${lines.length} records instead of ${this.index.rows[block]}`);
    }
    return lines;
  }
}
