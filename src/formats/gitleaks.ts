/**
 * Gitleaks reports (github.com/gitleaks/gitleaks).
 *
 * Versions read: v8 JSON and CSV (`report/json.go`, `report/csv.go`: PascalCase `RuleID`, `File`,
 * `StartLine`, `Secret`, `Match`, `Commit`, `Fingerprint`), and v7 JSON (lower-case `rule`, `offender`,
 * `line`, `lineNumber`, `file`, `commit`). Gitleaks SARIF is read by the SARIF module.
 *
 * Secrets are masked when read: `Secret`/`offender` become masks, and `Match`, `line` and every other
 * string have the secret and anything the text rules recognise masked, so no plain value reaches a
 * finding or its raw text.
 *
 * Ignored on purpose: the v8 `Fingerprint` as an id, because it contains the commit and the same leak in
 * two commits would count twice. The id is built from rule, file, line and the masked secret instead.
 * Also ignored: `Entropy`, columns, author and e-mail (kept in the raw record only).
 */
import type { ParsedFinding } from '../model/finding';
import { arr, isObject, own, str, timestamp, type JsonObject } from './fields';
import { maskKnownSecrets, maskSecret, maskValue } from './mask';
import { accept, eachRecord, reject } from './record';
import { lineNumber } from './iac';
import { secretFinding } from './secret-finding';
import { missingColumns, rowObject } from './tabular';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';

const TOOL = 'Gitleaks';
const CSV_COLUMNS = ['RuleID', 'File', 'Secret', 'StartLine'];

type Shape = 'v8' | 'v7';

function shapeOf(record: unknown): Shape | null {
  if (!isObject(record)) return null;
  if (typeof own(record, 'RuleID') === 'string' && ('File' in record || 'Secret' in record)) return 'v8';
  if (typeof own(record, 'rule') === 'string' && 'offender' in record) return 'v7';
  return null;
}

function detect({ doc }: FormatInput): Detection {
  if (doc.kind === 'csv') {
    const missing = missingColumns(doc.header, CSV_COLUMNS);
    return missing.length === 0 ? { match: true } : { match: false, reason: `the CSV header lacks ${missing.join(', ')}` };
  }
  if (doc.kind !== 'json' || !Array.isArray(doc.value)) return { match: false, reason: 'it is not a JSON array or CSV' };
  const first = doc.value.find((item) => isObject(item));
  if (first === undefined) return { match: false, reason: 'the array holds no objects' };
  return shapeOf(first)
    ? { match: true }
    : { match: false, reason: 'the first record has neither v8 keys (RuleID, File, Secret) nor v7 keys (rule, offender)' };
}

function* parse({ doc }: FormatInput): Iterable<RecordOutcome> {
  if (doc.kind === 'csv') {
    const rows = doc.rows.map((row) => rowObject(doc.header, row));
    yield* eachRecord(rows, (record, index) => accept(index, fromV8(record as JsonObject)));
    return;
  }
  if (doc.kind !== 'json' || !Array.isArray(doc.value)) return;
  yield* eachRecord(doc.value, (record, index) => {
    const shape = shapeOf(record);
    if (shape === null) {
      return isObject(record)
        ? reject(index, 'missing_field', 'the record has neither RuleID nor rule', 'RuleID')
        : reject(index, 'wrong_type', 'the record is not an object');
    }
    return accept(index, shape === 'v8' ? fromV8(record as JsonObject) : fromV7(record as JsonObject));
  });
}

/** Returns a string field as written, untrimmed because secrets may contain significant spaces, or ''. */
function plain(record: JsonObject, key: string): string {
  const value = own(record, key);
  return typeof value === 'string' ? value : '';
}

function fromV8(record: JsonObject): ParsedFinding {
  const secret = plain(record, 'Secret');
  const match = plain(record, 'Match');
  const maskedSecret = maskSecret(secret);
  const maskedRecord = maskValue({ ...record, Secret: maskedSecret }, [secret]);
  const tags = Array.isArray(own(record, 'Tags')) ? arr(own(record, 'Tags')) : splitTags(own(record, 'Tags'));
  return secretFinding({
    tool: TOOL,
    rule: str(own(record, 'RuleID')) ?? 'unknown',
    ruleTitle: str(own(record, 'Description')),
    file: str(own(record, 'File')),
    line: lineNumber(own(record, 'StartLine')),
    commit: str(own(record, 'Commit')),
    secretKey: secret ? maskedSecret : maskSecret(match),
    maskedMatch: match ? maskKnownSecrets(match, [secret]) : maskedSecret,
    firstSeen: timestamp(own(record, 'Date')),
    tags: tagMap(tags),
    maskedRecord,
  });
}

function fromV7(record: JsonObject): ParsedFinding {
  const offender = plain(record, 'offender');
  const maskedOffender = maskSecret(offender);
  const maskedRecord = maskValue({ ...record, offender: maskedOffender }, [offender]);
  return secretFinding({
    tool: TOOL,
    rule: str(own(record, 'rule')) ?? 'unknown',
    file: str(own(record, 'file')),
    line: lineNumber(own(record, 'lineNumber')),
    commit: str(own(record, 'commit')),
    secretKey: maskedOffender,
    maskedMatch: maskedOffender,
    firstSeen: timestamp(own(record, 'date')),
    tags: tagMap(splitTags(own(record, 'tags'))),
    maskedRecord,
  });
}

/** v7 and CSV tags are one string (`"key, AWS"`, `"tag1 tag2"`); v8 JSON tags are an array. */
function splitTags(value: unknown): string[] {
  return (str(value) ?? '').split(/[,\s]+/).filter((tag) => tag !== '');
}

function tagMap(tags: unknown[]): Record<string, string> {
  const names = tags.map((tag) => str(tag)).filter((name): name is string => name !== null);
  return Object.fromEntries(names.map((name) => [name, '']));
}

export const gitleaksFormat: FormatModule = {
  id: 'gitleaks',
  title: 'Gitleaks report (JSON v7/v8, CSV)',
  versions: 'Gitleaks v8 JSON and CSV; v7 JSON',
  ignores: 'Fingerprint as an id (it includes the commit), entropy, columns; author and e-mail stay in the raw record',
  fileNameHint: /gitleaks/i,
  detect,
  parse,
};
