/**
 * Prowler's CSV output (`prowler <provider> -M csv`): semicolon-separated, one row per check result, with a
 * header row (AUTH_METHOD;TIMESTAMP;ACCOUNT_UID;...;FINDING_UID;PROVIDER;CHECK_ID;...;STATUS;...;MUTED;...).
 * Source: prowler/lib/outputs/csv/csv.py and outputs/utils.py in prowler-cloud/prowler; lists inside a cell
 * are joined with " | ", tags as `key=value`, compliance as `Framework: id1, id2`.
 * Versions read: Prowler 4.x and 5.x (42 columns), and Prowler 3.x, whose columns differ only in name
 * (FINDING_UNIQUE_ID, ASSESSMENT_START_TIME, ACCOUNT_ID, RESOURCE_ARN, RESOURCE_ID; no MUTED). Any provider.
 * Columns are found by name, so their order does not matter.
 * Ignored on purpose (kept in `raw`): AUTH_METHOD, account name, e-mail, organization and tags,
 * RESOURCE_DETAILS, RISK, the REMEDIATION_CODE_* columns, DEPENDS_ON, RELATED_TO, NOTES, PROWLER_VERSION and
 * ADDITIONAL_URLS. Prowler's per-framework compliance CSVs (CHECKID, REQUIREMENTS_ID ...) are another module's.
 */
import type { CsvRow } from './csv';
import { cellOf, csvRecord } from './csv-records';
import { rawText, safeUrl } from './fields';
import { nonEmpty, withoutUndefined } from './parse-helpers';
import { fsbpControlId, prowlerSeverity, prowlerStatus, prowlerTime, serviceHint, splitList, tagsFromPairs } from './prowler-common';
import { accept, makeFinding, reject } from './record';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';

/** Columns read, each with its Prowler 4.x/5.x name first and older names after it. */
const COLUMNS = {
  findingUid: ['FINDING_UID', 'FINDING_UNIQUE_ID'],
  timestamp: ['TIMESTAMP', 'ASSESSMENT_START_TIME'],
  accountUid: ['ACCOUNT_UID', 'ACCOUNT_ID'],
  provider: ['PROVIDER'],
  checkId: ['CHECK_ID'],
  checkTitle: ['CHECK_TITLE'],
  checkType: ['CHECK_TYPE'],
  status: ['STATUS'],
  statusExtended: ['STATUS_EXTENDED'],
  muted: ['MUTED'],
  serviceName: ['SERVICE_NAME'],
  severity: ['SEVERITY'],
  resourceType: ['RESOURCE_TYPE'],
  resourceUid: ['RESOURCE_UID', 'RESOURCE_ARN', 'RESOURCE_ID'],
  resourceName: ['RESOURCE_NAME'],
  resourceTags: ['RESOURCE_TAGS'],
  region: ['REGION'],
  description: ['DESCRIPTION'],
  relatedUrl: ['RELATED_URL'],
  remediationText: ['REMEDIATION_RECOMMENDATION_TEXT'],
  remediationUrl: ['REMEDIATION_RECOMMENDATION_URL'],
  compliance: ['COMPLIANCE'],
  categories: ['CATEGORIES'],
} as const satisfies Record<string, readonly string[]>;

type Column = keyof typeof COLUMNS;

/** The columns that tell a Prowler findings CSV apart from other CSV files. */
const REQUIRED: readonly Column[] = ['findingUid', 'checkId', 'status'];

function hasColumn(header: readonly string[], column: Column): boolean {
  return COLUMNS[column].some((name) => header.includes(name));
}

function detectProwlerCsv(input: FormatInput): Detection {
  const { doc } = input;
  if (doc.kind !== 'csv') return { match: false, reason: `the input is ${doc.kind}, not CSV` };
  const missing = REQUIRED.filter((column) => !hasColumn(doc.header, column)).map((column) => COLUMNS[column][0]);
  if (missing.length > 0) return { match: false, reason: `the CSV header has no ${missing.join(', ')} column` };
  return { match: true };
}

