/**
 * Prowler compliance CSVs: one file per framework (CIS, ENS, ISO 27001, MITRE ATT&CK, ...), one row per
 * requirement and check result.
 *
 * Source: github.com/prowler-cloud/prowler, `prowler/lib/outputs/compliance/`: `compliance_output.py` writes
 * the model fields upper-cased and separated by semicolons; the models are in `cis/models.py`,
 * `generic/models.py`, `ens/models.py`, `iso27001/models.py` and `mitre_attack/models.py`. Versions read:
 * Prowler 4.x and 5.x, whose rows share `PROVIDER;DESCRIPTION;<account>;<region>;ASSESSMENTDATE;
 * REQUIREMENTS_ID;REQUIREMENTS_DESCRIPTION;REQUIREMENTS_ATTRIBUTES_...;STATUS;STATUSEXTENDED;RESOURCEID;
 * CHECKID;MUTED` and, in later releases, `RESOURCENAME;FRAMEWORK;NAME`. The account and region columns are
 * `ACCOUNTID`/`REGION` for AWS and `SUBSCRIPTIONID`, `PROJECTID`, `TENANTID`, `LOCATION`, ... for other
 * providers, whose rows are read and keep their provider in `hints.serviceName`.
 * The framework comes from `NAME` or `FRAMEWORK`; files without those columns are recognised by an
 * attribute column only one framework's model has. Compliance rows carry no severity: every row gets medium.
 * Ignored on purpose: the audit procedure, impact, default value and framework-specific attributes other
 * than the description, rationale, remediation and references (they stay in the raw record).
 */
import type { Status } from '../model/vocabulary';
import { cellOf, csvRecord, missingColumns } from './csv-records';
import { rawText, safeUrl, timestamp } from './fields';
import { lookup, ownTable } from './lookup';
import { accept, eachRecord, makeFinding, reject } from './record';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';

const FORMAT_ID = 'prowler-compliance';
const REQUIRED_COLUMNS = ['PROVIDER', 'ASSESSMENTDATE', 'STATUS', 'STATUSEXTENDED', 'RESOURCEID', 'CHECKID'];
const ACCOUNT_COLUMNS = ['ACCOUNTID', 'SUBSCRIPTIONID', 'PROJECTID', 'TENANTID', 'ACCOUNT_ID', 'CONTEXT'];
const REGION_COLUMNS = ['REGION', 'LOCATION', 'NAMESPACE'];

/** Frameworks recognised by a column only their model has, for files written before `FRAMEWORK` existed. */
const FRAMEWORK_SIGNATURES: readonly { column: string; framework: string }[] = [
  { column: 'REQUIREMENTS_ATTRIBUTES_PROFILE', framework: 'CIS' },
  { column: 'REQUIREMENTS_ATTRIBUTES_MARCO', framework: 'ENS' },
  { column: 'REQUIREMENTS_ATTRIBUTES_OBJETIVE_ID', framework: 'ISO27001' },
  { column: 'REQUIREMENTS_TACTICS', framework: 'MITRE-ATTACK' },
];

const STATUS_BY_RESULT: Record<string, Status> = ownTable({
  pass: 'passed',
  fail: 'open',
  manual: 'unknown',
  info: 'unknown',
});

/** Placeholders Prowler writes into rows of manual requirements, which have no check or resource. */
const MANUAL_CHECK = 'manual';
const MANUAL_RESOURCE = 'manual_check';

function detect(input: FormatInput): Detection {
  const { doc } = input;
  if (doc.kind !== 'csv') return { match: false, reason: 'it is not a CSV file' };
  const missing = missingColumns(doc.header, REQUIRED_COLUMNS);
  if (!doc.header.some((column) => column.startsWith('REQUIREMENTS_'))) missing.push('REQUIREMENTS_*');
  if (missing.length === 0) return { match: true };
  return { match: false, reason: `the CSV header lacks the Prowler compliance columns ${missing.join(', ')}` };
}

function* parse(input: FormatInput): Iterable<RecordOutcome> {
  const { doc } = input;
  if (doc.kind !== 'csv') return;
  const inferredFramework = FRAMEWORK_SIGNATURES.find(({ column }) => doc.header.includes(column))?.framework ?? null;
  yield* eachRecord(doc.rows, (_row, index) => {
    const record = csvRecord(doc.header, doc.rows[index], index);
    return record.ok ? parseRow(index, record.cells, inferredFramework) : record.outcome;
  });
}

