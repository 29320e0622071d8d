/**
 * Incremental splitter for one large JSON document that arrives as byte chunks. A byte-level state machine
 * finds the records array (a top-level array, or an array under one of RECORD_ARRAY_PATHS) and hands each
 * complete element to a callback as a parsed value. It never builds a string of the whole document, so it
 * reads files larger than the maximum JavaScript string length (about 512 MiB in V8).
 *
 * Only the records are parsed: every other value is skipped by bracket counting. Structure characters are
 * ASCII and never occur inside a UTF-8 multi-byte sequence, so chunks may split characters anywhere.
 */

/** Keys from the top-level value down to the records array, tried in this order. */
export const RECORD_ARRAY_PATHS: readonly (readonly string[])[] = [
  // A bare array: Prowler JSON-OCSF, ASFF arrays written by scanners, most tool exports.
  [],
  // Security Hub and GuardDuty get-findings output.
  ['Findings'],
  // Inspector2, Access Analyzer and Inspector Classic list-findings, and Security Hub exports with a lower-case key.
  ['findings'],
  // tfsec JSON.
  ['results'],
  // AWS Config get-compliance-details-by-config-rule.
  ['EvaluationResults'],
  // Recorded API responses (cloud-custodian placebo files) wrap the response body in `data`.
  ['data', 'Findings'],
  ['data', 'findings'],
  ['data', 'EvaluationResults'],
  // EventBridge events, detail-type "Security Hub Findings - Imported".
  ['detail', 'findings'],
];

/** Position of an element in the input. */
export interface ElementPosition {
  /** Zero-based index among the elements of the records array (or non-blank lines of JSON Lines). */
  index: number;
  /** Byte offset where the element starts (where its line starts, for JSON Lines). */
  offset: number;
  /** Byte offset just after the element's last byte (before the line feed, for JSON Lines). */
  end: number;
  /** 1-based line number, known for JSON Lines only. */
  line?: number;
}

export interface SplitHandlers {
  /** Receives each complete element, parsed, in input order. */
  onElement(value: unknown, position: ElementPosition): void;
  /** Receives an element whose bytes are not valid JSON or UTF-8. Splitting goes on after it. */
  onInvalidElement(position: ElementPosition, detail: string): void;
}

/** Outcome of splitting a document. `bytes` counts every byte pushed. */
export type SplitResult =
  | { status: 'complete'; elements: number; bytes: number; recordsPath: string[] }
  /** Nothing but white space (and a byte order mark). */
  | { status: 'empty'; elements: 0; bytes: number }
  /** The input stopped inside the document. Elements before `lastElementEnd` were delivered. */
  | { status: 'truncated'; elements: number; bytes: number; lastElementEnd: number }
  /** A structural error at byte `offset`. Elements before it were delivered, and nothing after it. */
  | { status: 'invalid'; elements: number; bytes: number; offset: number; detail: string }
  /** A complete document without a records array. */
  | { status: 'no_records'; elements: 0; bytes: number; detail: string };

/** Splitter of one input into records: `push` delivers elements through the handlers as they complete. */
export interface RecordSplitter {
  push(chunk: Uint8Array): void;
  /** Ends the input and reports how the document ended. */
  end(): SplitResult;
  /** True once a structural error was found. Later pushes are ignored, so the caller may stop reading. */
  readonly failed: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Scanner results besides an end index. */
const NEED_MORE = -1;
const SCAN_ERROR = -2;

/** A run of whole elements inside one chunk is parsed in one call once it reaches this size (bytes). */
const RUN_LIMIT = 4 * 1024 * 1024;

export function isJsonWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function isValueStart(byte: number): boolean {
  return (
    byte === OPEN_BRACE ||
    byte === OPEN_BRACKET ||
    byte === QUOTE ||
    byte === 0x2d || // '-'
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x74 || // 't'
    byte === 0x66 || // 'f'
    byte === 0x6e // 'n'
  );
}

/** Bytes that end a number or a literal. */
function endsPrimitive(byte: number): boolean {
  return byte === COMMA || byte === CLOSE_BRACKET || byte === CLOSE_BRACE || isJsonWhitespace(byte);
}

export function describeByte(byte: number): string {
  return byte >= 0x21 && byte < 0x7f ? `"${String.fromCharCode(byte)}"` : `byte 0x${byte.toString(16).padStart(2, '0')}`;
}

/**
 * Finds where one JSON value ends without parsing it: string state, escapes and a stack of open brackets,
 * resumable across chunks. Brackets are checked for pairing, and everything else is left to JSON.parse.
 */
class ValueScanner {
  private stack = new Uint8Array(64);
  private depth = 0;
  private inString = false;
  private escaped = false;
  private scanningPrimitive = false;
  /** Index in the chunk and message of the last SCAN_ERROR. */
  errorIndex = 0;
  errorDetail = '';

