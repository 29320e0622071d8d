import { expect, it } from 'vitest';
import { DatasetBuilder } from '../ingest/dataset';
import type { Finding } from '../model/finding';
import { describeWithFixtures, expectedRecords, readFixture } from '../test-support/fixtures';
import { buildSearchIndex, compileTextSearch } from './search-index';

const FILES = [
  'asff/dd-asff-prowler-output.asff.json',
  'asff/dd-sechub-config_many_findings.json',
  'asff/dd-sechub-inspector_ec2_cve.json',
  'inspector2/dd-aws_inspector2_many_vul.json',
  'prowler-v4v5/prowler-example_output_aws.ocsf.json',
  'guardduty/gdsoar-eventbridge-Trojan-EC2-DropPoint.json',
];

/** Reads the fixtures through the real pipeline into one dataset, checking each record count. */
async function loadFindings(): Promise<Finding[]> {
  const builder = new DatasetBuilder();
  for (const path of FILES) {
    const [account] = await builder.addFile(path, readFixture(path));
    expect(account.format, `${path} was not recognised`).not.toBeNull();
    expect(account.records, path).toBe(expectedRecords(path));
  }
  return builder.build().findings;
}

/** Tests a finding the plain way: every word, lower-cased, must occur in one of the lower-cased fields. */
function referenceMatches(finding: Finding, words: string[]): boolean {
  const fields = [
    finding.title,
    finding.description,
    finding.id,
    finding.controlId,
    finding.checkId,
    finding.resourceType,
    finding.resourceId,
    finding.service,
    finding.accountId,
    finding.region,
    finding.rule,
    finding.reason,
    finding.sourceTool,
    finding.sourceFile,
    ...finding.cves,
  ].flatMap((field) => (field ? [field.toLowerCase()] : []));
  return words.every((word) => fields.some((field) => field.includes(word.toLowerCase())));
}

/** Queries taken from the data: words of titles, ids, accounts, checks, regions and CVEs, alone and in pairs. */
function queriesFrom(findings: readonly Finding[]): string[] {
  const queries = ['s3', 'PUBLIC', 'ec2', 'cve-2', 'arn:aws:', 'encrypt', 'no-such-text'];
  findings.forEach((finding, index) => {
    if (index % 37 !== 0) return;
    const titleWord = finding.title.split(/\s+/).find((word) => word.length >= 4) ?? finding.title;
    queries.push(titleWord, finding.id.slice(-8), `${titleWord} ${finding.region ?? ''}`);
    for (const value of [finding.accountId, finding.controlId ?? finding.checkId, finding.cves[0]]) {
      if (value) queries.push(value.toUpperCase());
    }
  });
  return queries;
}

describeWithFixtures('search index on real exports', () => {
  it('agrees with a plain substring search', async () => {
    const findings = await loadFindings();
    const index = buildSearchIndex(findings);
    const queries = queriesFrom(findings);
    expect(queries.length).toBeGreaterThan(50);

    // Queries that select some findings but not all, so that the comparison can tell the searches apart.
    let selective = 0;
    for (const query of queries) {
      const matches = compileTextSearch(index, query);
      const words = query.split(/\s+/).filter(Boolean);
      const actual = findings.flatMap((_, position) => (matches?.(position) ? [position] : []));
      const expected = findings.flatMap((finding, position) => (referenceMatches(finding, words) ? [position] : []));
      expect(actual, query).toEqual(expected);
      if (expected.length > 0 && expected.length < findings.length) selective++;
    }
    expect(selective).toBeGreaterThan(queries.length / 2);
  });
});