function parseRow(index: number, cells: Map<string, string>, inferredFramework: string | null): RecordOutcome {
  const result = cellOf(cells, 'STATUS');
  if (result === null) return reject(index, 'missing_field', 'the status is empty', 'STATUS');
  const resultStatus = lookup(STATUS_BY_RESULT, result.toLowerCase());
  if (resultStatus === undefined) {
    return reject(index, 'invalid_record', `status "${result}" is not PASS, FAIL, MANUAL or INFO`, 'STATUS');
  }
  const requirement = cellOf(cells, 'REQUIREMENTS_ID', 'REQUIREMENTS_ATTRIBUTES_OBJETIVE_ID');
  if (requirement === null) return reject(index, 'missing_field', 'the requirement id is empty', 'REQUIREMENTS_ID');

  const framework = cellOf(cells, 'NAME', 'FRAMEWORK') ?? inferredFramework ?? 'Prowler compliance framework';
  const provider = (cellOf(cells, 'PROVIDER') ?? 'aws').toLowerCase();
  const checkCell = cellOf(cells, 'CHECKID');
  const checkId = checkCell === MANUAL_CHECK ? null : checkCell;
  const resourceCell = cellOf(cells, 'RESOURCEID');
  const resourceId = resourceCell === MANUAL_RESOURCE ? null : resourceCell;
  const account = cellOf(cells, ...ACCOUNT_COLUMNS);
  const region = cellOf(cells, ...REGION_COLUMNS);
  const muted = cellOf(cells, 'MUTED')?.toLowerCase() === 'true';
  const assessed = timestamp(cellOf(cells, 'ASSESSMENTDATE'));
  const title =
    cellOf(cells, 'REQUIREMENTS_DESCRIPTION', 'REQUIREMENTS_ATTRIBUTES_DESCRIPTION', 'REQUIREMENTS_NAME') ??
    `Requirement ${requirement}`;
  const details = [
    cellOf(cells, 'STATUSEXTENDED'),
    cellOf(cells, 'REQUIREMENTS_ATTRIBUTES_DESCRIPTION'),
    cellOf(cells, 'REQUIREMENTS_ATTRIBUTES_RATIONALESTATEMENT'),
  ];

  return accept(
    index,
    makeFinding({
      id: [FORMAT_ID, framework, requirement, checkId, account, region, resourceId].map((part) => part ?? '').join('|'),
      title,
      description: details.filter((text, position) => text !== null && details.indexOf(text) === position).join('\n\n'),
      status: muted ? 'suppressed' : resultStatus,
      severity: 'medium',
      kind: 'configuration',
      checkId,
      resourceId,
      accountId: account,
      region,
      sourceTool: 'Prowler',
      remediation: cellOf(cells, 'REQUIREMENTS_ATTRIBUTES_REMEDIATIONPROCEDURE'),
      remediationUrl: firstUrl(cellOf(cells, 'REQUIREMENTS_ATTRIBUTES_REFERENCES', 'REQUIREMENTS_TECHNIQUEURL')),
      firstSeen: assessed,
      lastUpdated: assessed,
      standards: [framework, `${framework} ${requirement}`],
      hints: { serviceName: serviceNameOf(provider, checkId, cellOf(cells, 'REQUIREMENTS_ATTRIBUTES_SERVICE')) },
      raw: rawText(Object.fromEntries(cells)),
    }),
  );
}

/**
 * Returns the service key of a row: the generic model's service attribute, else the check id's first segment
 * (Prowler check ids start with the service, `s3_bucket_public_access`). Non-AWS rows keep their provider
 * in front so that no AWS service matches.
 */
function serviceNameOf(provider: string, checkId: string | null, serviceAttribute: string | null): string | undefined {
  const service = serviceAttribute ?? checkId?.split('_')[0] ?? null;
  if (service === null) return provider === 'aws' ? undefined : provider;
  return provider === 'aws' ? service : `${provider}:${service}`;
}

/** Returns the first http(s) URL of a references cell, which may contain several URLs and other text. */
function firstUrl(references: string | null): string | null {
  if (references === null) return null;
  for (const part of references.split(/(?=https?:\/\/)/)) {
    const url = safeUrl(part.trim().replace(/[\s:;,|]+$/, ''));
    if (url !== null) return url;
  }
  return null;
}

export const prowlerComplianceFormat: FormatModule = {
  id: FORMAT_ID,
  title: 'Prowler compliance CSV (per framework requirement)',
  versions: 'Prowler 4.x and 5.x compliance outputs (CIS, ENS, ISO 27001, MITRE ATT&CK, generic frameworks)',
  ignores: 'Audit procedure, impact, default value and other framework-specific attribute columns; no severity',
  fileNameHint: /_(cis|ens|iso27001|mitre_attack|soc2|pci|hipaa|gdpr|nist)[^/]*\.csv$/i,
  detect,
  parse,
};
