import { expect, it } from 'vitest';
import { describeWithFixtures } from '../test-support/fixtures';
import { allFixtureFiles, fixtureInputs } from '../test-support/parse-fixture';
import { accessAnalyzerFormat } from './access-analyzer';
import { awsConfigFormat } from './aws-config';
import { guardDutyFormat } from './guardduty';
import { inspectorClassicFormat } from './inspector-classic';
import { inspector2Format } from './inspector2';
import { prowlerComplianceFormat } from './prowler-compliance';
import { prowlerV2Format } from './prowler-v2';
import { prowlerV3Format } from './prowler-v3';
import { scoutSuiteFormat } from './scoutsuite';
import { trustedAdvisorFormat } from './trusted-advisor';
import type { FormatModule } from './types';

/** Each format with the fixtures it may claim; every other fixture must be left to the other formats. */
const OWNERS: { format: FormatModule; owns: (file: string) => boolean }[] = [
  { format: prowlerV2Format, owns: (file) => file.startsWith('prowler-v2/') },
  { format: prowlerV3Format, owns: (file) => file.startsWith('prowler-v3plus/') && !file.endsWith('.ocsf.json') },
  // No compliance CSV is among the fixtures: this format must claim none of them.
  { format: prowlerComplianceFormat, owns: () => false },
  { format: scoutSuiteFormat, owns: (file) => file.startsWith('scoutsuite/') },
  { format: guardDutyFormat, owns: (file) => file.startsWith('guardduty/') },
  { format: inspector2Format, owns: (file) => file.startsWith('inspector2/') },
  { format: inspectorClassicFormat, owns: (file) => file.startsWith('inspector-classic/') },
  { format: accessAnalyzerFormat, owns: (file) => file.startsWith('access-analyzer/') },
  { format: awsConfigFormat, owns: (file) => file.startsWith('aws-config/') },
  { format: trustedAdvisorFormat, owns: (file) => file.startsWith('trusted-advisor/') },
];

describeWithFixtures('aws native format detection', () => {
  it.each(allFixtureFiles())('%s: no foreign claim', async (file) => {
    for (const input of await fixtureInputs(file)) {
      const claims = OWNERS.filter(({ format, owns }) => !owns(file) && format.detect(input).match);
      expect(claims.map(({ format }) => format.id)).toEqual([]);
    }
  });
});
