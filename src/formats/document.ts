/**
 * Parses decoded text once into an InputDocument: JSON, JSON Lines, a JavaScript variable assignment
 * (ScoutSuite), or CSV. Formats then detect and parse from the document, never from the file name.
 */
import type { Problem } from '../model/problem';
import { detectDelimiter, parseCsv } from './csv';
import { locateJsonBreak } from './json-error';
import { JsonArraySplitter } from './json-stream';
import type { InputDocument } from './types';

/** A JSON Lines line that did not parse; ingest counts it as a rejected record. */
export interface BadLine {
  line: number;
  detail: string;
}

export type DocumentResult =
  /** `problems` are file-level problems that still left a readable document (records before a break). */
  | { ok: true; doc: InputDocument; badLines: BadLine[]; problems?: Problem[] }
  | { ok: false; problem: Problem };

const JS_ASSIGNMENT = /^\s*(?:(?:var|let|const)\s+)?([A-Za-z_$][\w$]*)\s*=\s*/;

export function parseDocument(fileName: string, text: string): DocumentResult {
  const trimmed = text.trimStart();
  if (trimmed.trim() === '') return { ok: true, doc: { kind: 'empty' }, badLines: [] };

  const first = trimmed[0];
  if (first === '{' || first === '[' || /^(null|true|false|-?\d|")/.test(trimmed)) {
    return parseJsonText(fileName, text);
  }

  const assignment = JS_ASSIGNMENT.exec(trimmed);
  if (assignment && /^[[{]/.test(trimmed.slice(assignment[0].length))) {
    const body = trimmed.slice(assignment[0].length).replace(/;\s*$/, '');
    const parsed = tryJson(body);
    if (parsed.ok) return { ok: true, doc: { kind: 'js', variable: assignment[1], value: parsed.value }, badLines: [] };
    return { ok: false, problem: jsonProblem(fileName, body, parsed.error) };
  }

  return parseCsvText(text);
}

function parseJsonText(fileName: string, text: string): DocumentResult {
  const whole = tryJson(text);
  if (whole.ok) return { ok: true, doc: { kind: 'json', value: whole.value }, badLines: [] };

  const lines = parseJsonLines(text);
  if (lines) return { ok: true, doc: { kind: 'jsonl', values: lines.values, lines: lines.lineNumbers }, badLines: lines.badLines };

  const problem = jsonProblem(fileName, text, whole.error);
  const recovered = recordsBeforeBreak(text);
  if (recovered.length === 0) return { ok: false, problem };
  const kept = `; the ${recovered.length} complete records before it were read`;
  return { ok: true, doc: { kind: 'json', value: recovered }, badLines: [], problems: [{ ...problem, detail: `${problem.detail}${kept}` }] };
}

/**
 * Collects the complete records of a records array (top level, or under Findings, findings, results ...)
 * before the point where a truncated or damaged document breaks.
 */
function recordsBeforeBreak(text: string): unknown[] {
  const records: unknown[] = [];
  const splitter = new JsonArraySplitter({ onElement: (value) => records.push(value), onInvalidElement: () => undefined });
  splitter.push(new TextEncoder().encode(text));
  splitter.end();
  return records;
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false; error: Error } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/**
 * Reads JSON Lines: two or more non-blank lines that each parse or start like a JSON object or array, at
 * least one of which parses. Lines that do not parse are reported as bad lines instead of failing the file.
 */
function parseJsonLines(text: string): { values: unknown[]; lineNumbers: number[]; badLines: BadLine[] } | null {
  const rawLines = text.split(/\r?\n/);
  const values: unknown[] = [];
  const lineNumbers: number[] = [];
  const badLines: BadLine[] = [];
  let nonBlank = 0;
  for (let index = 0; index < rawLines.length; index++) {
    const line = rawLines[index].trim();
    if (line === '') continue;
    nonBlank++;
    const parsed = tryJson(line);
    // A line that neither parses nor starts like an object or array means this is not JSON Lines at all.
    if (!parsed.ok && !/^[[{]/.test(line)) return null;
    if (parsed.ok) {
      values.push(parsed.value);
      lineNumbers.push(index + 1);
    } else {
      badLines.push({ line: index + 1, detail: `line ${index + 1} is not valid JSON (${parsed.error.message})` });
    }
  }
  return nonBlank >= 2 && values.length > 0 ? { values, lineNumbers, badLines } : null;
}

/** Describes a JSON.parse failure with the line and column where it breaks and what was found there. */
function jsonProblem(fileName: string, text: string, error: Error): Problem {
  const found = locateJsonBreak(text);
  if (!found) return { code: 'invalid_json', file: fileName, detail: error.message };
  const where = lineAndColumn(text, found.offset);
  return found.truncated
    ? { code: 'truncated_json', file: fileName, detail: `it ends early at ${where}` }
    : { code: 'invalid_json', file: fileName, detail: `unexpected ${found.found} at ${where}` };
}

function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${end - lineStart + 1}`;
}

function parseCsvText(text: string): DocumentResult {
  const delimiter = detectDelimiter(text);
  const rows = parseCsv(text, delimiter);
  const header = rows[0]?.cells.map((cell) => cell.trim()) ?? [];
  return { ok: true, doc: { kind: 'csv', delimiter, header, rows: rows.slice(1) }, badLines: [] };
}
