/**
 * Splits a byte stream into records whether it contains one JSON document or JSON Lines. The choice is made
 * once, from the start of the input: JSON Lines when the first line is a complete JSON object or array and
 * more content follows it, a JSON document otherwise.
 */
import { JsonLinesSplitter } from './json-lines-stream';
import { JsonArraySplitter, concatBytes, isJsonWhitespace, type RecordSplitter, type SplitHandlers, type SplitResult } from './json-stream';

export type StreamKind = 'json' | 'jsonl';

/** Maximum bytes examined before choosing. A longer first line is read as one JSON document. */
export const SNIFF_LIMIT = 1024 * 1024;

const LF = 0x0a;

export class RecordStreamSplitter implements RecordSplitter {
  private buffered: Uint8Array[] = [];
  private bufferedBytes = 0;
  private inner: RecordSplitter | null = null;
  private chosen: StreamKind | null = null;

  constructor(private readonly handlers: SplitHandlers) {}

  /** The kind chosen, or null while the start of the input is still being examined. */
  get kind(): StreamKind | null {
    return this.chosen;
  }

  get failed(): boolean {
    return this.inner?.failed ?? false;
  }

  push(chunk: Uint8Array): void {
    if (this.inner !== null) {
      this.inner.push(chunk);
      return;
    }
    // The chunk may be reused by its producer while it waits here.
    this.buffered.push(chunk.slice());
    this.bufferedBytes += chunk.length;
    const kind = chooseKind(concatBytes(this.buffered), false);
    if (kind !== null) this.start(kind);
  }

  end(): SplitResult {
    if (this.inner === null) this.start(chooseKind(concatBytes(this.buffered), true) ?? 'json');
    return (this.inner as RecordSplitter).end();
  }

  private start(kind: StreamKind): void {
    this.chosen = kind;
    const inner = kind === 'jsonl' ? new JsonLinesSplitter(this.handlers) : new JsonArraySplitter(this.handlers);
    this.inner = inner;
    const buffered = this.buffered;
    this.buffered = [];
    for (const chunk of buffered) inner.push(chunk);
  }
}

/**
 * Returns the kind of input that starts with `bytes`, or null when more bytes are needed. `atEnd` means that
 * `bytes` is the whole input.
 */
export function chooseKind(bytes: Uint8Array, atEnd: boolean): StreamKind | null {
  const undecided = atEnd || bytes.length >= SNIFF_LIMIT ? 'json' : null;
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (start < bytes.length && isJsonWhitespace(bytes[start])) start++;
  if (start === bytes.length) return undecided;
  if (bytes[start] !== 0x7b && bytes[start] !== 0x5b) return 'json';

  const newline = bytes.indexOf(LF, start);
  if (newline === -1) return undecided;
  if (!isCompleteJson(bytes.subarray(start, newline))) return 'json';

  let next = newline + 1;
  while (next < bytes.length && isJsonWhitespace(bytes[next])) next++;
  if (next === bytes.length) return undecided;
  return 'jsonl';
}

function isCompleteJson(bytes: Uint8Array): boolean {
  try {
    JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return true;
  } catch {
    return false;
  }
}
