import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkRawBlockIndex, encodeRawBlocks, RAW_BLOCK_CHARS, RawBlockError, RawBlockReader } from './raw-blocks';

const deflate = (data: Uint8Array) => deflateSync(data);

function joined(blocks: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(blocks.reduce((sum, block) => sum + block.length, 0));
  let offset = 0;
  for (const block of blocks) {
    bytes.set(block, offset);
    offset += block.length;
  }
  return bytes;
}

describe('raw blocks', () => {
  it('writes no blocks for empty lines', () => {
    const { index, blocks } = encodeRawBlocks(['', '', ''], deflate);
    expect(blocks).toEqual([]);
    expect(checkRawBlockIndex(index, 3, 0)).toBe(0);
    expect(new RawBlockReader(new Uint8Array(0), 0, index).line(2)).toBe('');
  });

  it('splits lines into blocks and reads each back', () => {
    const lines = Array.from({ length: 3000 }, (_, row) => `{"row":${row},"text":"${'é'.repeat(row % 700)}"}`);
    const { index, blocks } = encodeRawBlocks(lines, deflate);
    const total = lines.reduce((sum, line) => sum + line.length + 1, 0);
    expect(blocks.length).toBe(Math.ceil(total / RAW_BLOCK_CHARS));
    expect(index.rows.reduce((sum, rows) => sum + rows, 0)).toBe(3000);

    const prefix = new Uint8Array([9, 9, 9]);
    const bytes = joined([prefix, ...blocks]);
    expect(checkRawBlockIndex(index, 3000, bytes.length - 3)).toBe(bytes.length - 3);
    const reader = new RawBlockReader(bytes, 3, index);
    for (const row of [0, 1, 1499, 2999, 0, 2000]) expect(reader.line(row)).toBe(lines[row]);
  });

  it('rejects an index that does not fit', () => {
    const { index, blocks } = encodeRawBlocks(['a', 'b'], deflate);
    const bytes = blocks[0].length;
    expect(() => checkRawBlockIndex(index, 3, bytes)).toThrow('the raw record blocks contain 2 records for 3 findings');
    expect(() => checkRawBlockIndex(index, 2, bytes + 1)).toThrow(`take ${bytes} bytes, but ${bytes + 1} follow the header`);
    expect(() => checkRawBlockIndex({ ...index, bytes: [] }, 2, bytes)).toThrow(RawBlockError);
  });

  it('throws for a damaged block', () => {
    const { index, blocks } = encodeRawBlocks(['first', 'second'], deflate);
    expect(() => new RawBlockReader(new Uint8Array(blocks[0].length).fill(0xff), 0, index).line(0)).toThrow(RawBlockError);
    expect(() => new RawBlockReader(blocks[0], 0, { ...index, rows: [3] }).line(0)).toThrow('contains 2 records instead of 3');
  });
});
