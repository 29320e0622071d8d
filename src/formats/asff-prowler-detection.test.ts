import { expect, it } from 'vitest';
import { describeWithFixtures } from '../test-support/fixtures';
import { allFixtureFiles, fixtureInputs } from '../test-support/parse-fixture';
import { asffFormat } from './asff';
import { prowlerCsvFormat } from './prowler-csv';
import { prowlerOcsfFormat } from './prowler-ocsf';
import { isEmptyDocument } from './registry';
import type { FormatModule } from './types';

/** Each module with the fixtures it must claim; every other fixture it must leave alone. */
const OWNED: [FormatModule, (file: string) => boolean][] = [
  [
    asffFormat,
    (file) =>
      file.startsWith('asff/') || file.startsWith('electriceye/') || (file.startsWith('security-lake/') && file.endsWith('.json.gz')),
  ],
  [prowlerOcsfFormat, (file) => /^prowler-(v3plus|v4v5)\/.*\.ocsf\.json$/.test(file) || file === 'prowler-v4v5/dd-prowler_zero_vul.json'],
  [prowlerCsvFormat, (file) => /^prowler-v4v5\/.*\.csv$/.test(file)],
];

describeWithFixtures('asff and prowler detection', () => {
  it.each(allFixtureFiles())('%s', async (file) => {
    for (const input of await fixtureInputs(file)) {
      for (const [format, owns] of OWNED) {
        // An empty document (`[]`) cannot be recognised by content, so ingest falls back to the file name.
        const expected = owns(file) && !isEmptyDocument(input);
        const detection = format.detect(input);
        const reason = detection.match ? 'matched' : detection.reason;
        expect(detection.match, `${format.id} on ${file}: ${reason}`).toBe(expected);
      }
    }
  });
});
