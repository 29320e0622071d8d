/**
 * Detection by content agrees with detection by name: every real export is read as the format its folder
 * and file name imply. Empty documents (`[]`, `{}`, `null`, an empty file) carry no content to detect; they
 * read as format `empty` unless the file name is telling (`*.ocsf.json`).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeWithFixtures, FIXTURES_DIR, readFixture } from '../test-support/fixtures';
import { DatasetBuilder } from './dataset';

/** Returns the format a fixture's name implies, by folder and, where a folder mixes formats, by file name. */
function formatByName(folder: string, file: string): string {
  switch (folder) {
    case 'asff':
    case 'electriceye':
      return 'asff';
    case 'security-lake':
      return file.endsWith('.parquet') ? 'ocsf' : 'asff';
    case 'prowler-v3plus':
      return file.endsWith('.ocsf.json') ? 'prowler-ocsf' : 'prowler-v3';
    case 'prowler-v4v5':
      return file.endsWith('.csv') ? 'prowler-csv' : 'prowler-ocsf';
    case 'secrets-gitleaks':
      return file.endsWith('.sarif') ? 'sarif' : 'gitleaks';
    case 'secrets-detect-secrets':
      return 'detect-secrets';
    case 'secrets-trufflehog':
      return 'trufflehog';
    case 'iac-checkov':
      return 'checkov';
    case 'iac-kics':
      return 'kics';
    case 'iac-tfsec':
      return 'tfsec';
    default:
      return folder;
  }
}

/** Fixtures whose whole content is an empty document, so nothing but the name could tell the format. */
const EMPTY_DOCUMENTS = new Set([
  'inspector2/dd-empty_with_error.json',
  'orca/dd-no_vuln.json',
  'prowler-v2/dd-no_vuln.json',
  'prowler-v3plus/dd-v3plus-no_vuln.json',
  'prowler-v4v5/dd-prowler_zero_vul.json',
  'secrets-gitleaks/dd-no_findings.json',
  'secrets-gitleaks/gl-golden-empty.json',
]);

function fixtureFiles(): string[] {
  return readdirSync(FIXTURES_DIR)
    .filter((folder) => statSync(join(FIXTURES_DIR, folder)).isDirectory())
    .flatMap((folder) => readdirSync(join(FIXTURES_DIR, folder)).map((file) => `${folder}/${file}`))
    .sort();
}

describeWithFixtures('detection by content', () => {
  it('agrees with the name for every fixture', async () => {
    const files = fixtureFiles();
    expect(files.length).toBeGreaterThan(100);
    for (const relative of files) {
      const [folder, file] = relative.split('/');
      const [account] = await new DatasetBuilder().addFile(relative, readFixture(relative));
      const expected = EMPTY_DOCUMENTS.has(relative) ? 'empty' : formatByName(folder, file);
      expect(account.format, relative).toBe(expected);
    }
  });

  it('reads every empty document as 0 records', async () => {
    for (const relative of EMPTY_DOCUMENTS) {
      const [account] = await new DatasetBuilder().addFile(relative, readFixture(relative));
      expect(account.records, relative).toBe(0);
      expect(account.errors, relative).toEqual([]);
    }
  });
});