/** `RESOURCE_TAGS`: `key=value | key2=value2`. */
function parseTags(text: string | null): Record<string, string> {
  return tagsFromPairs(splitList(text), ['=']);
}

/** `COMPLIANCE`: `CIS-1.4: 1.20 | AWS-Foundational-Security-Best-Practices: Account.1, IAM.4`. */
function parseCompliance(text: string | null): Map<string, string[]> {
  const compliance = new Map<string, string[]>();
  for (const entry of splitList(text)) {
    const separator = entry.indexOf(':');
    if (separator <= 0) continue;
    const ids = entry
      .slice(separator + 1)
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    compliance.set(entry.slice(0, separator).trim(), ids);
  }
  return compliance;
}

function parseRow(row: CsvRow, index: number, header: readonly string[]): RecordOutcome {
  const record = csvRecord(header, row, index);
  if (!record.ok) return record.outcome;
  const cell = (column: Column): string | null => cellOf(record.cells, ...COLUMNS[column]);
  const id = cell('findingUid');
  if (id === null) {
    const column = COLUMNS.findingUid.find((name) => header.includes(name)) ?? COLUMNS.findingUid[0];
    return reject(index, 'missing_field', `line ${row.line} has an empty ${column}, which identifies the finding`, column);
  }

  const provider = cell('provider')?.toLowerCase() ?? null;
  const compliance = parseCompliance(cell('compliance'));
  const resourceType = cell('resourceType');
  const resourceId = cell('resourceUid') ?? cell('resourceName');
  const time = prowlerTime(cell('timestamp'));
  return accept(
    index,
    makeFinding({
      id,
      title: cell('checkTitle') ?? cell('checkId') ?? id,
      description: [cell('statusExtended'), cell('description')].filter((part) => part !== null).join('\n\n'),
      status: prowlerStatus(cell('status'), cell('muted')?.toLowerCase() === 'true'),
      severity: prowlerSeverity(cell('severity')),
      kind: 'configuration',
      controlId: fsbpControlId(compliance),
      checkId: cell('checkId'),
      resourceType,
      resourceId,
      accountId: cell('accountUid'),
      region: cell('region'),
      sourceTool: 'Prowler',
      remediation: cell('remediationText'),
      remediationUrl: safeUrl(cell('remediationUrl')) ?? safeUrl(cell('relatedUrl')),
      firstSeen: time,
      lastUpdated: time,
      tags: parseTags(cell('resourceTags')),
      standards: [...compliance.keys()],
      hints: withoutUndefined({
        productName: 'Prowler',
        types: nonEmpty(splitList(cell('checkType'))),
        categories: nonEmpty(splitList(cell('categories'))),
        serviceName: serviceHint(provider, cell('serviceName')),
        resourceTypes: resourceType ? [resourceType] : undefined,
        resourceIds: resourceId ? [resourceId] : undefined,
      }),
      raw: rawText(Object.fromEntries(record.cells)),
    }),
  );
}

function* parseProwlerCsv(input: FormatInput): Iterable<RecordOutcome> {
  const { doc } = input;
  if (doc.kind !== 'csv') return;
  for (let index = 0; index < doc.rows.length; index++) {
    try {
      yield parseRow(doc.rows[index], index, doc.header);
    } catch (error) {
      // An unexpected error rejects this row only, so the rest of the file still loads.
      const message = error instanceof Error ? error.message : String(error);
      yield reject(index, 'invalid_record', `line ${doc.rows[index].line} could not be read (${message})`);
    }
  }
}

export const prowlerCsvFormat: FormatModule = {
  id: 'prowler-csv',
  title: 'Prowler results (CSV)',
  versions: 'Prowler 3.x to 5.x CSV output (semicolon-separated, columns found by name), any provider',
  ignores: 'account details, resource details, risk text, remediation code, depends_on, related_to and notes (kept in the raw record)',
  detect: detectProwlerCsv,
  parse: parseProwlerCsv,
};
