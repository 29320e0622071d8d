/**
 * Test support for format modules: runs bytes or text through the real pipeline (readInputs, then
 * detectFormat over FORMATS, then parse) and returns what each entry became.
 */
import type { ParsedFinding } from '../model/finding';
import type { Problem } from '../model/problem';
import { readInputs } from './read';
import { detectFormat, isEmptyDocument } from './registry';
import type { FormatInput, RecordOutcome } from './types';

export interface PipelineEntry {
  /** Id of the detected format, `empty` for a document with no records, or null when none matched. */
  format: string | null;
  input: FormatInput | null;
  outcomes: RecordOutcome[];
  findings: ParsedFinding[];
  /** Reasons why no format matched, or the read problem. */
  problem: string | null;
}

export async function runPipeline(fileName: string, bytes: Uint8Array): Promise<PipelineEntry[]> {
  const entries: PipelineEntry[] = [];
  for (const result of await readInputs(fileName, bytes)) {
    if (!result.ok) {
      entries.push({ format: null, input: null, outcomes: [], findings: [], problem: describe(result.problem) });
      continue;
    }
    const { input } = result.entry;
    const detection = detectFormat(input);
    if (!detection.ok) {
      const empty = isEmptyDocument(input);
      const tried = detection.tried.map((attempt) => `${attempt.id}: ${attempt.reason}`).join('; ');
      entries.push({ format: empty ? 'empty' : null, input, outcomes: [], findings: [], problem: empty ? null : tried });
      continue;
    }
    const outcomes = [...detection.format.parse(input)];
    const findings = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.finding] : []));
    entries.push({ format: detection.format.id, input, outcomes, findings, problem: null });
  }
  return entries;
}

/** Runs text as if it were a dropped file and returns its single entry. */
export async function runText(fileName: string, text: string): Promise<PipelineEntry> {
  const [entry] = await runPipeline(fileName, new TextEncoder().encode(text));
  return entry;
}

/** Ingest's identity key (id, check or control, resource), to count what ingest keeps after dedupe. */
export function identityOf(finding: ParsedFinding): string {
  return `${finding.id}\u0000${finding.controlId ?? finding.checkId ?? ''}\u0000${finding.resourceId ?? ''}`;
}

export function distinctCount(findings: readonly ParsedFinding[]): number {
  return new Set(findings.map(identityOf)).size;
}

function describe(problem: Problem): string {
  return `${problem.code}: ${problem.detail ?? ''}`;
}
