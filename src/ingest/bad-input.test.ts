import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RAW_RECORD_LIMIT } from '../formats/fields';
import { decodeText, readEntries, type SourceEntry } from '../formats/source';
import { BAD_INPUT_CASES, badInputCase, expectAccount, INTERNAL_TEXT, prototypeSnapshot } from '../test-support/bad-input-cases';
import {
  asffFinding,
  asffFindings,
  asffPageText,
  bombEntry,
  encodeText,
  gzipBomb,
  jsonLinesText,
  prowlerCsvText,
  prowlerRow,
  zipArchive,
  zipBytes,
} from '../test-support/hostile';
import { isBalanced } from './account';
import { DatasetBuilder, MAX_ERRORS_PER_FILE } from './dataset';

const MIB = 1024 * 1024;

function problemOf(entry: SourceEntry) {
  return entry.ok ? null : entry.problem;
}

/** Runs `read` and returns its result with the time it took in milliseconds. */
function timed<T>(read: () => T): { result: T; millis: number } {
  const start = performance.now();
  const result = read();
  return { result, millis: performance.now() - start };
}

describe('ingest of bad input', () => {
  for (const testCase of BAD_INPUT_CASES) {
    // A case with a known defect is expected to fail until the defect is fixed; see its `defect` text.
    const test = testCase.defect ? it.fails : it;
    test(testCase.name, async () => {
      const prototypeBefore = prototypeSnapshot();

      const builder = new DatasetBuilder();
      const accounts = await builder.addFile(testCase.fileName, testCase.bytes());

      expect(accounts.map((account) => account.path)).toEqual(testCase.entries.map((entry) => entry.path));
      testCase.entries.forEach((expected, index) => expectAccount(accounts[index], expected));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(prototypeSnapshot()).toBe(prototypeBefore);
      // The Web Worker posts the dataset to the page, which needs a structured clone to succeed.
      expect(() => structuredClone(builder.build())).not.toThrow();
    });
  }

  it('loads the good files of a mixed drop', async () => {
    // Cases with a known defect are left out: their own rows expect them to fail.
    const cases = BAD_INPUT_CASES.filter((testCase) => !testCase.defect);
    const builder = new DatasetBuilder();
    for (const testCase of cases) {
      const accounts = await builder.addFile(testCase.fileName, testCase.bytes());
      // Files repeat findings of earlier files, so each finding is either new or a duplicate.
      testCase.entries.forEach((entry, index) => {
        expect(accounts[index].findings + accounts[index].duplicates, entry.path).toBe(entry.findings);
      });
    }

    expect(builder.build().files.every(isBalanced)).toBe(true);
  });
});

