/**
 * Reading shared by Prowler's OCSF and CSV outputs (Prowler 4.x and 5.x; the OCSF module also reads the
 * 3.x/4.2 OCSF layout). Source: prowler/lib/outputs/ocsf/ocsf.py, csv/csv.py and utils.py in
 * prowler-cloud/prowler.
 */
import type { Severity, Status } from '../model/vocabulary';
import { str, timestamp } from './fields';
import { severityFromWord } from './normalise';
import { ownTable } from './lookup';

/** The key of AWS Foundational Security Best Practices in Prowler's compliance map. */
export const FSBP_FRAMEWORK = 'AWS-Foundational-Security-Best-Practices';

/** Prowler's check results. */
const STATUS_CODES: Record<string, Status> = ownTable({
  FAIL: 'open',
  PASS: 'passed',
  MANUAL: 'unknown',
});

/** Returns the status of a Prowler result. A muted result is suppressed whatever its check result. */
export function prowlerStatus(code: string | null, muted: boolean): Status {
  if (muted) return 'suppressed';
  if (code === null) return 'unknown';
  return STATUS_CODES[code.toUpperCase()] ?? 'unknown';
}

/** Prowler severities are critical, high, medium, low and informational, in any letter case. */
export function prowlerSeverity(value: unknown): Severity {
  return severityFromWord(value) ?? 'informational';
}

/** Security Hub control ids such as `S3.1` or `EC2.19`. */
const CONTROL_ID = /^(?:[A-Za-z][A-Za-z0-9-]*\.)+\d+[a-z]?$/;

/** Returns the first FSBP control id of a compliance map, e.g. `Account.1`. */
export function fsbpControlId(compliance: ReadonlyMap<string, string[]>): string | null {
  return compliance.get(FSBP_FRAMEWORK)?.find((id) => CONTROL_ID.test(id)) ?? null;
}

/** ISO 8601 date and time without a zone, the way Prowler writes its scan time. */
const ZONELESS_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/**
 * Reads a Prowler timestamp. Epoch seconds become ISO 8601 UTC. Text without a zone is kept as written,
 * because Prowler writes the scanner's local time and converting it would mean guessing the zone.
 */
export function prowlerTime(value: unknown): string | null {
  const text = typeof value === 'string' ? str(value) : null;
  if (text !== null && ZONELESS_TIME.test(text)) return text;
  return timestamp(value);
}

/**
 * Returns the service hint for the classifier: Prowler's ServiceName for AWS, prefixed with the provider for other
 * clouds (`kubernetes:apiserver`, `azure:storage`) so that no AWS service is matched by name.
 */
export function serviceHint(provider: string | null, serviceName: string | null): string | undefined {
  if (serviceName === null) return undefined;
  return provider === null || provider === 'aws' ? serviceName : `${provider}:${serviceName}`;
}

/** Splits a Prowler list written as one string, e.g. `encryption | logging`. */
export function splitList(text: string | null): string[] {
  if (text === null) return [];
  return text
    .split('|')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * Reads tags from `key<separator>value` strings. An item without a separator is a key with an empty value.
 * The object is built with fromEntries, so a `__proto__` key stays a tag.
 */
export function tagsFromPairs(items: readonly string[], separators: readonly string[]): Record<string, string> {
  const entries = items.map((item): [string, string] => {
    for (const separator of separators) {
      const position = item.indexOf(separator);
      if (position > 0) return [item.slice(0, position).trim(), item.slice(position + separator.length).trim()];
    }
    return [item, ''];
  });
  return Object.fromEntries(entries);
}
