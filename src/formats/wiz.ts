/**
 * Wiz issues exported as CSV from the Wiz console (Issues > Export to CSV).
 *
 * Versions read: the 32-column export (`Created At`, `Title`, `Severity`, `Status`, `Description`,
 * `Resource Type`, `Resource external ID`, `Subscription ID`, `Control ID`, `Resource Name`,
 * `Resource Region`, `Resource Platform`, `Resource original JSON`, `Issue ID`, `Remediation
 * Recommendation`, `Resource Tags`, `Kubernetes Cluster`, ...). Quoted cells may span lines.
 *
 * Status OPEN and IN_PROGRESS are open, RESOLVED resolved, IGNORED and REJECTED suppressed. Wiz covers
 * Azure, GCP and Kubernetes as well as AWS; for those the resource keeps its own type and id and no AWS
 * account is set (`Subscription ID` is an AWS account only when it is 12 digits).
 *
 * Ignored on purpose: `Project IDs`/`Project Names` (Wiz's own grouping), `Ticket URLs`, `Note`,
 * `Due At`, `Wiz URL` and `Cloud Provider URL` (kept in the raw record).
 */
import type { ParsedFinding } from '../model/finding';
import type { Status } from '../model/vocabulary';
import { rawText, str, tagsOf, timestamp } from './fields';
import { severityFromWord } from './normalise';
import { accept, eachRecord, makeFinding, reject } from './record';
import { missingColumns, rowObject } from './tabular';
import type { Detection, FormatInput, FormatModule, RecordOutcome } from './types';
import { ownTable } from './lookup';

const REQUIRED = ['Issue ID', 'Title', 'Severity', 'Status', 'Resource external ID'];

const STATUS: Record<string, Status> = ownTable({
  OPEN: 'open',
  IN_PROGRESS: 'open',
  RESOLVED: 'resolved',
  IGNORED: 'suppressed',
  REJECTED: 'suppressed',
});

function detect({ doc }: FormatInput): Detection {
  if (doc.kind !== 'csv') return { match: false, reason: 'it is not CSV' };
  const missing = missingColumns(doc.header, REQUIRED);
  return missing.length === 0 ? { match: true } : { match: false, reason: `the CSV header lacks ${missing.join(', ')}` };
}

function* parse({ doc }: FormatInput): Iterable<RecordOutcome> {
  if (doc.kind !== 'csv') return;
  const rows = doc.rows.map((row) => rowObject(doc.header, row));
  yield* eachRecord(rows, (record, index) => {
    const row = record as Record<string, string>;
    const issueId = str(row['Issue ID']);
    if (issueId === null) return reject(index, 'missing_field', 'the row has no Issue ID', 'Issue ID');
    return accept(index, fromRow(row, issueId));
  });
}

function fromRow(row: Record<string, string>, issueId: string): ParsedFinding {
  const resourceType = str(row['Resource Type']);
  const resourceId = str(row['Resource external ID']);
  const subscription = str(row['Subscription ID']);
  const title = str(row.Title) ?? issueId;

  return makeFinding({
    id: issueId,
    title,
    description: str(row.Description) ?? title,
    status: STATUS[(str(row.Status) ?? '').toUpperCase()] ?? 'unknown',
    severity: severityFromWord(row.Severity) ?? 'medium',
    kind: 'configuration',
    checkId: str(row['Control ID']),
    resourceType,
    resourceId,
    accountId: subscription && /^\d{12}$/.test(subscription) ? subscription : null,
    region: str(row['Resource Region']),
    sourceTool: 'Wiz',
    remediation: str(row['Remediation Recommendation']),
    firstSeen: timestamp(row['Created At']),
    lastUpdated: timestamp(row['Resolved Time']),
    tags: parseTags(row['Resource Tags']),
    hints: {
      productName: 'Wiz',
      ruleKey: title,
      ...(resourceType ? { resourceTypes: [resourceType] } : {}),
      ...(resourceId ? { resourceIds: [resourceId] } : {}),
    },
    raw: rawText(row),
  });
}

/** `Resource Tags` is a JSON object (`{"Owner": "JD"}`); anything else gives no tags. */
function parseTags(text: string | undefined): Record<string, string> {
  if (!text || !text.trim().startsWith('{')) return {};
  try {
    return tagsOf(JSON.parse(text));
  } catch {
    return {};
  }
}

export const wizFormat: FormatModule = {
  id: 'wiz',
  title: 'Wiz issues (CSV)',
  versions: 'Wiz console issues CSV export (32 columns)',
  ignores: 'projects, tickets, notes, due dates, console links',
  fileNameHint: /wiz/i,
  detect,
  parse,
};
