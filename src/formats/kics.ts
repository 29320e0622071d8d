/**
 * KICS JSON results (github.com/Checkmarx/kics, `kics scan --report-formats json`).
 *
 * Versions read: KICS 1.x-2.x (`queries[]` with `query_name`, `query_id`, `severity`, `platform`,
 * `category`, `files[]`). Each entry of `files[]` is one record. KICS repeats an entry with the same
 * `similarity_id` when one query matches one spot several times. Such entries share an id, so ingest
 * counts the repeats as duplicates.
 *
 * `checkId` is the query id. The resource type is KICS's `resource_type` when present, else the
 * Terraform type at the start of `search_key` (`aws_s3_bucket[this].policy`). Kubernetes, Docker and
 * other non-cloud platforms keep a null resource type.
 *
 * For queries in the Secret Management category the matched text (`actual_value`, `search_value`,
 * `value`) is masked when read, since it can be the secret itself.
 *
 * Ignored on purpose: `files_scanned` and the other counters, `bom` (software bill of materials),
 * `search_line`, `remediation_type`.
 */
import type { ParsedFinding } from '../model/finding';
import { arr, isObject, own, rawText, safeUrl, str, type JsonObject } from './fields';
import { codeLocation, iacResourceType, lineNumber } from './iac';
import { severityFromWord } from './normalise';
import { accept, eachRecord, makeFinding, reject } from './record';
import { maskSecret } from './mask';
import { fingerprint } from './secret-finding';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';

function detect({ doc }: FormatInput): Detection {
  if (doc.kind !== 'json' || !isObject(doc.value)) return { match: false, reason: 'it is not a JSON object' };
  if (!Array.isArray(own(doc.value, 'queries'))) return { match: false, reason: 'it has no queries array' };
  const markers = ['kics_version', 'total_counter', 'queries_total', 'files_scanned'];
  return markers.some((key) => key in (doc.value as object))
    ? { match: true }
    : { match: false, reason: 'it has queries but none of kics_version, total_counter, files_scanned' };
}

interface FileItem {
  query: unknown;
  file: unknown;
}

const SECRET_CATEGORY = 'Secret Management';

function maskMatchedText(entry: JsonObject): JsonObject {
  const masked: JsonObject = { ...entry };
  for (const key of MATCHED_TEXT_FIELDS) {
    const value = own(entry, key);
    if (typeof value === 'string' && value !== '') masked[key] = maskSecret(value);
  }
  return masked;
}

function* parse({ doc }: FormatInput): Iterable<RecordOutcome> {
  if (doc.kind !== 'json') return;
  const items: FileItem[] = arr(own(doc.value, 'queries')).flatMap((query) =>
    arr(own(query, 'files')).map((file) => ({ query, file })),
  );
  yield* eachRecord(items, (item, index) => {
    const { query, file } = item as FileItem;
    if (!isObject(file)) return reject(index, 'wrong_type', 'the file entry is not an object');
    const queryId = str(own(query, 'query_id'));
    if (queryId === null) return reject(index, 'missing_field', 'the query has no query_id', 'query_id');
    return accept(index, fromFile(query as JsonObject, file, queryId));
  });
}

/** Fields of a file entry that hold the matched text, which for secret queries is the secret itself. */
const MATCHED_TEXT_FIELDS = ['search_value', 'actual_value', 'value', 'search_line'];

function fromFile(query: JsonObject, entry: JsonObject, queryId: string): ParsedFinding {
  const file = own(query, 'category') === SECRET_CATEGORY ? maskMatchedText(entry) : entry;
  const fileName = str(own(file, 'file_name'));
  const line = lineNumber(own(file, 'line'));
  const searchKey = str(own(file, 'search_key'));
  const resourceType = str(own(file, 'resource_type')) ?? iacResourceType(searchKey?.replace(/^resource\./, '') ?? null);
  const queryName = str(own(query, 'query_name')) ?? queryId;
  const category = str(own(query, 'category'));
  const expected = str(own(file, 'expected_value'));
  const actual = str(own(file, 'actual_value'));

  return makeFinding({
    id: str(own(file, 'similarity_id')) ?? `kics:${fingerprint([queryId, fileName ?? '', String(line ?? ''), searchKey ?? ''])}`,
    title: queryName,
    description: [
      str(own(query, 'description')),
      searchKey ? `Key: ${searchKey}.` : null,
      expected ? `Expected: ${expected}.` : null,
      actual ? `Actual: ${actual}.` : null,
    ]
      .filter(Boolean)
      .join(' '),
    status: 'open',
    severity: severityFromWord(own(query, 'severity')) ?? 'medium',
    kind: 'iac',
    checkId: queryId,
    resourceType,
    resourceId: codeLocation(fileName, line),
    sourceTool: 'KICS',
    remediation: str(own(file, 'remediation')),
    remediationUrl: safeUrl(own(query, 'query_url')),
    hints: {
      ruleKey: [queryName, category].filter(Boolean).join(' / '),
      ...(resourceType ? { resourceTypes: [resourceType] } : {}),
      ...(str(own(file, 'resource_name')) ? { resourceIds: [str(own(file, 'resource_name')) as string] } : {}),
    },
    raw: rawText({ ...query, files: [file] }),
  });
}

export const kicsFormat: FormatModule = {
  id: 'kics',
  title: 'KICS results (JSON)',
  versions: 'KICS 1.x-2.x JSON report',
  ignores: 'scan counters, bill of materials, search_line, remediation_type',
  fileNameHint: /kics/i,
  detect,
  parse,
};
