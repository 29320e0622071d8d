/**
 * Prowler 2.x results (the shell-script Prowler, `prowler -M csv|json`).
 *
 * Source: files written by Prowler 2.x (github.com/prowler-cloud/prowler, 2.x releases) as kept in
 * DefectDojo's test data, and the column names DefectDojo's Prowler 2.x parser reads. Two shapes are read:
 * - CSV with a header (`PROFILE,ACCOUNT_NUM,REGION,TITLE_ID,CHECK_RESULT,ITEM_SCORED,ITEM_LEVEL,TITLE_TEXT,
 *   CHECK_RESULT_EXTENDED,...`); the older `RESULT` and `NOTES` columns are read as well.
 * - JSON, one object per line (or one object, or an array) with the keys `Profile`, `Account Number`,
 *   `Control`, `Message`, `Status`, `Control ID`, `Region`, `Timestamp`, `Service`, `Resource ID`, ...
 * The check id (`check11`, `extra72`) comes from the `[...]` prefix of the check title.
 * Ignored on purpose: `PROFILE` (the local CLI profile name), `ITEM_SCORED`, `ITEM_LEVEL`, `CHECK_CAF_EPIC`,
 * `ACCOUNT_DETAILS_*`. Prowler 2.x ASFF output is ASFF and is read by the ASFF module.
 */
import type { Severity, Status } from '../model/vocabulary';
import { cellOf, csvRecord, missingColumns } from './csv-records';
import { isObject, own, rawText, safeUrl, str, timestamp } from './fields';
import { lookup, severityWord, ownTable } from './lookup';
import { accept, eachRecord, makeFinding, reject } from './record';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';
import { jsonValues, recordsOf, sampleObjects } from './wrappers';

/** Keys of one Prowler 2.x JSON line, as Prowler writes them. */
type ProwlerV2JsonKey =
  | 'Account Number'
  | 'Control'
  | 'Message'
  | 'Severity'
  | 'Status'
  | 'Control ID'
  | 'Region'
  | 'Timestamp'
  | 'Compliance'
  | 'Service'
  | 'Risk'
  | 'Remediation'
  | 'Doc link'
  | 'Resource ID';

/** Columns that identify the CSV output. The result column is `CHECK_RESULT` or the older `RESULT`. */
const CSV_REQUIRED = ['ACCOUNT_NUM', 'REGION', 'TITLE_ID', 'TITLE_TEXT'];

/** One result of either shape, before it becomes a finding. */
interface ProwlerV2Result {
  account: string | null;
  region: string | null;
  titleText: string | null;
  section: string | null;
  status: string | null;
  message: string | null;
  severity: string | null;
  service: string | null;
  asffResourceType: string | null;
  asffType: string | null;
  resourceId: string | null;
  risk: string | null;
  remediation: string | null;
  docLink: string | null;
  time: string | null;
  compliance: string | null;
}

const STATUS_BY_RESULT: Record<string, Status> = ownTable({
  pass: 'passed',
  fail: 'open',
  info: 'unknown',
  // WARNING is read as unknown: the result is neither a pass nor a fail.
  warning: 'unknown',
});

const CHECK_PREFIX = /^\[([^\]]+)\]\s*(.*)$/s;

function detect(input: FormatInput): Detection {
  const { doc } = input;
  if (doc.kind === 'csv') {
    const missing = missingColumns(doc.header, CSV_REQUIRED);
    if (!doc.header.includes('CHECK_RESULT') && !doc.header.includes('RESULT')) missing.push('CHECK_RESULT');
    if (missing.length === 0) return { match: true };
    return { match: false, reason: `the CSV header lacks the Prowler 2.x columns ${missing.join(', ')}` };
  }
  const sample = sampleObjects(jsonValues(input), (value) => [value]);
  if (sample.length === 0) return { match: false, reason: 'it is neither a CSV file nor JSON objects' };
  if (sample.some(isJsonResult)) return { match: true };
  return { match: false, reason: 'no object has the Prowler 2.x keys "Account Number", "Control" and "Status"' };
}

function isJsonResult(record: Record<string, unknown>): boolean {
  return ['Account Number', 'Control', 'Status'].every((key) => own(record, key) !== undefined);
}

function* parse(input: FormatInput): Iterable<RecordOutcome> {
  const { doc } = input;
  if (doc.kind === 'csv') {
    yield* eachRecord(doc.rows, (_row, index) => {
      const record = csvRecord(doc.header, doc.rows[index], index);
      if (!record.ok) return record.outcome;
      return fromResult(index, readCsvResult(record.cells), Object.fromEntries(record.cells), CSV_FIELD_NAMES);
    });
    return;
  }
  const records = recordsOf(jsonValues(input), (value) => [value]);
  yield* eachRecord(records, (record, index) => {
    if (!isObject(record)) return reject(index, 'wrong_type', 'the record is not a JSON object');
    return fromResult(index, readJsonResult(record), record, JSON_FIELD_NAMES);
  });
}