  /** Starts a value whose first byte is `first` (already checked with isValueStart). */
  start(first: number): void {
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.scanningPrimitive = first !== OPEN_BRACE && first !== OPEN_BRACKET && first !== QUOTE;
  }

  /** True when the input may end here: a number or literal is complete once no byte follows it. */
  get inPrimitive(): boolean {
    return this.scanningPrimitive;
  }

  /** Returns the index just past the value, NEED_MORE when the chunk ends first, or SCAN_ERROR. */
  scan(bytes: Uint8Array, from: number): number {
    const length = bytes.length;
    let i = from;
    if (this.scanningPrimitive) {
      while (i < length && !endsPrimitive(bytes[i])) i++;
      if (i === length) return NEED_MORE;
      this.scanningPrimitive = false;
      return i;
    }
    let depth = this.depth;
    while (i < length) {
      if (this.inString) {
        i = this.skipString(bytes, i);
        if (i === NEED_MORE) break;
        if (depth === 0) return i;
        continue;
      }
      const byte = bytes[i];
      if (byte === QUOTE) {
        this.inString = true;
      } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        if (depth === this.stack.length) this.growStack();
        this.stack[depth++] = byte;
      } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        const open = this.stack[--depth];
        if ((open === OPEN_BRACE) !== (byte === CLOSE_BRACE)) {
          this.errorIndex = i;
          this.errorDetail = `${describeByte(byte)} closes ${open === OPEN_BRACE ? 'an object' : 'an array'}`;
          return SCAN_ERROR;
        }
        if (depth === 0) {
          this.depth = 0;
          return i + 1;
        }
      }
      i++;
    }
    this.depth = depth;
    return NEED_MORE;
  }

  /**
   * Skips string content from `from` to just past the closing quote, or returns NEED_MORE. A quote is
   * escaped when an odd number of backslashes precede it, counting one carried over from the last chunk.
   */
  private skipString(bytes: Uint8Array, from: number): number {
    let i = from;
    for (;;) {
      const quote = bytes.indexOf(QUOTE, i);
      const stop = quote === -1 ? bytes.length : quote;
      let k = stop - 1;
      while (k >= i && bytes[k] === BACKSLASH) k--;
      let backslashes = stop - 1 - k;
      if (k < i && this.escaped) backslashes++;
      const oddBackslashes = (backslashes & 1) === 1;
      if (quote === -1) {
        this.escaped = oddBackslashes;
        return NEED_MORE;
      }
      this.escaped = false;
      if (!oddBackslashes) {
        this.inString = false;
        return quote + 1;
      }
      i = quote + 1;
    }
  }

  private growStack(): void {
    const grown = new Uint8Array(this.stack.length * 2);
    grown.set(this.stack);
    this.stack = grown;
  }
}

type State =
  | 'bom'
  | 'root_value'
  | 'key_or_end'
  | 'key'
  | 'in_key'
  | 'colon'
  | 'value'
  | 'skip_value'
  | 'after_value'
  | 'first_element'
  | 'element'
  | 'in_element'
  | 'after_element'
  | 'end'
  | 'failed';

/** Maximum top-level keys quoted in a `no_records` result. */
const MAX_KEYS_LISTED = 12;

