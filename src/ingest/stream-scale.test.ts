/**
 * Correctness at scale: generated exports of 10,000 findings go through the whole-file path and the
 * streaming path, and both must count exactly what the generator reports it wrote.
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateAsff } from '../../bench/generators/asff';
import { generateProwlerOcsf } from '../../bench/generators/prowler-ocsf';
import type { Tally } from '../../bench/lib/tally';
import { FileWriter } from '../../bench/lib/writer';
import type { Finding } from '../model/finding';
import { SEVERITIES, STATUSES, zeroCounts } from '../model/vocabulary';
import { describeWithFixtures } from '../test-support/fixtures';
import { isBalanced, type FileAccount } from './account';
import { DatasetBuilder } from './dataset';
import { addJsonStream } from './stream';

const COUNT = 10_000;

interface Generated {
  path: string;
  tally: Tally;
}

interface Loaded {
  account: FileAccount;
  findings: Finding[];
}

function countsOf(findings: readonly Finding[]) {
  const byStatus = zeroCounts(STATUSES);
  const bySeverity = zeroCounts(SEVERITIES);
  for (const finding of findings) {
    byStatus[finding.status]++;
    bySeverity[finding.severity]++;
  }
  return { byStatus, bySeverity };
}

async function loadWhole(path: string): Promise<Loaded> {
  const builder = new DatasetBuilder();
  const [account] = await builder.addFile(path, new Uint8Array(readFileSync(path)));
  return { account, findings: builder.build().findings };
}

async function loadStreaming(path: string, totalBytes: number): Promise<Loaded> {
  const builder = new DatasetBuilder();
  const account = await addJsonStream(builder, path, createReadStream(path, { highWaterMark: 1024 * 1024 }), totalBytes);
  return { account, findings: builder.build().findings };
}

function expectMatchesTally(loaded: Loaded, tally: Tally, formatId: string): void {
  expect(loaded.account.format).toBe(formatId);
  expect(loaded.account.errors).toEqual([]);
  expect(loaded.account.records).toBe(tally.records);
  expect(loaded.account.findings).toBe(tally.records);
  expect(isBalanced(loaded.account)).toBe(true);
  const counts = countsOf(loaded.findings);
  expect(counts.byStatus).toEqual(tally.byStatus);
  expect(counts.bySeverity).toEqual(tally.bySeverity);
}

describeWithFixtures('generated exports at scale', () => {
  let folder = '';
  let asff: Generated;
  let prowler: Generated;
  /** Loads shared between tests, so that each file is read once per path. */
  const loads = new Map<string, Promise<Loaded>>();

  function load(file: Generated, path: 'whole' | 'streaming'): Promise<Loaded> {
    const key = `${file.path} ${path}`;
    let loaded = loads.get(key);
    if (loaded === undefined) {
      loaded = path === 'whole' ? loadWhole(file.path) : loadStreaming(file.path, file.tally.bytes);
      loads.set(key, loaded);
    }
    return loaded;
  }

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'srd-scale-'));
    const generate = (name: string, write: (out: FileWriter) => Tally): Generated => {
      const path = join(folder, name);
      const writer = new FileWriter(path);
      const tally = write(writer);
      writer.close();
      tally.bytes = writer.bytes;
      return { path, tally };
    };
    asff = generate('asff.json', (out) => generateAsff({ count: COUNT, seed: 7 }, out));
    prowler = generate('prowler.ocsf.json', (out) => generateProwlerOcsf({ count: COUNT, seed: 7 }, out));
  });

  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('ASFF whole-file counts match the tally', async () => {
    expectMatchesTally(await load(asff, 'whole'), asff.tally, 'asff');
  });

  it('ASFF streamed counts match the tally', async () => {
    expectMatchesTally(await load(asff, 'streaming'), asff.tally, 'asff');
  });

  it('Prowler OCSF whole-file counts match the tally', async () => {
    expectMatchesTally(await load(prowler, 'whole'), prowler.tally, 'prowler-ocsf');
  });

  it('Prowler OCSF streamed counts match the tally', async () => {
    expectMatchesTally(await load(prowler, 'streaming'), prowler.tally, 'prowler-ocsf');
  });

  it('both paths read findings alike', async () => {
    for (const file of [asff, prowler]) {
      const whole = (await load(file, 'whole')).findings;
      const streamed = (await load(file, 'streaming')).findings;
      expect(streamed.length).toBe(whole.length);
      for (let index = 0; index < whole.length; index += 97) {
        expect(streamed[index], `${file.tally.format} finding ${index}`).toEqual(whole[index]);
      }
    }
  });
});
