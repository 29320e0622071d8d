/**
 * Test access to the reference tables beside the repository (REFERENCE_DIR). Tests that read them use
 * `describeWithReference`, which skips with a message when the folder is absent, and a minimal finding
 * built by `findingWith`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'vitest';
import { parseCsv } from '../formats/csv';
import type { ParsedFinding } from '../model/finding';
import { REFERENCE_DIR } from '../test-support/fixtures';

export const hasReference = existsSync(REFERENCE_DIR);

const SKIP_MESSAGE = `reference tables not found at ${REFERENCE_DIR}; set SRD_SHARED_DIR or check out ../shared`;

/** Runs `describe` when the reference tables exist, and skips with the reason otherwise. */
export function describeWithReference(name: string, body: () => void): void {
  if (hasReference) {
    describe(name, body);
  } else {
    describe.skip(`${name} (${SKIP_MESSAGE})`, body);
  }
}

/** Rows of a reference CSV table as records keyed by column name; empty when the folder is absent. */
export function readReferenceTable(fileName: string): Record<string, string>[] {
  if (!hasReference) return [];
  const [header, ...rows] = parseCsv(readFileSync(join(REFERENCE_DIR, fileName), 'utf8'), ',');
  return rows.map((row) => Object.fromEntries(header.cells.map((column, index) => [column, row.cells[index] ?? ''])));
}

/** Builds a finding with every field empty or neutral, overridden by `fields`. */
export function findingWith(fields: Partial<ParsedFinding>): ParsedFinding {
  return {
    id: 'test-finding',
    title: '',
    description: '',
    status: 'open',
    severity: 'medium',
    kind: 'configuration',
    controlId: null,
    checkId: null,
    resourceType: null,
    resourceId: null,
    accountId: null,
    region: null,
    sourceTool: 'test',
    remediation: null,
    remediationUrl: null,
    firstSeen: null,
    lastUpdated: null,
    tags: {},
    cves: [],
    standards: [],
    hints: {},
    raw: '{}',
    ...fields,
  };
}
