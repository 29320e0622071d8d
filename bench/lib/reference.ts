/**
 * The reference tables the generators draw real ids from: Security Hub control ids (FSBP) and Prowler
 * AWS check ids. They sit in `reference/` of the shared folder beside the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../src/formats/csv';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sharedDir = process.env.SRD_SHARED_DIR ?? resolve(repositoryRoot, '..', 'shared');
export const REFERENCE_DIR = join(sharedDir, 'reference');

/** One row of fsbp_controls_layers.csv, with the columns the generators use. */
export interface ControlRow {
  controlId: string;
  title: string;
  /** CloudFormation resource type of the control's first resource, e.g. `AWS::S3::Bucket`, or ''. */
  configResourceType: string;
  /** Severity label in upper case (CRITICAL, HIGH, MEDIUM, LOW), or '' when the table has none. */
  severity: string;
}

/** One row of prowler_aws_checks_layers.csv. */
export interface CheckRow {
  checkId: string;
  serviceName: string;
  resourceType: string;
  categories: string[];
  title: string;
}

function readTable(file: string): Record<string, string>[] {
  const path = join(REFERENCE_DIR, file);
  if (!existsSync(path)) {
    throw new Error(`${path} not found; set SRD_SHARED_DIR to the folder that contains reference/${file}`);
  }
  const rows = parseCsv(readFileSync(path, 'utf8'), ',');
  const header = rows[0].cells;
  return rows.slice(1).map((row) => Object.fromEntries(header.map((name, i) => [name, row.cells[i] ?? ''])));
}

export function readControls(): ControlRow[] {
  return readTable('fsbp_controls_layers.csv').map((row) => ({
    controlId: row.control_id,
    title: row.title,
    configResourceType: row.config_resource_type.split(',')[0].trim(),
    severity: row.severity_2023.trim().toUpperCase(),
  }));
}

export function readChecks(): CheckRow[] {
  return readTable('prowler_aws_checks_layers.csv').map((row) => ({
    checkId: row.check_id,
    serviceName: row.service_name,
    resourceType: row.resource_type,
    categories: row.categories ? row.categories.split(';') : [],
    title: row.title,
  }));
}
