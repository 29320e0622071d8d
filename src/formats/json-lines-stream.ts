/**
 * Incremental splitter for JSON Lines (one JSON value per line), the streaming sibling of the JSON Lines
 * branch of document.ts. Blank lines are skipped. A line that does not parse is reported as an invalid
 * element, and splitting goes on. A last line without a newline that does not parse is taken as the point
 * where the input was cut.
 */
import { concatBytes, parseElement, type RecordSplitter, type SplitHandlers, type SplitResult } from './json-stream';

const LF = 0x0a;

/** Complete lines of one chunk are decoded together once they reach this size (bytes). */
const RUN_LIMIT = 4 * 1024 * 1024;

export class JsonLinesSplitter implements RecordSplitter {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  /** Absolute offset of the current chunk's first byte. */
  private offset = 0;
  /** 1-based number of the line that starts at the current position. */
  private line = 1;
  /** Bytes of a line that started in an earlier chunk, and its absolute offset. */
  private pieces: Uint8Array[] = [];
  private pieceOffset = 0;
  private elements = 0;
  private lastElementEnd = 0;
  private result: SplitResult | null = null;

  constructor(private readonly handlers: SplitHandlers) {}

  /** Always false: a bad line is reported as one invalid element, never as a structural error. */
  get failed(): boolean {
    return false;
  }

  push(chunk: Uint8Array): void {
    if (this.result !== null) throw new Error('JsonLinesSplitter.push was called after end()');
    let start = 0;
    let runStart = -1;
    let runLine = this.line;
    for (;;) {
      const newline = chunk.indexOf(LF, start);
      if (newline === -1) break;
      if (this.pieces.length > 0) {
        this.pieces.push(chunk.subarray(0, newline));
        this.handleLine(concatBytes(this.pieces), this.pieceOffset, this.line);
        this.pieces = [];
        this.line++;
      } else {
        if (runStart === -1) {
          runStart = start;
          runLine = this.line;
        }
        this.line++;
        if (newline + 1 - runStart >= RUN_LIMIT) {
          this.handleRun(chunk, runStart, newline + 1, runLine);
          runStart = -1;
        }
      }
      start = newline + 1;
    }
    if (runStart !== -1) this.handleRun(chunk, runStart, start, runLine);
    if (start < chunk.length) {
      if (this.pieces.length === 0) this.pieceOffset = this.offset + start;
      // The chunk may be reused by its producer, so the unfinished line is copied.
      this.pieces.push(chunk.slice(start));
    }
    this.offset += chunk.length;
  }

  end(): SplitResult {
    if (this.result !== null) return this.result;
    const bytes = this.offset;
    if (this.pieces.length > 0) {
      const last = concatBytes(this.pieces);
      this.pieces = [];
      const text = safeDecode(this.decoder, last);
      if (text !== null && text.trim() !== '') {
        const parsed = parseElement(this.decoder, last);
        if (!parsed.ok) {
          this.result = { status: 'truncated', elements: this.elements, bytes, lastElementEnd: this.lastElementEnd };
          return this.result;
        }
        this.handlers.onElement(parsed.value, { index: this.elements++, offset: this.pieceOffset, end: this.pieceOffset + last.length, line: this.line });
        this.lastElementEnd = bytes;
      }
    }
    this.result =
      this.elements === 0
        ? { status: 'empty', elements: 0, bytes }
        : { status: 'complete', elements: this.elements, bytes, recordsPath: [] };
    return this.result;
  }

  /** Decodes a run of whole lines (each ending in LF) at once, then parses line by line. */
  private handleRun(chunk: Uint8Array, from: number, to: number, firstLine: number): void {
    const text = safeDecode(this.decoder, chunk.subarray(from, to));
    let byteStart = from;
    let textStart = 0;
    let line = firstLine;
    while (byteStart < to) {
      const byteEnd = chunk.indexOf(LF, byteStart);
      if (text === null) {
        // Some line is not valid UTF-8, so each line is decoded alone to find it.
        this.handleLine(chunk.subarray(byteStart, byteEnd), this.offset + byteStart, line++);
      } else {
        const textEnd = text.indexOf('\n', textStart);
        this.handleText(text.slice(textStart, textEnd), this.offset + byteStart, this.offset + byteEnd, line++);
        textStart = textEnd + 1;
      }
      byteStart = byteEnd + 1;
    }
    this.lastElementEnd = this.offset + to;
  }

  private handleLine(bytes: Uint8Array, offset: number, line: number): void {
    const text = safeDecode(this.decoder, bytes);
    if (text === null) {
      this.handlers.onInvalidElement({ index: this.elements++, offset, end: offset + bytes.length, line }, `line ${line} is not valid UTF-8`);
      return;
    }
    this.handleText(text, offset, offset + bytes.length, line);
    this.lastElementEnd = offset + bytes.length + 1;
  }

  private handleText(text: string, offset: number, end: number, line: number): void {
    // A byte order mark can only open the first line; JSON.parse would reject it.
    const body = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
    if (body === '') return;
    const position = { index: this.elements++, offset, end, line };
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.handlers.onInvalidElement(position, `line ${line} is not valid JSON (${message})`);
      return;
    }
    this.handlers.onElement(value, position);
  }
}

function safeDecode(decoder: TextDecoder, bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}
