/**
 * Normalised findings as JSON Lines, JSON or CSV. The field list is the `export` contract; CSV cells are
 * neutralised so spreadsheets never evaluate a value from the input as a formula.
 */
import type { Finding } from '../model/finding';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FIELDS = [
  'id',
  'title',
  'status',
  'severity',
  'service',
  'category',
  'layer',
  'secondaryLayer',
  'owner',
  'rule',
  'reason',
  'controlId',
  'checkId',
  'resourceType',
  'resourceId',
  'accountId',
  'region',
  'sourceFormat',
  'sourceFile',
  'sourceTool',
  'kind',
  'firstSeen',
  'lastUpdated',
  'remediation',
  'remediationUrl',
  'cves',
  'standards',
] as const satisfies readonly (keyof Finding)[];

export type ExportRecord = Pick<Finding, (typeof EXPORT_FIELDS)[number]>;

export function toExportRecord(finding: Finding): ExportRecord {
  const record = {} as Record<string, unknown>;
  for (const field of EXPORT_FIELDS) record[field] = finding[field];
  return record as ExportRecord;
}

/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection guidance). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a formula-looking cell with an apostrophe so it is shown as text. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function csvCell(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (Array.isArray(value)) text = value.join('; ');
  else text = String(value);
  text = neutraliseCell(text);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes findings in the given format, one chunk at a time, so large exports need no single huge string. */
export function* exportChunks(findings: Iterable<Finding>, format: ExportFormat): Generator<string> {
  switch (format) {
    case 'jsonl':
      for (const finding of findings) yield `${JSON.stringify(toExportRecord(finding))}\n`;
      return;
    case 'json': {
      yield '[\n';
      let first = true;
      for (const finding of findings) {
        yield `${first ? '' : ',\n'}${JSON.stringify(toExportRecord(finding))}`;
        first = false;
      }
      yield '\n]\n';
      return;
    }
    case 'csv':
      yield `${EXPORT_FIELDS.join(',')}\r\n`;
      for (const finding of findings) {
        yield `${EXPORT_FIELDS.map((field) => csvCell(finding[field])).join(',')}\r\n`;
      }
      return;
  }
}

export function exportText(findings: Iterable<Finding>, format: ExportFormat): string {
  return [...exportChunks(findings, format)].join('');
}
