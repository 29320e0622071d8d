/**
 * Safe readers for untyped JSON records. They never throw and never walk the prototype chain, so keys such
 * as `__proto__` in input are plain data.
 */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own property of an object, or undefined. */
export function own(record: unknown, key: string): unknown {
  if (!isObject(record) || !Object.prototype.hasOwnProperty.call(record, key)) return undefined;
  return record[key];
}

/**
 * Segments of each path given to `at`. Formats call `at` with a few dozen literal paths per record, so
 * splitting each path once saves an array and its strings per call. Paths built from input (SARIF message
 * ids) are not kept once the cache is full, which bounds it.
 */
const PATH_SEGMENTS = new Map<string, readonly string[]>();
const MAX_CACHED_PATHS = 512;

function segmentsOf(path: string): readonly string[] {
  let segments = PATH_SEGMENTS.get(path);
  if (segments === undefined) {
    segments = path.split('.');
    if (PATH_SEGMENTS.size < MAX_CACHED_PATHS) PATH_SEGMENTS.set(path, segments);
  }
  return segments;
}

/** Value at a dotted path of own properties (`Compliance.Status`); array indexes are numeric segments. */
export function at(record: unknown, path: string): unknown {
  let current: unknown = record;
  for (const segment of segmentsOf(path)) {
    if (Array.isArray(current)) {
      const index = Number(segment);
      current = Number.isInteger(index) ? current[index] : undefined;
    } else {
      current = own(current, segment);
    }
    if (current === undefined || current === null) return undefined;
  }
  return current;
}

/** Returns a non-empty trimmed string, or null. Numbers are turned into strings (account ids often are numbers). */
export function str(value: unknown): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export function strAt(record: unknown, path: string): string | null {
  return str(at(record, path));
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Non-empty strings of an array, deduplicated in order. */
export function strings(value: unknown): string[] {
  const out: string[] = [];
  for (const item of arr(value)) {
    const text = str(item);
    if (text !== null && !out.includes(text)) out.push(text);
  }
  return out;
}

/** Tags given as `{Key: Value}` maps or as `[{Key, Value}]` / `[{key, value}]` lists. */
export function tagsOf(value: unknown): Record<string, string> {
  const tags: Record<string, string> = {};
  if (Array.isArray(value)) {
    for (const item of value) {
      const key = str(own(item, 'Key') ?? own(item, 'key') ?? own(item, 'name'));
      const tagValue = str(own(item, 'Value') ?? own(item, 'value')) ?? '';
      if (key !== null) setOwn(tags, key, tagValue);
    }
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) {
      setOwn(tags, key, str(value[key]) ?? '');
    }
  }
  return tags;
}

/** Sets an own property, so that a key named `__proto__` from input is a plain entry, not the prototype. */
function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/** Maximum characters of a raw record kept for the detail view. */
export const RAW_RECORD_LIMIT = 16_384;

/**
 * Whether formats keep raw records. The command line turns it off for outputs that never show them
 * (summary, check, export), because writing and masking the raw text of every record is a large share of
 * the time on exports of 100k+ findings. A process-wide switch, since one process runs one ingest at a time.
 */
export const rawCapture = { enabled: true };

/** Bounded compact JSON text of a record (the detail view indents it); longer records are cut and marked. */
export function rawText(record: unknown): string {
  if (!rawCapture.enabled) return '';
  let text: string;
  try {
    text = JSON.stringify(record) ?? String(record);
  } catch {
    text = String(record);
  }
  if (text.length <= RAW_RECORD_LIMIT) return text;
  return `${text.slice(0, RAW_RECORD_LIMIT)}\n... (cut at ${RAW_RECORD_LIMIT} of ${text.length} characters)`;
}

const ISO_UTC_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Normalises a timestamp to ISO 8601 when it parses, else keeps the source text. Epoch seconds allowed. */
export function timestamp(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const millis = value > 1e12 ? value : value * 1000;
    const date = new Date(millis);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  }
  const text = str(value);
  if (text === null) return null;
  // Most exports already write UTC ISO 8601 with milliseconds; skip the Date round trip for those.
  if (ISO_UTC_MILLIS.test(text)) return text;
  // Text without a zone (Prowler writes `2025-02-14 14:27:03.913874`) is read as UTC, so the result
  // does not depend on the machine's time zone.
  const zoneless = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text);
  const date = new Date(zoneless ? `${text.replace(' ', 'T')}Z` : text);
  return Number.isNaN(date.getTime()) ? text : date.toISOString();
}

/** Account id from an ARN (`arn:partition:service:region:account:resource`), or null. */
export function arnAccount(arn: string | null): string | null {
  return arnField(arn, 4);
}

export function arnRegion(arn: string | null): string | null {
  return arnField(arn, 3);
}

/** Returns the colon-separated field at `position` of an ARN (`arn` is 0), or null when it is empty or missing. */
function arnField(arn: string | null, position: number): string | null {
  if (!arn || !arn.startsWith('arn:')) return null;
  let start = 0;
  for (let field = 0; field < position; field++) {
    start = arn.indexOf(':', start) + 1;
    if (start === 0) return null;
  }
  const end = arn.indexOf(':', start);
  const value = end === -1 ? arn.slice(start) : arn.slice(start, end);
  return value === '' ? null : value;
}

/**
 * Results of `safeUrl` by text. Exports repeat one remediation URL per control over many findings, so
 * parsing each text once saves a URL parse per finding and lets the findings share one string. The cache
 * starts over when full, which bounds it.
 */
const SAFE_URLS = new Map<string, string | null>();
const MAX_CACHED_URLS = 4096;

/** Only http and https URLs are kept as links; anything else (javascript:, data:) becomes null. */
export function safeUrl(value: unknown): string | null {
  const text = str(value);
  if (text === null) return null;
  const cached = SAFE_URLS.get(text);
  if (cached !== undefined) return cached;
  const result = parseHttpUrl(text);
  if (SAFE_URLS.size >= MAX_CACHED_URLS) SAFE_URLS.clear();
  SAFE_URLS.set(text, result);
  return result;
}

function parseHttpUrl(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
