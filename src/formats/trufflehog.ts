/**
 * TruffleHog JSON Lines output (github.com/trufflesecurity/trufflehog), one finding per line.
 *
 * Versions read: v3 (`--json`: `SourceMetadata.Data.<source>.{file,line,commit,...}`, `DetectorName`,
 * `Verified`, `Raw`/`RawV2` as base64 of the secret bytes, `Redacted`, `ExtraData`) and v2
 * (`branch`, `commitHash`, `path`, `reason`, `stringsFound[]`, `diff`, `printDiff`). A file holding a
 * single line arrives as one JSON object and is read the same way.
 *
 * Secrets are masked when read: `Raw`, `RawV2` and `stringsFound` become masks of the decoded secret,
 * and the secret is masked wherever else it appears (diffs, `ExtraData`, and `Redacted`, which contains
 * the whole access key id for AWS).
 *
 * Ignored on purpose: `SourceID`/`SourceType`/`DetectorType` numbers, v2 `commit` messages (kept in the raw
 * record only). v2 has no line numbers, so v2 findings point at the file.
 */
import type { ParsedFinding } from '../model/finding';
import { isObject, own, str, timestamp, type JsonObject } from './fields';
import { maskKnownSecrets, maskSecret, maskValue } from './mask';
import { accept, eachRecord, reject } from './record';
import { lineNumber } from './iac';
import { secretFinding } from './secret-finding';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';

const TOOL = 'TruffleHog';

type Shape = 'v3' | 'v2';

function shapeOf(record: unknown): Shape | null {
  if (!isObject(record)) return null;
  if ('SourceMetadata' in record && typeof own(record, 'DetectorName') === 'string') return 'v3';
  if (Array.isArray(own(record, 'stringsFound')) && 'path' in record && ('reason' in record || 'commitHash' in record)) {
    return 'v2';
  }
  return null;
}

function recordsOf(input: FormatInput): unknown[] | null {
  const { doc } = input;
  if (doc.kind === 'jsonl') return doc.values;
  if (doc.kind === 'json' && isObject(doc.value)) return [doc.value];
  if (doc.kind === 'json' && Array.isArray(doc.value)) return doc.value;
  return null;
}

function detect(input: FormatInput): Detection {
  const records = recordsOf(input);
  if (records === null) return { match: false, reason: 'it is not JSON Lines or a JSON object' };
  const first = records.find((record) => isObject(record));
  if (first === undefined) return { match: false, reason: 'it holds no JSON objects' };
  return shapeOf(first)
    ? { match: true }
    : { match: false, reason: 'the first record has neither v3 keys (SourceMetadata, DetectorName) nor v2 keys (stringsFound, path)' };
}

function* parse(input: FormatInput): Iterable<RecordOutcome> {
  const records = recordsOf(input) ?? [];
  yield* eachRecord(records, (record, index) => {
    const shape = shapeOf(record);
    if (shape === null) {
      return isObject(record)
        ? reject(index, 'missing_field', 'the record has neither DetectorName nor stringsFound', 'DetectorName')
        : reject(index, 'wrong_type', 'the record is not an object');
    }
    return accept(index, shape === 'v3' ? fromV3(record as JsonObject) : fromV2(record as JsonObject));
  });
}

function fromV3(record: JsonObject): ParsedFinding {
  const rawSecret = decodedSecret(own(record, 'Raw'));
  const rawV2Secret = decodedSecret(own(record, 'RawV2'));
  const known = [rawSecret.decoded, rawSecret.encoded, rawV2Secret.decoded, rawV2Secret.encoded].filter((value) => value !== '');
  const masked: JsonObject = { ...record };
  if (rawSecret.encoded) masked.Raw = maskSecret(rawSecret.decoded);
  if (rawV2Secret.encoded) masked.RawV2 = maskSecret(rawV2Secret.decoded);
  const maskedRecord = maskValue(masked, known);
  const redacted = typeof own(record, 'Redacted') === 'string' ? maskKnownSecrets(own(record, 'Redacted') as string, known) : '';
  const source = sourceLocation(own(record, 'SourceMetadata'));
  const verified = own(record, 'Verified') === true;

  return secretFinding({
    tool: TOOL,
    rule: str(own(record, 'DetectorName')) ?? 'unknown',
    file: source.file,
    line: source.line,
    commit: source.commit,
    secretKey: rawSecret.decoded ? maskSecret(rawSecret.decoded) : redacted || null,
    // Redacted keeps the shape of the secret (`https://*****:*****@host`), so it reads better when present.
    maskedMatch: redacted || (rawSecret.decoded ? maskSecret(rawSecret.decoded) : null),
    verified,
    firstSeen: timestamp(source.timestamp),
    maskedRecord,
  });
}

/**
 * `Raw` is a Go byte slice, which JSON encodes as base64; decoding gives the secret so that it can be
 * masked wherever it appears as text. Text that is not valid base64 is taken as the secret itself.
 */
function decodedSecret(value: unknown): { encoded: string; decoded: string } {
  if (typeof value !== 'string' || value === '') return { encoded: '', decoded: '' };
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return { encoded: value, decoded: value };
  try {
    const binary = atob(value);
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return { encoded: value, decoded: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { encoded: value, decoded: value };
  }
}

interface SourceLocation {
  file: string | null;
  line: number | null;
  commit: string | null;
  timestamp: string | null;
}

/** Reads the location from `SourceMetadata.Data`, which has one key per source kind (Git, Github, Filesystem, S3, ...). */
function sourceLocation(metadata: unknown): SourceLocation {
  const data = own(metadata, 'Data');
  const source = isObject(data) ? Object.values(data).find((value) => isObject(value)) : undefined;
  return {
    file: str(own(source, 'file')) ?? str(own(source, 'path')) ?? str(own(source, 'filename')) ?? str(own(source, 'link')),
    line: lineNumber(own(source, 'line')),
    commit: str(own(source, 'commit')),
    timestamp: str(own(source, 'timestamp')),
  };
}

function fromV2(record: JsonObject): ParsedFinding {
  const found = Array.isArray(own(record, 'stringsFound'))
    ? (own(record, 'stringsFound') as unknown[]).filter((value): value is string => typeof value === 'string')
    : [];
  const maskedFound = found.map((value) => maskSecret(value));
  const maskedRecord = maskValue({ ...record, stringsFound: maskedFound }, found);
  return secretFinding({
    tool: TOOL,
    rule: str(own(record, 'reason')) ?? 'unknown',
    file: str(own(record, 'path')),
    line: null,
    commit: str(own(record, 'commitHash')),
    secretKey: maskedFound.join('\n'),
    maskedMatch: maskedFound.join(', '),
    firstSeen: timestamp(own(record, 'date')),
    maskedRecord,
  });
}

export const trufflehogFormat: FormatModule = {
  id: 'trufflehog',
  title: 'TruffleHog findings (JSON Lines v2/v3)',
  versions: 'TruffleHog v3 --json; v2 --json',
  ignores: 'numeric source and detector type ids; commit messages stay in the raw record',
  fileNameHint: /truffle/i,
  detect,
  parse,
};