/** Splitter of a JSON document into the elements of its records array, as the file header describes. */
export class JsonArraySplitter implements RecordSplitter {
  private state: State = 'bom';
  private readonly scanner = new ValueScanner();
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  /** Absolute offset of the current chunk's first byte. */
  private offset = 0;
  private bomIndex = 0;
  /** Keys of the open objects above the current one, and the key whose value comes next. */
  private readonly path: string[] = [];
  private openObjects = 0;
  private pendingKey = '';
  private recordsPath: string[] | null = null;
  private readonly topLevelKeys: string[] = [];
  private sawValue = false;
  private rootIsObject = false;
  /** The chunk being pushed, so that a failure can first deliver the elements completed before it. */
  private chunk: Uint8Array = new Uint8Array(0);
  /** Bytes of a key or element that started in an earlier chunk. */
  private pieces: Uint8Array[] = [];
  private captureStart = 0;
  private captureOffset = 0;
  /** Whole elements of the current chunk waiting to be parsed in one call. */
  private runStarts: number[] = [];
  private runEnds: number[] = [];
  private elements = 0;
  private lastElementEnd = 0;
  private error: { offset: number; detail: string } | null = null;
  private result: SplitResult | null = null;

  constructor(private readonly handlers: SplitHandlers) {}

  get failed(): boolean {
    return this.state === 'failed';
  }

  push(chunk: Uint8Array): void {
    if (this.result !== null) throw new Error('JsonArraySplitter.push was called after end()');
    this.chunk = chunk;
    let i = 0;
    while (i < chunk.length && this.state !== 'failed') {
      switch (this.state) {
        case 'in_element':
        case 'in_key':
          i = this.continueCapture(chunk, i);
          break;
        case 'skip_value':
          i = this.continueSkip(chunk, i);
          break;
        default:
          i = this.step(chunk, i);
      }
    }
    if (this.state !== 'failed') this.flushRun(chunk);
    this.runStarts = [];
    this.runEnds = [];
    this.offset += chunk.length;
  }

  end(): SplitResult {
    if (this.result !== null) return this.result;
    const bytes = this.offset;
    const elements = this.elements;
    // A top-level number or literal has no closing byte.
    if (this.state === 'skip_value' && this.openObjects === 0 && this.scanner.inPrimitive) this.state = 'end';
    if (this.error !== null) {
      this.result = { status: 'invalid', elements, bytes, ...this.error };
    } else if (!this.sawValue) {
      this.result = { status: 'empty', elements: 0, bytes };
    } else if (this.state !== 'end') {
      this.result = { status: 'truncated', elements, bytes, lastElementEnd: this.lastElementEnd };
    } else if (this.recordsPath === null) {
      this.result = { status: 'no_records', elements: 0, bytes, detail: this.describeMissingRecords() };
    } else {
      this.result = { status: 'complete', elements, bytes, recordsPath: this.recordsPath };
    }
    return this.result;
  }

  /** Handles one byte outside captured or skipped values and returns the next index. */
  private step(chunk: Uint8Array, i: number): number {
    const byte = chunk[i];
    if (this.state === 'bom') return this.stepBom(byte, i);
    if (isJsonWhitespace(byte)) return i + 1;
    switch (this.state) {
      case 'root_value':
        return this.startRootValue(chunk, i);
      case 'key_or_end':
        if (byte === CLOSE_BRACE) return this.closeObject(i);
        return this.startKey(chunk, i);
      case 'key':
        return this.startKey(chunk, i);
      case 'colon':
        if (byte !== COLON) return this.fail(i, `expected ":" after the key "${this.pendingKey}", found ${describeByte(byte)}`);
        this.state = 'value';
        return i + 1;
      case 'value':
        return this.startMemberValue(chunk, i);
      case 'after_value':
        if (byte === COMMA) {
          this.state = 'key';
          return i + 1;
        }
        if (byte === CLOSE_BRACE) return this.closeObject(i);
        return this.fail(i, `expected "," or "}" after a value, found ${describeByte(byte)}`);
      case 'first_element':
        if (byte === CLOSE_BRACKET) return this.closeRecords(i);
        return this.startElement(chunk, i);
      case 'element':
        return this.startElement(chunk, i);
      case 'after_element':
        if (byte === COMMA) {
          this.state = 'element';
          return i + 1;
        }
        if (byte === CLOSE_BRACKET) return this.closeRecords(i);
        return this.fail(i, `expected "," or "]" after a record, found ${describeByte(byte)}`);
      case 'end':
        return this.fail(i, `unexpected ${describeByte(byte)} after the end of the JSON document`);
      default:
        return this.fail(i, `internal state ${this.state} reached the byte loop`);
    }
  }

