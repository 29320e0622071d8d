/**
 * Runs files through the real reading pipeline for tests: readInputs (gzip, zip, decoding, one structural
 * parse), then detectFormat over the registered formats, then the detected format's parse.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedFinding } from '../model/finding';
import { readInputs } from '../formats/read';
import { detectFormat, FORMATS } from '../formats/registry';
import type { FormatInput, FormatModule, RecordOutcome, RecordProblem } from '../formats/types';
import { FIXTURES_DIR, fixturesIn, hasFixtures, readFixture } from './fixtures';

export interface ParsedEntry {
  input: FormatInput;
  /** The detected format, or null with the reason each format gave in `tried`. */
  format: FormatModule | null;
  tried: { id: string; reason: string }[];
  outcomes: RecordOutcome[];
  findings: ParsedFinding[];
  problems: RecordProblem[];
}

/** Reads, detects and parses every entry of one file; a read failure throws with the problem. */
export async function parseBytes(
  fileName: string,
  bytes: Uint8Array,
  formats: readonly FormatModule[] = FORMATS,
): Promise<ParsedEntry[]> {
  const entries: ParsedEntry[] = [];
  for (const result of await readInputs(fileName, bytes)) {
    if (!result.ok) throw new Error(`${fileName} could not be read: ${result.problem.code} ${result.problem.detail ?? ''}`);
    const { input } = result.entry;
    const detection = detectFormat(input, formats);
    const format = detection.ok ? detection.format : null;
    const outcomes = format ? [...format.parse(input)] : [];
    entries.push({
      input,
      format,
      tried: detection.ok ? [] : detection.tried,
      outcomes,
      findings: outcomes.flatMap((outcome) => (outcome.ok ? [outcome.finding] : [])),
      problems: outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.problem])),
    });
  }
  return entries;
}

/** Parses a fixture that contains one document (not a zip of several) through the pipeline. */
export async function parseFixture(relative: string, formats: readonly FormatModule[] = FORMATS): Promise<ParsedEntry> {
  const entries = await parseBytes(relative, readFixture(relative), formats);
  if (entries.length !== 1) throw new Error(`${relative} contains ${entries.length} documents, expected 1`);
  return entries[0];
}

/** Parses text (JSON, JSON Lines or CSV) through the pipeline, for synthetic cases. */
export async function parseText(fileName: string, text: string, formats: readonly FormatModule[] = FORMATS): Promise<ParsedEntry> {
  const entries = await parseBytes(fileName, new TextEncoder().encode(text), formats);
  return entries[0];
}

/** Counts the records of a file: findings plus rejections, without file-level `not_findings` notes. */
export function recordCount(entry: ParsedEntry): number {
  return entry.outcomes.filter((outcome) => outcome.ok || outcome.problem.code !== 'not_findings').length;
}

/** Lists every fixture file of every folder, as paths relative to the fixtures folder. */
export function allFixtureFiles(): string[] {
  if (!hasFixtures) return [];
  return readdirSync(FIXTURES_DIR)
    .filter((name) => statSync(join(FIXTURES_DIR, name)).isDirectory())
    .sort()
    .flatMap((folder) => fixturesIn(folder));
}

/** Returns the documents of a fixture after reading. A file that cannot be read (an empty file) gives none. */
export async function fixtureInputs(relative: string): Promise<FormatInput[]> {
  const results = await readInputs(relative, readFixture(relative));
  return results.flatMap((result) => (result.ok ? [result.entry.input] : []));
}
