import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeWithFixtures, expectedRecords, fixturePath, fixturesIn } from '../test-support/fixtures';
import { distinctCount, runPipeline } from './testing';

/** The format each fixture folder is read with; `empty` marks documents that hold no records at all. */
const FOLDER_FORMATS: Record<string, (file: string) => string> = {
  'security-lake': (file) => (file.endsWith('.parquet') ? 'ocsf' : 'asff'),
  'secrets-gitleaks': (file) => (file.endsWith('.sarif') ? 'sarif' : /no_findings|empty/.test(file) ? 'empty' : 'gitleaks'),
  'secrets-trufflehog': () => 'trufflehog',
  'secrets-detect-secrets': () => 'detect-secrets',
  'iac-checkov': () => 'checkov',
  'iac-kics': () => 'kics',
  'iac-tfsec': () => 'tfsec',
  cloudsploit: (file) => (file.includes('zero') ? 'empty' : 'cloudsploit'),
  wiz: () => 'wiz',
  orca: (file) => (file.endsWith('no_vuln.json') ? 'empty' : 'orca'),
};

/**
 * What ingest keeps after deduplication where that differs from the record count, and why. DefectDojo's
 * counts differ too: it merges repeats inside its parsers, while our records count every entry.
 */
const KEPT_AFTER_DEDUPE: Record<string, { kept: number; why: string }> = {
  'secrets-gitleaks/dd-gitleaks8_many.json': { kept: 3, why: 'one leak appears in two commits (peer also 3)' },
  'secrets-gitleaks/dd-version_7.5.0.json': { kept: 4, why: 'four leaks appear in two commits each (peer also 4)' },
  'secrets-gitleaks/dd-gitleaks_7.5.0.sarif': {
    kept: 4,
    why: 'the SARIF form of the same four leaks in two commits (peer keeps all 8: its SARIF parser does not merge)',
  },
  'secrets-trufflehog/dd-v3_git.json': { kept: 3, why: 'one line is an exact repeat (peer also 3)' },
  'secrets-trufflehog/dd-v2_many_vulns.json': {
    kept: 20,
    why: 'v2 repeats a leak once per commit; the peer merges by file and reason alone (18), we also keep distinct matches',
  },
  'iac-tfsec/dd-many_findings_current.json': {
    kept: 13,
    why: 'six results repeat a rule on the same file and line for other module instances (peer also 13)',
  },
  'iac-kics/dd-many_findings.json': {
    kept: 15,
    why: 'four entries share one similarity_id, which KICS gives to the same match (peer keeps all 18)',
  },
};

describeWithFixtures('fixtures of secret, IaC and CSPM exports', () => {
  for (const folder of Object.keys(FOLDER_FORMATS)) {
    for (const relative of fixturesIn(folder)) {
      it(`reads ${relative}`, async () => {
        const entries = await runPipeline(relative, new Uint8Array(readFileSync(fixturePath(relative))));
        expect(entries).toHaveLength(1);
        const [entry] = entries;
        expect(entry.problem).toBeNull();
        expect(entry.format).toBe(FOLDER_FORMATS[folder](relative));
        expect(entry.outcomes).toHaveLength(expectedRecords(relative));
        expect(entry.outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
        const dedupe = KEPT_AFTER_DEDUPE[relative];
        expect(distinctCount(entry.findings), dedupe?.why).toBe(dedupe?.kept ?? entry.findings.length);
      });
    }
  }
});
