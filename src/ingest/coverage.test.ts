import { expect, it } from 'vitest';
import type { Finding } from '../model/finding';
import { describeWithFixtures, fixturesIn, readFixture } from '../test-support/fixtures';
import { DatasetBuilder } from './dataset';

/** Rules that only guess: keyword matches, ASFF Types / Prowler category fallbacks and the default. */
const LAST_RESORT = /^(keyword|type|types|category|default)\b/;

async function findingsOf(files: string[]): Promise<Finding[]> {
  const builder = new DatasetBuilder();
  for (const file of files) await builder.addFile(file, readFixture(file));
  return builder.build().findings;
}

function share(findings: Finding[], predicate: (finding: Finding) => boolean): number {
  return findings.filter(predicate).length / findings.length;
}

describeWithFixtures('classification coverage on real exports', () => {
  // The Kubernetes example is a non-AWS scan: its findings are unmapped by design.
  const awsExports = [...fixturesIn('asff'), ...fixturesIn('electriceye'), ...fixturesIn('prowler-v3plus'), ...fixturesIn('prowler-v4v5')].filter(
    (file) => !file.includes('kubernetes'),
  );

  it('names a service for over 95% of findings', async () => {
    const findings = await findingsOf(awsExports);
    expect(findings.length).toBeGreaterThan(700);
    expect(share(findings, (finding) => finding.category === 'unmapped')).toBeLessThan(0.05);
  });

  it('needs last-resort rules for under 10%', async () => {
    const findings = await findingsOf(awsExports);
    expect(share(findings, (finding) => LAST_RESORT.test(finding.rule))).toBeLessThan(0.1);
  });

  it('gives every finding a reason', async () => {
    const findings = await findingsOf(awsExports);
    for (const finding of findings) expect(finding.reason.length).toBeGreaterThan(10);
  });
});
