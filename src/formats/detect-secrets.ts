/**
 * detect-secrets baselines (github.com/Yelp/detect-secrets): `.secrets.baseline` files written by
 * `detect-secrets scan`.
 *
 * Versions read: baseline format 0.x and 1.x (`results: { "<file>": [{ type, filename, line_number,
 * hashed_secret, is_verified, is_secret? }] }`). Each entry is one record.
 *
 * A baseline never contains the secret itself, only its SHA-1 `hashed_secret`, which identifies the
 * secret here. `is_secret: false` (audited as a false positive) becomes suppressed; `is_verified: true`
 * (checked live by the plugin) raises severity to critical.
 *
 * Ignored on purpose: `plugins_used`, `filters_used`, `generated_at` and `version` (settings of the
 * scan, not findings).
 */
import { isObject, own, str, timestamp, type JsonObject } from './fields';
import { maskValue } from './mask';
import { accept, eachRecord, reject } from './record';
import { lineNumber } from './iac';
import { secretFinding } from './secret-finding';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';

const TOOL = 'detect-secrets';

function detect({ doc }: FormatInput): Detection {
  if (doc.kind !== 'json' || !isObject(doc.value)) return { match: false, reason: 'it is not a JSON object' };
  const results = own(doc.value, 'results');
  if (!isObject(results)) return { match: false, reason: 'it has no results object' };
  if (!('plugins_used' in doc.value) && !('generated_at' in doc.value)) {
    return { match: false, reason: 'it has neither plugins_used nor generated_at' };
  }
  const lists = Object.values(results);
  return lists.every((list) => Array.isArray(list))
    ? { match: true }
    : { match: false, reason: 'results does not map file names to lists' };
}

/** Entries of all files in order, each with the file key it was listed under. */
function entriesOf(doc: FormatInput['doc']): { file: string; entry: unknown }[] {
  if (doc.kind !== 'json') return [];
  const results = own(doc.value, 'results');
  if (!isObject(results)) return [];
  return Object.entries(results).flatMap(([file, list]) =>
    (Array.isArray(list) ? list : []).map((entry) => ({ file, entry })),
  );
}

function* parse({ doc }: FormatInput): Iterable<RecordOutcome> {
  const generatedAt = doc.kind === 'json' ? timestamp(own(doc.value, 'generated_at')) : null;
  yield* eachRecord(entriesOf(doc), (item, index) => {
    const { file, entry } = item as { file: string; entry: unknown };
    if (!isObject(entry)) return reject(index, 'wrong_type', 'the entry is not an object');
    const type = str(own(entry, 'type'));
    if (type === null) return reject(index, 'missing_field', 'the entry has no type', 'type');
    return accept(index, fromEntry(entry, type, file, generatedAt));
  });
}

function fromEntry(entry: JsonObject, type: string, file: string, generatedAt: string | null) {
  const hashedSecret = str(own(entry, 'hashed_secret'));
  return secretFinding({
    tool: TOOL,
    rule: type,
    file: str(own(entry, 'filename')) ?? file,
    line: lineNumber(own(entry, 'line_number')),
    secretKey: hashedSecret,
    maskedMatch: hashedSecret ? `SHA-1 ${hashedSecret}` : null,
    verified: own(entry, 'is_verified') === true,
    status: own(entry, 'is_secret') === false ? 'suppressed' : 'open',
    firstSeen: generatedAt,
    maskedRecord: maskValue(entry),
  });
}

export const detectSecretsFormat: FormatModule = {
  id: 'detect-secrets',
  title: 'detect-secrets baseline',
  versions: 'detect-secrets baseline 0.x and 1.x',
  ignores: 'plugin and filter settings, baseline version',
  fileNameHint: /secrets\.baseline|detect[-_]secrets/i,
  detect,
  parse,
};