describe('ingest of hostile content', () => {
  it('keeps quoted CSV line breaks', async () => {
    const text = prowlerCsvText([prowlerRow(0, { STATUS_EXTENDED: 'line one\r\nline two; "quoted"' })], { lineEnding: '\r\n' });
    const builder = new DatasetBuilder();
    await builder.addFile('crlf.csv', encodeText(text));
    const [finding] = builder.build().findings;

    expect(finding.description.startsWith('line one\r\nline two; "quoted"')).toBe(true);
    expect(finding.region).toBe('us-east-1');
  });

  it('keeps prototype keys as plain data', async () => {
    const builder = new DatasetBuilder();
    await builder.addFile('proto.json', badInputCase('prototype keys').bytes());
    const [finding] = builder.build().findings;

    expect(Object.getPrototypeOf(finding.tags)).toBe(Object.prototype);
    expect(finding.tags.constructor).toBe('tag-constructor');
    expect(finding.tags.prototype).toBe('tag-prototype');
    expect(finding.tags.Name).toBe('bucket');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps a tag named __proto__', async () => {
    const builder = new DatasetBuilder();
    await builder.addFile('proto.json', badInputCase('prototype keys').bytes());
    const [finding] = builder.build().findings;

    expect(Object.prototype.hasOwnProperty.call(finding.tags, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(finding.tags, '__proto__')?.value).toBe('tag-proto');
  });

  it('reads a 20 MiB title in seconds', async () => {
    const huge = 'A'.repeat(20 * MIB);
    const bytes = encodeText(asffPageText([asffFinding(0, { Title: huge, Description: huge }), asffFinding(1)]));
    const builder = new DatasetBuilder();
    const start = performance.now();
    await builder.addFile('huge.json', bytes);
    const millis = performance.now() - start;
    const [finding] = builder.build().findings;

    expect(millis).toBeLessThan(15_000);
    expect(finding.title).toHaveLength(20 * MIB);
    expect(finding.raw.length).toBeLessThan(RAW_RECORD_LIMIT + 200);
  });

  it('lists some problems but counts all', async () => {
    const records = [...Array.from({ length: 500 }, () => 'not a finding'), asffFinding(0)];
    const [account] = await new DatasetBuilder().addFile('many-bad.json', encodeText(asffPageText(records)));

    expect(account.records).toBe(501);
    expect(account.rejected).toBe(500);
    expect(account.findings).toBe(1);
    expect(account.errors).toHaveLength(MAX_ERRORS_PER_FILE);
  });

  it('balances mutated exports', async () => {
    const seeds = [
      encodeText(asffPageText(asffFindings(4))),
      encodeText(jsonLinesText(asffFindings(4))),
      encodeText(prowlerCsvText([prowlerRow(0), prowlerRow(1), prowlerRow(2)])),
      zipBytes({ 'a.json': asffPageText(asffFindings(2)), 'b.csv': prowlerCsvText([prowlerRow(0)]) }),
    ];
    const mutation = fc.record({
      seed: fc.integer({ min: 0, max: seeds.length - 1 }),
      edits: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
      cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
    });

    await fc.assert(
      fc.asyncProperty(mutation, async ({ seed, edits, cut }) => {
        const bytes = seeds[seed].slice();
        for (const [position, value] of edits) bytes[Math.floor(position * (bytes.length - 1))] = value;
        const input = cut === null ? bytes : bytes.subarray(0, Math.floor(cut * bytes.length));

        const accounts = await new DatasetBuilder().addFile('mutated', input);

        expect(accounts.length).toBeGreaterThan(0);
        for (const account of accounts) {
          expect(isBalanced(account)).toBe(true);
          for (const error of account.errors) expect(error.message).not.toMatch(INTERNAL_TEXT);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('decompression limits', () => {
  it('refuses a zip bomb by its header', () => {
    const bomb = zipArchive([bombEntry('findings.json', 1.5 * 1024 ** 3)]);
    const { result, millis } = timed(() => readEntries('bomb.zip', bomb));

    expect(problemOf(result[0])?.code).toBe('too_large');
    expect(millis).toBeLessThan(1000);
  });

  it('stops a lying zip bomb at the cap', () => {
    const bomb = zipArchive([bombEntry('findings.json', 1024 ** 3, { declaredSize: 100 })]);
    const { result, millis } = timed(() => readEntries('lying.zip', bomb, MIB));

    expect(problemOf(result[0])).toEqual({ code: 'too_large', file: 'lying.zip/findings.json', detail: 'the entry expands to more than 1.0 MiB' });
    // Inflating the whole gibibyte takes several seconds; stopping at the cap takes milliseconds.
    expect(millis).toBeLessThan(2000);
  });

  it('stops a gzip bomb at the cap', () => {
    const { result, millis } = timed(() => readEntries('bomb.json.gz', gzipBomb(1024 ** 3), MIB));

    expect(problemOf(result[0])).toEqual({ code: 'too_large', file: 'bomb.json.gz', detail: 'it expands to more than 1.0 MiB' });
    expect(millis).toBeLessThan(2000);
  });

  it('caps a whole archive', () => {
    const entries = Array.from({ length: 10 }, (_, index) => bombEntry(`${index}.json`, 8 * MIB));
    const result = readEntries('many.zip', zipArchive(entries), 16 * MIB, 32 * MIB);

    expect(result.filter((entry) => entry.ok)).toHaveLength(4);
    expect(result.slice(4).map((entry) => problemOf(entry)?.detail)).toEqual(
      Array(6).fill('the archive expands to more than 32.0 MiB in total'),
    );
  });

  it('reads entries under the cap', () => {
    const result = readEntries('small.zip', zipArchive([bombEntry('a.json', MIB - 1)]), MIB);

    expect(result).toHaveLength(1);
    const [entry] = result;
    expect(entry.ok).toBe(true);
    expect('entry' in entry).toBe(true);
    if (entry.ok && 'entry' in entry) expect(entry.entry.text).toHaveLength(MIB - 1);
  });

  it('names text too long for one string', () => {
    // Over V8's maximum string length (2^29 - 24 characters in Node 20), so decoding must fail.
    const bytes = new Uint8Array(600 * MIB).fill(0x20);
    const problem = problemOf(decodeText('big.json', bytes));

    expect(problem?.code).toBe('too_large');
    expect(problem?.detail).toMatch(/600\.0 MiB of text do not fit in one JavaScript string/);
  });
});
