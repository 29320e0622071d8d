import type { ClassificationHints, FindingKind, ParsedFinding } from '../model/finding';
import type { Severity, Status } from '../model/vocabulary';
import type { RecordOutcome, RecordProblem } from './types';

/** Fields a format must supply; everything else has a neutral default. */
export interface FindingFields {
  id: string;
  title: string;
  status: Status;
  severity: Severity;
  sourceTool: string;
  raw: string;
  kind?: FindingKind;
  description?: string | null;
  controlId?: string | null;
  checkId?: string | null;
  resourceType?: string | null;
  resourceId?: string | null;
  accountId?: string | null;
  region?: string | null;
  remediation?: string | null;
  remediationUrl?: string | null;
  firstSeen?: string | null;
  lastUpdated?: string | null;
  tags?: Record<string, string>;
  cves?: string[];
  standards?: string[];
  hints?: ClassificationHints;
}

export function makeFinding(fields: FindingFields): ParsedFinding {
  return {
    id: fields.id,
    title: fields.title,
    description: fields.description ?? '',
    status: fields.status,
    severity: fields.severity,
    kind: fields.kind ?? 'configuration',
    controlId: fields.controlId ?? null,
    checkId: fields.checkId ?? null,
    resourceType: fields.resourceType ?? null,
    resourceId: fields.resourceId ?? null,
    accountId: fields.accountId ?? null,
    region: fields.region ?? null,
    sourceTool: fields.sourceTool,
    remediation: fields.remediation ?? null,
    remediationUrl: fields.remediationUrl ?? null,
    firstSeen: fields.firstSeen ?? null,
    lastUpdated: fields.lastUpdated ?? null,
    tags: fields.tags ?? {},
    cves: fields.cves ?? [],
    standards: fields.standards ?? [],
    hints: fields.hints ?? {},
    raw: fields.raw,
  };
}

export function accept(record: number, finding: ParsedFinding): RecordOutcome {
  return { ok: true, record, finding };
}

export function reject(
  record: number,
  code: RecordProblem['code'],
  detail: string,
  path?: string,
): RecordOutcome {
  return { ok: false, problem: { code, record, detail, path } };
}

/**
 * Runs a per-record parser over a list, turning an exception inside one record into a rejection of that
 * record only, so one malformed record never stops the file.
 */
export function* eachRecord(
  records: readonly unknown[],
  parseRecord: (record: unknown, index: number) => RecordOutcome,
): Iterable<RecordOutcome> {
  for (let index = 0; index < records.length; index++) {
    try {
      yield parseRecord(records[index], index);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      yield reject(index, 'invalid_record', `it could not be read (${message})`);
    }
  }
}
