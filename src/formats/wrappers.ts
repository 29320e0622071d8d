/**
 * Shapes around the findings of AWS API exports: cloud-custodian "placebo" recordings of API responses
 * (`{"status_code": 200, "data": {...}}`, with datetimes written as `{"__class__": "datetime", ...}`),
 * EventBridge events whose `detail` is one finding, and files a format recognises that hold no findings.
 */
import { isObject, own, timestamp } from './fields';
import { reject } from './record';
import type { FormatInput, RecordOutcome } from './types';

/** Returns the API response inside a placebo recording, or the value itself when it is not one. */
export function unwrapRecorded(value: unknown): unknown {
  if (isObject(value) && typeof own(value, 'status_code') === 'number' && isObject(own(value, 'data'))) {
    return own(value, 'data');
  }
  return value;
}

const DATETIME_PARTS = ['year', 'month', 'day', 'hour', 'minute', 'second', 'microsecond'] as const;

/**
 * Normalises a timestamp to ISO 8601 like `timestamp`, and also reads placebo datetime objects.
 * NOTE: placebo drops the time zone, so these datetimes are read as UTC. A recording of local times would be
 * off by the recording machine's offset.
 */
export function recordedTimestamp(value: unknown): string | null {
  if (!isObject(value) || own(value, '__class__') !== 'datetime') return timestamp(value);
  const parts = DATETIME_PARTS.map((key) => own(value, key) ?? 0);
  if (!parts.every((part) => typeof part === 'number' && Number.isInteger(part))) return null;
  const [year, month, day, hour, minute, second, microsecond] = parts as number[];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, Math.floor(microsecond / 1000)));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Returns the array under `key` of an API response (placebo wrapper removed), or null when there is none. */
export function listUnder(value: unknown, key: string): unknown[] | null {
  const list = own(unwrapRecorded(value), key);
  return Array.isArray(list) ? list : null;
}

/** Returns the `detail` of an EventBridge event from `source` (e.g. `aws.guardduty`), or null for anything else. */
export function eventDetail(value: unknown, source: string): unknown {
  if (!isObject(value) || own(value, 'source') !== source) return null;
  const detail = own(value, 'detail');
  return isObject(detail) ? detail : null;
}

/** Returns the top-level JSON values of a document: one for JSON, one per line for JSON Lines, none otherwise. */
export function jsonValues(input: FormatInput): unknown[] {
  const { doc } = input;
  if (doc.kind === 'json') return [doc.value];
  if (doc.kind === 'jsonl') return doc.values;
  return [];
}

/**
 * Flattens the records of JSON values: arrays contribute their items, other values themselves. `expand`
 * turns one value into its records (an API response into its list, an event into its detail). `limit`
 * stops early, for detection that looks at the first records only.
 */
export function recordsOf<T = unknown>(
  values: readonly unknown[],
  expand: (value: unknown) => T[],
  limit = Infinity,
): T[] {
  const records: T[] = [];
  for (const value of values) {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      // A loop, not push(...list): spreading a list of some 10^5 records overflows the call stack.
      for (const record of expand(item)) {
        if (records.length >= limit) return records;
        records.push(record);
      }
    }
  }
  return records;
}

/** Number of records that detection inspects. */
export const DETECTION_SAMPLE = 10;

/** Returns the objects among the first records of the values, which detection inspects instead of the whole file. */
export function sampleObjects(values: readonly unknown[], expand: (value: unknown) => unknown[]): Record<string, unknown>[] {
  return recordsOf(values, expand, DETECTION_SAMPLE).filter(isObject);
}

/**
 * Returns the single outcome of a file that a format recognises but that contains no findings (a list of
 * finding ids, a check catalog). It is reported at record 0 with the code `not_findings`, which `isFileLevel`
 * treats as a problem of the file, so that ingest can show it without counting a rejected record.
 */
export function notFindings(detail: string): RecordOutcome {
  return reject(0, 'not_findings', detail);
}