function readCsvResult(cells: Map<string, string>): ProwlerV2Result {
  return {
    account: cellOf(cells, 'ACCOUNT_NUM'),
    region: cellOf(cells, 'REGION'),
    titleText: cellOf(cells, 'TITLE_TEXT'),
    section: cellOf(cells, 'TITLE_ID'),
    status: cellOf(cells, 'CHECK_RESULT', 'RESULT'),
    message: cellOf(cells, 'CHECK_RESULT_EXTENDED', 'NOTES'),
    severity: cellOf(cells, 'CHECK_SEVERITY'),
    service: cellOf(cells, 'CHECK_SERVICENAME'),
    asffResourceType: cellOf(cells, 'CHECK_ASFF_RESOURCE_TYPE'),
    asffType: cellOf(cells, 'CHECK_ASFF_TYPE'),
    resourceId: cellOf(cells, 'CHECK_RESOURCE_ID'),
    risk: cellOf(cells, 'CHECK_RISK'),
    remediation: cellOf(cells, 'CHECK_REMEDIATION'),
    docLink: cellOf(cells, 'CHECK_DOC'),
    time: cellOf(cells, 'PROWLER_START_TIME'),
    compliance: cellOf(cells, 'CHECK_ASFF_COMPLIANCE_TYPE'),
  };
}

function readJsonResult(record: Record<string, unknown>): ProwlerV2Result {
  const field = (key: ProwlerV2JsonKey) => str(own(record, key));
  return {
    account: field('Account Number'),
    region: field('Region'),
    titleText: field('Control'),
    section: field('Control ID'),
    status: field('Status'),
    message: field('Message'),
    severity: field('Severity'),
    service: field('Service'),
    asffResourceType: null,
    asffType: null,
    resourceId: field('Resource ID'),
    risk: field('Risk'),
    remediation: field('Remediation'),
    docLink: field('Doc link'),
    time: field('Timestamp'),
    compliance: field('Compliance'),
  };
}

/** Names of the fields a rejection points at, in the shape the result came from. */
interface FieldNames {
  title: string;
  status: string;
  severity: string;
}

const JSON_FIELD_NAMES: FieldNames = { title: 'Control', status: 'Status', severity: 'Severity' };
const CSV_FIELD_NAMES: FieldNames = { title: 'TITLE_TEXT', status: 'CHECK_RESULT', severity: 'CHECK_SEVERITY' };

function fromResult(index: number, result: ProwlerV2Result, record: unknown, fieldNames: FieldNames): RecordOutcome {
  if (result.titleText === null) return reject(index, 'missing_field', 'the check title is empty', fieldNames.title);
  if (result.status === null) return reject(index, 'missing_field', 'the check result is empty', fieldNames.status);
  const status = lookup(STATUS_BY_RESULT, result.status.toLowerCase());
  if (status === undefined) {
    return reject(index, 'invalid_record', `result "${result.status}" is not PASS, FAIL, INFO or WARNING`, fieldNames.status);
  }
  const severity = readSeverity(result.severity);
  if (severity === null) {
    return reject(index, 'invalid_record', `severity "${result.severity}" is not a severity word`, fieldNames.severity);
  }

  const prefixed = CHECK_PREFIX.exec(result.titleText);
  const checkId = prefixed ? prefixed[1].trim() : null;
  const title = prefixed ? prefixed[2].trim() || result.titleText : result.titleText;
  const key = [checkId ?? result.section ?? title, result.account, result.region, result.resourceId ?? result.message];
  const types = result.asffType ? [result.asffType] : [];

  return accept(
    index,
    makeFinding({
      id: `prowler-v2:${key.map((part) => part ?? '').join(':')}`,
      title,
      description: [result.message, result.risk].filter(Boolean).join('\n\n'),
      status,
      severity,
      kind: 'configuration',
      checkId,
      resourceType: result.asffResourceType,
      resourceId: result.resourceId,
      accountId: result.account,
      region: result.region,
      sourceTool: 'Prowler',
      remediation: result.remediation,
      remediationUrl: safeUrl(result.docLink),
      firstSeen: timestamp(result.time),
      lastUpdated: timestamp(result.time),
      standards: standardsOf(checkId, result),
      hints: { serviceName: result.service ?? undefined, types: types.length > 0 ? types : undefined },
      raw: rawText(record),
    }),
  );
}

/** Reads a severity word. A result without one (older 2.x CSVs have no severity column) gets medium. */
function readSeverity(word: string | null): Severity | null {
  if (word === null) return 'medium';
  return severityWord(word);
}

/**
 * Lists the standards of a result. Prowler's `check*` ids are the CIS group and get their benchmark section,
 * while `extra*` checks are Prowler's own ("Not part of CIS benchmark"). The compliance field contains either
 * ids such as ENS `ens-op.acc.1.aws.iam.3` or the ASFF type text "Software and Configuration Checks", which
 * is not a standard.
 */
function standardsOf(checkId: string | null, result: ProwlerV2Result): string[] {
  const standards: string[] = [];
  if (checkId?.startsWith('check') && result.section) standards.push(`CIS AWS Foundations Benchmark ${result.section}`);
  const compliance = result.compliance ?? '';
  if (compliance !== '' && !compliance.includes('Software and Configuration Checks')) {
    standards.push(...compliance.split(/\s+/).filter(Boolean));
  }
  return standards;
}

export const prowlerV2Format: FormatModule = {
  id: 'prowler-v2',
  title: 'Prowler 2.x results (CSV or JSON lines)',
  versions: 'Prowler 2.x `-M csv` (comma) and `-M json` (one object per line)',
  ignores: 'PROFILE, CAF epic and account detail columns; Prowler 2.x ASFF output (read as ASFF)',
  fileNameHint: /^prowler-output-.*\.(csv|json)$/i,
  detect,
  parse,
};