  private stepBom(byte: number, i: number): number {
    if (byte === UTF8_BOM[this.bomIndex]) {
      this.bomIndex++;
      if (this.bomIndex === UTF8_BOM.length) this.state = 'root_value';
      return i + 1;
    }
    if (this.bomIndex > 0) return this.fail(i, 'the byte order mark is incomplete, so the text is not valid UTF-8');
    if (byte === 0xff || byte === 0xfe) {
      return this.fail(i, 'the file starts with a UTF-16 byte order mark; the streaming reader needs UTF-8');
    }
    this.state = 'root_value';
    return i;
  }

  private startRootValue(chunk: Uint8Array, i: number): number {
    const byte = chunk[i];
    this.sawValue = true;
    if (byte === OPEN_BRACKET) return this.openRecords([], i);
    if (byte === OPEN_BRACE) {
      this.rootIsObject = true;
      this.openObjects = 1;
      this.state = 'key_or_end';
      return i + 1;
    }
    if (!isValueStart(byte)) return this.fail(i, `a JSON document cannot start with ${describeByte(byte)}`);
    this.scanner.start(byte);
    this.state = 'skip_value';
    return i;
  }

  private startKey(chunk: Uint8Array, i: number): number {
    const byte = chunk[i];
    if (byte !== QUOTE) return this.fail(i, `expected a quoted key, found ${describeByte(byte)}`);
    this.scanner.start(byte);
    this.beginCapture(i);
    this.state = 'in_key';
    return i;
  }

  /** Decides for the value after a key: the records array, an object on the way to it, or a value to skip. */
  private startMemberValue(chunk: Uint8Array, i: number): number {
    const byte = chunk[i];
    if (!isValueStart(byte)) return this.fail(i, `expected a value after the key "${this.pendingKey}", found ${describeByte(byte)}`);
    if (this.recordsPath === null) {
      const keys = [...this.path, this.pendingKey];
      if (byte === OPEN_BRACKET && isRecordsPath(keys)) return this.openRecords(keys, i);
      if (byte === OPEN_BRACE && isPathPrefix(keys)) {
        this.path.push(this.pendingKey);
        this.openObjects++;
        this.state = 'key_or_end';
        return i + 1;
      }
    }
    this.scanner.start(byte);
    this.state = 'skip_value';
    return i;
  }

  private startElement(chunk: Uint8Array, i: number): number {
    const byte = chunk[i];
    if (!isValueStart(byte)) {
      const what = byte === CLOSE_BRACKET ? 'a comma before "]"' : describeByte(byte);
      return this.fail(i, `expected a record, found ${what}`);
    }
    this.scanner.start(byte);
    this.beginCapture(i);
    this.state = 'in_element';
    return i;
  }

  private openRecords(keys: string[], i: number): number {
    this.recordsPath = keys;
    this.state = 'first_element';
    return i + 1;
  }

  private closeRecords(i: number): number {
    this.state = this.openObjects === 0 ? 'end' : 'after_value';
    return i + 1;
  }

  private closeObject(i: number): number {
    this.openObjects--;
    if (this.openObjects === 0) {
      this.state = 'end';
    } else {
      this.path.pop();
      this.state = 'after_value';
    }
    return i + 1;
  }

  private continueSkip(chunk: Uint8Array, i: number): number {
    const end = this.scanner.scan(chunk, i);
    if (end === NEED_MORE) return chunk.length;
    if (end === SCAN_ERROR) return this.fail(this.scanner.errorIndex, this.scanner.errorDetail);
    this.state = this.openObjects === 0 ? 'end' : 'after_value';
    return end;
  }

  private beginCapture(i: number): void {
    this.pieces = [];
    this.captureStart = i;
    this.captureOffset = this.offset + i;
  }

  /** Scans a key or element and parses it once complete. Whole elements of one chunk are parsed in runs. */
  private continueCapture(chunk: Uint8Array, i: number): number {
    const end = this.scanner.scan(chunk, i);
    if (end === SCAN_ERROR) return this.fail(this.scanner.errorIndex, this.scanner.errorDetail);
    if (end === NEED_MORE) {
      // The chunk may be reused by its producer, so a partial value is copied.
      this.pieces.push(chunk.slice(this.captureStart));
      this.captureStart = 0;
      return chunk.length;
    }
    const spansChunks = this.pieces.length > 0;
    if (spansChunks) this.pieces.push(chunk.subarray(0, end));

    if (this.state === 'in_key') {
      const bytes = spansChunks ? concatBytes(this.pieces) : chunk.subarray(this.captureStart, end);
      this.acceptKey(bytes);
      this.pieces = [];
      return end;
    }

    this.lastElementEnd = this.offset + end;
    this.state = 'after_element';
    if (spansChunks) {
      this.flushRun(chunk);
      this.emitOne(concatBytes(this.pieces), this.captureOffset);
      this.pieces = [];
    } else {
      this.runStarts.push(this.captureStart);
      this.runEnds.push(end);
      if (end - this.runStarts[0] >= RUN_LIMIT) this.flushRun(chunk);
    }
    return end;
  }

  private acceptKey(bytes: Uint8Array): void {
    let key: unknown;
    try {
      key = JSON.parse(this.decoder.decode(bytes));
    } catch {
      key = null;
    }
    if (typeof key !== 'string') {
      this.fail(this.captureOffset - this.offset, 'a key is not a valid JSON string');
      return;
    }
    this.pendingKey = key;
    if (this.openObjects === 1 && this.topLevelKeys.length < MAX_KEYS_LISTED) this.topLevelKeys.push(key);
    this.state = 'colon';
  }

  /** Parses the pending run of whole elements with one JSON.parse, or one by one when that fails. */
  private flushRun(chunk: Uint8Array): void {
    const count = this.runStarts.length;
    if (count === 0) return;
    const first = this.runStarts[0];
    const last = this.runEnds[count - 1];
    let values: unknown[] | null = null;
    try {
      values = JSON.parse(`[${this.decoder.decode(chunk.subarray(first, last))}]`) as unknown[];
    } catch {
      values = null;
    }
    if (values !== null && values.length === count) {
      for (let k = 0; k < count; k++) {
        this.handlers.onElement(values[k], {
          index: this.elements++,
          offset: this.offset + this.runStarts[k],
          end: this.offset + this.runEnds[k],
        });
      }
    } else {
      for (let k = 0; k < count; k++) {
        this.emitOne(chunk.subarray(this.runStarts[k], this.runEnds[k]), this.offset + this.runStarts[k]);
      }
    }
    this.runStarts = [];
    this.runEnds = [];
  }

  private emitOne(bytes: Uint8Array, offset: number): void {
    const position = { index: this.elements++, offset, end: offset + bytes.length };
    const parsed = parseElement(this.decoder, bytes);
    if (parsed.ok) this.handlers.onElement(parsed.value, position);
    else this.handlers.onInvalidElement(position, parsed.detail);
  }

  /** Records a structural error at chunk index `i` after delivering the elements completed before it. */
  private fail(i: number, detail: string): number {
    this.flushRun(this.chunk);
    this.error = { offset: this.offset + i, detail };
    this.state = 'failed';
    return this.chunk.length;
  }

  private describeMissingRecords(): string {
    const accepted = acceptedPathsText();
    if (this.topLevelKeys.length > 0) {
      return `the top-level object has the keys ${this.topLevelKeys.join(', ')} but no records array under ${accepted}`;
    }
    if (this.rootIsObject) return 'the top-level object is empty';
    return `the top-level value is neither an array nor an object with a records array under ${accepted}`;
  }
}

/** Parses one element's bytes. On failure the detail describes what is wrong. */
export function parseElement(
  decoder: TextDecoder,
  bytes: Uint8Array,
): { ok: true; value: unknown } | { ok: false; detail: string } {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch (error) {
    // A fatal decoder raises TypeError for bad UTF-8. Other errors mean the text is too long for one string.
    if (error instanceof TypeError) return { ok: false, detail: 'the record is not valid UTF-8' };
    return { ok: false, detail: `the record of ${bytes.length} bytes could not be decoded (${String(error)})` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, detail: `the record is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

function isRecordsPath(keys: readonly string[]): boolean {
  return RECORD_ARRAY_PATHS.some((path) => path.length === keys.length && path.every((key, i) => key === keys[i]));
}

function isPathPrefix(keys: readonly string[]): boolean {
  return RECORD_ARRAY_PATHS.some((path) => path.length > keys.length && keys.every((key, i) => key === path[i]));
}

function acceptedPathsText(): string {
  return RECORD_ARRAY_PATHS.filter((path) => path.length > 0)
    .map((path) => path.join('.'))
    .join(', ');
}

export function concatBytes(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1) return pieces[0];
  let total = 0;
  for (const piece of pieces) total += piece.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}
