/**
 * The bad-input table that the ingest and the CLI tests both run: each case is one file and what every
 * entry of it must become (format, counts, problems). Bytes are built on demand because some cases are
 * megabytes.
 */
import { expect } from 'vitest';
import type { ProblemCode } from '../model/problem';
import {
  asffFinding,
  asffFindings,
  asffPageText,
  binaryGarbage,
  bombEntry,
  encodeText,
  gzipBytes,
  jsonLinesText,
  nestedArraysText,
  nestedObjectsText,
  prowlerCsvText,
  prowlerRow,
  utf16WithBom,
  withUtf8Bom,
  zipArchive,
  zipBytes,
  zipEntry,
} from './hostile';

export interface ExpectedProblem {
  code: ProblemCode;
  record?: number;
  path?: string;
  message?: RegExp;
}

export interface ExpectedEntry {
  /** End of the account's path: the file name, or `archive.zip/entry` for a zip entry. */
  path: string;
  /** Format id, `empty` for a document without records, or null when the entry is unreadable. */
  format: string | null;
  findings: number;
  /** Left out where the count of a partly read file is not fixed by the design. */
  records?: number;
  rejected?: number;
  /** Every error of the account, in order. */
  problems: ExpectedProblem[];
  note?: RegExp;
}

export interface BadInputCase {
  name: string;
  fileName: string;
  bytes: () => Uint8Array;
  entries: ExpectedEntry[];
  /** `srd` exit code: 3 when an entry could not be read whole or recognised, else 0. */
  exitCode: 0 | 3;
  /** The known defect that makes this case fail today; the tests then expect the failure. */
  defect?: string;
}

/** Position a problem message must name: a line and a column of the text. */
const LINE_AND_COLUMN = /line \d+, column \d+/;

const asffPage = () => asffPageText(asffFindings(3));

/** Writes three findings cut inside the third, so two complete findings come before the break. */
function truncatedPage(): string {
  const text = asffPage();
  return text.slice(0, text.indexOf('hostile-2"') + 5);
}

/** Writes a page with a trailing comma after the last finding, as a hand edit leaves it. */
function trailingCommaPage(): string {
  const text = asffPage();
  const lastBrace = text.lastIndexOf('}', text.lastIndexOf(']'));
  return `${text.slice(0, lastBrace + 1)},${text.slice(lastBrace + 1)}`;
}

/** Builds Prowler rows, the first with a line break, a quote, separators and a tab in one cell. */
const prowlerRows = () => [prowlerRow(0, { STATUS_EXTENDED: 'line one\r\nline two; "quoted", tab\there' }), prowlerRow(1)];

/** Writes a finding whose top level, ProductFields, resource tags and resource details carry prototype keys. */
function pollutingPage(): string {
  const finding = JSON.stringify(asffFinding(0, { Resources: undefined })).slice(0, -1);
  const keys = '"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "prototype": {"polluted": "yes"}';
  const tags = '"__proto__": "tag-proto", "constructor": "tag-constructor", "prototype": "tag-prototype", "Name": "bucket"';
  const resource = `{"Type": "AwsS3Bucket", "Id": "arn:aws:s3:::bucket-0", "Tags": {${tags}}, "Details": {"Other": {${keys}}}}`;
  return `{"Findings": [${finding}, ${keys}, "ProductFields": {${keys}}, "Resources": [${resource}]}]}`;
}

/** Writes two good findings around three bad records: no Id, an Id that is an object, and a string. */
function mixedAsffPage(): string {
  return asffPageText([asffFinding(0), asffFinding(1, { Id: undefined }), asffFinding(2, { Id: { value: 'x' } }), 'not a finding', asffFinding(4)]);
}

/** Writes a Powerpipe benchmark whose one control sits under `depth` nested groups. */
function deepPowerpipeText(depth: number): string {
  const control = JSON.stringify({
    control_id: 'aws_compliance.control.s3_bucket_versioning_enabled',
    title: 'S3 bucket versioning should be enabled',
    severity: 'high',
    results: [{ reason: 'bucket-0 versioning disabled.', resource: 'arn:aws:s3:::bucket-0', status: 'alarm', dimensions: [] }],
  });
  return `{"summary": {"status": {"alarm": 1}}, "groups": [${'{"groups": ['.repeat(depth)}{"controls": [${control}]}${']}'.repeat(depth)}]}`;
}

/** Builds the expectation for an entry that is not read at all: no format, no records, one problem. */
function unreadable(path: string, code: ProblemCode, message: RegExp): ExpectedEntry {
  return { path, format: null, records: 0, findings: 0, problems: [{ code, message }] };
}

/** Builds the expectation for an entry whose records all load as findings. */
function loaded(path: string, format: string, findings: number): ExpectedEntry {
  return { path, format, records: findings, findings, problems: [] };
}

const TWENTY_MIB = 20 * 1024 * 1024;

export const BAD_INPUT_CASES: readonly BadInputCase[] = [
  {
    name: 'empty file',
    fileName: 'empty.json',
    bytes: () => new Uint8Array(0),
    entries: [{ path: 'empty.json', format: 'empty', records: 0, findings: 0, problems: [], note: /empty/ }],
    exitCode: 0,
  },
  {
    name: 'white space only',
    fileName: 'blank.json',
    bytes: () => encodeText(' \r\n\t\n'),
    entries: [{ path: 'blank.json', format: 'empty', records: 0, findings: 0, problems: [], note: /no records/ }],
    exitCode: 0,
  },
  ...(['null', '{}', '[]'] as const).map(
    (text): BadInputCase => ({
      name: `JSON ${text}`,
      fileName: 'nothing.json',
      bytes: () => encodeText(text),
      entries: [{ path: 'nothing.json', format: 'empty', records: 0, findings: 0, problems: [], note: /no records/ }],
      exitCode: 0,
    }),
  ),
  {
    name: 'truncated JSON',
    fileName: 'truncated.json',
    bytes: () => encodeText(truncatedPage()),
    entries: [
      { path: 'truncated.json', format: 'asff', findings: 2, problems: [{ code: 'truncated_json', message: LINE_AND_COLUMN }] },
    ],
    exitCode: 3,
  },
  {
    name: 'truncated before first record',
    fileName: 'cut.json',
    bytes: () => encodeText('{\n  "Findings": [\n    {\n      "SchemaVersion": "2018-10-08",\n      "Id": "arn:aws:secu'),
    entries: [unreadable('cut.json', 'truncated_json', /line 5, column \d+/)],
    exitCode: 3,
  },
  {
    name: 'hand-edited trailing comma',
    fileName: 'edited.json',
    bytes: () => encodeText(trailingCommaPage()),
    entries: [
      // The three findings before the stray comma are complete, so they load.
      { path: 'edited.json', format: 'asff', findings: 3, problems: [{ code: 'invalid_json', message: /unexpected "\]" at line \d+, column \d+/ }] },
    ],
    exitCode: 3,
  },
  {
    name: 'binary garbage',
    fileName: 'findings.json',
    bytes: () => binaryGarbage(),
    entries: [unreadable('findings.json', 'binary_file', /binary/)],
    exitCode: 3,
  },
  {
    name: 'Latin-1 bytes',
    fileName: 'latin1.json',
    bytes: () => Uint8Array.from([...encodeText('{"Findings": [{"Title": "caf'), 0xe9, ...encodeText('"}]}')]),
    entries: [unreadable('latin1.json', 'invalid_encoding', /UTF-8/)],
    exitCode: 3,
  },
  {
    name: 'UTF-8 with BOM',
    fileName: 'bom.json',
    bytes: () => withUtf8Bom(asffPage()),
    entries: [loaded('bom.json', 'asff', 3)],
    exitCode: 0,
  },
  ...(['le', 'be'] as const).map(
    (endian): BadInputCase => ({
      name: `UTF-16 ${endian.toUpperCase()} with BOM`,
      fileName: `utf16${endian}.json`,
      bytes: () => utf16WithBom(asffPage(), endian),
      entries: [loaded(`utf16${endian}.json`, 'asff', 3)],
      exitCode: 0,
    }),
  ),
  {
    name: 'CSV with CRLF and quoted newlines',
    fileName: 'prowler-crlf.csv',
    bytes: () => encodeText(prowlerCsvText(prowlerRows(), { lineEnding: '\r\n' })),
    entries: [loaded('prowler-crlf.csv', 'prowler-csv', 2)],
    exitCode: 0,
  },
  {
    name: 'CSV as UTF-16 LE with tabs',
    fileName: 'prowler-unicode.txt',
    bytes: () => utf16WithBom(prowlerCsvText(prowlerRows(), { delimiter: '\t', lineEnding: '\r\n' }), 'le'),
    entries: [loaded('prowler-unicode.txt', 'prowler-csv', 2)],
    exitCode: 0,
  },
  ...([
    ['comma', ','],
    ['tab', '\t'],
  ] as const).map(
    ([label, delimiter]): BadInputCase => ({
      name: `CSV separated by ${label}`,
      fileName: `prowler-${label}.csv`,
      bytes: () => encodeText(prowlerCsvText(prowlerRows(), { delimiter })),
      entries: [loaded(`prowler-${label}.csv`, 'prowler-csv', 2)],
      exitCode: 0,
    }),
  ),
  {
    name: 'JSON Lines',
    fileName: 'findings.jsonl',
    bytes: () => encodeText(jsonLinesText(asffFindings(3))),
    entries: [loaded('findings.jsonl', 'asff', 3)],
    exitCode: 0,
  },
  {
    name: 'JSON Lines with a broken line',
    fileName: 'broken.jsonl',
    bytes: () => encodeText(`${jsonLinesText(asffFindings(3), '\r\n')}{"Id": "cut\r\n${JSON.stringify(asffFinding(4))}\r\n`),
    entries: [
      {
        path: 'broken.jsonl',
        format: 'asff',
        records: 5,
        findings: 4,
        rejected: 1,
        problems: [{ code: 'invalid_record', record: 3, message: /line 4 is not valid JSON/ }],
      },
    ],
    exitCode: 0,
  },
  {
    name: 'JSON Lines with a broken first line',
    fileName: 'first-broken.jsonl',
    bytes: () => encodeText(`{"Id": "cut\n${jsonLinesText(asffFindings(5))}`),
    entries: [
      {
        path: 'first-broken.jsonl',
        format: 'asff',
        records: 6,
        findings: 5,
        rejected: 1,
        problems: [{ code: 'invalid_record', record: 0, message: /line 1 is not valid JSON/ }],
      },
    ],
    exitCode: 0,
  },
  {
    name: 'ASFF named .csv',
    fileName: 'findings.csv',
    bytes: () => encodeText(asffPage()),
    entries: [loaded('findings.csv', 'asff', 3)],
    exitCode: 0,
  },
  {
    name: 'CSV named .json',
    fileName: 'prowler.json',
    bytes: () => encodeText(prowlerCsvText(prowlerRows())),
    entries: [loaded('prowler.json', 'prowler-csv', 2)],
    exitCode: 0,
  },
  {
    name: 'gzip',
    fileName: 'findings.json.gz',
    bytes: () => gzipBytes(asffPage()),
    entries: [loaded('findings.json', 'asff', 3)],
    exitCode: 0,
  },
  {
    name: 'zip of two exports',
    fileName: 'exports.zip',
    bytes: () => zipBytes({ 'asff/findings.json': asffPage(), 'prowler.csv': prowlerCsvText(prowlerRows()) }),
    entries: [
      loaded('exports.zip/asff/findings.json', 'asff', 3),
      loaded('exports.zip/prowler.csv', 'prowler-csv', 2),
    ],
    exitCode: 0,
  },
  {
    name: 'zip bomb',
    fileName: 'bomb.zip',
    bytes: () => zipArchive([bombEntry('findings.json', 1.5 * 1024 ** 3)]),
    entries: [unreadable('bomb.zip/findings.json', 'too_large', /1\.5 GiB.*limit/)],
    exitCode: 3,
  },
  {
    name: 'zip bomb beside an export',
    fileName: 'mixed.zip',
    bytes: () => zipArchive([zipEntry('findings.json', asffPage()), bombEntry('bomb.json', 1.5 * 1024 ** 3)]),
    entries: [
      loaded('mixed.zip/findings.json', 'asff', 3),
      unreadable('mixed.zip/bomb.json', 'too_large', /limit/),
    ],
    exitCode: 3,
  },
  {
    name: 'gzip nested too deep',
    fileName: 'deep.json.gz',
    bytes: () => {
      let bytes = encodeText(asffPage());
      for (let level = 0; level < 8; level++) bytes = gzipBytes(bytes);
      return bytes;
    },
    entries: [unreadable('deep.json', 'archive_refused', /nests more than/)],
    exitCode: 3,
  },
  {
    name: 'JSON nested 100k deep',
    fileName: 'nested.json',
    bytes: () => encodeText(nestedArraysText(100_000)),
    entries: [unreadable('nested.json', 'unrecognised_format', /tried asff/)],
    exitCode: 3,
  },
  {
    name: 'finding nested 100k deep',
    fileName: 'nested-finding.json',
    bytes: () => encodeText(`{"Findings": [${JSON.stringify(asffFinding(0)).slice(0, -1)}, "ProductFields": ${nestedObjectsText(100_000)}}]}`),
    entries: [loaded('nested-finding.json', 'asff', 1)],
    exitCode: 0,
  },
  {
    name: 'benchmark groups 100k deep',
    fileName: 'powerpipe.json',
    bytes: () => encodeText(deepPowerpipeText(100_000)),
    entries: [loaded('powerpipe.json', 'powerpipe', 1)],
    exitCode: 0,
  },
  {
    name: '20 MiB title',
    fileName: 'huge-title.json',
    bytes: () => encodeText(asffPageText([asffFinding(0, { Title: 'A'.repeat(TWENTY_MIB), Description: 'B'.repeat(TWENTY_MIB) }), asffFinding(1)])),
    entries: [loaded('huge-title.json', 'asff', 2)],
    exitCode: 0,
  },
  {
    name: 'prototype keys',
    fileName: 'proto.json',
    bytes: () => encodeText(pollutingPage()),
    entries: [loaded('proto.json', 'asff', 1)],
    exitCode: 0,
  },
  {
    name: 'status named constructor',
    fileName: 'ocsf.json',
    bytes: () =>
      encodeText(
        JSON.stringify([
          {
            class_uid: 2003,
            metadata: { product: { name: 'Security Hub' }, version: '1.1.0' },
            finding_info: { uid: 'finding-1', title: 'S3 general purpose buckets should block public access' },
            severity_id: 3,
            status: 'constructor',
          },
        ]),
      ),
    entries: [loaded('ocsf.json', 'ocsf', 1)],
    exitCode: 0,
  },
  {
    name: 'bad records among good',
    fileName: 'mixed.json',
    bytes: () => encodeText(mixedAsffPage()),
    entries: [
      {
        path: 'mixed.json',
        format: 'asff',
        records: 5,
        findings: 2,
        rejected: 3,
        problems: [
          { code: 'missing_field', record: 1, path: 'Id' },
          { code: 'wrong_type', record: 2, path: 'Id', message: /expected a string/ },
          { code: 'wrong_type', record: 3, message: /expected an ASFF finding object/ },
        ],
      },
    ],
    exitCode: 0,
  },
  {
    name: 'CSV row without its id',
    fileName: 'mixed.csv',
    bytes: () => encodeText(prowlerCsvText([prowlerRow(0), prowlerRow(1, { FINDING_UID: '' }), prowlerRow(2)])),
    entries: [
      {
        path: 'mixed.csv',
        format: 'prowler-csv',
        records: 3,
        findings: 2,
        rejected: 1,
        problems: [{ code: 'missing_field', record: 1, path: 'FINDING_UID', message: /line 3/ }],
      },
    ],
    exitCode: 0,
  },
];

/** Returns the case with this name; a missing name is a mistake in the test, so it throws. */
export function badInputCase(name: string): BadInputCase {
  const found = BAD_INPUT_CASES.find((testCase) => testCase.name === name);
  if (!found) throw new Error(`no bad-input case is named "${name}"`);
  return found;
}

/** Describes the own properties of `Object.prototype` and their kinds, to compare before and after ingest. */
export function prototypeSnapshot(): string {
  return Object.getOwnPropertyNames(Object.prototype)
    .sort()
    .map((name) => {
      const descriptor = Object.getOwnPropertyDescriptor(Object.prototype, name);
      return `${name}:${typeof descriptor?.value}:${typeof descriptor?.get}`;
    })
    .join(',');
}

/** Text that shows an internal failure leaked to the user: a stack frame or a JavaScript error name. */
export const INTERNAL_TEXT = /\n\s+at |\bat [\w.<>]+ \(|(?:Type|Range|Reference|Syntax)Error\b|Maximum call stack|node_modules|internal error/;

/** Verbs of the advice that ends every problem message. */
const ADVICE = /\b(export|drop|save|check|run|split|unpack|fix|re-export)\b/i;

/** A per-file account as ingest keeps it and as `summary --json` prints it. */
export interface AccountView {
  path: string;
  format: string | null;
  records: number;
  findings: number;
  duplicates: number;
  rejected: number;
  errors: { code: string; record?: number; path?: string; message: string }[];
  notes: string[];
}

/** Checks one account against its expectation, and that every message is one a user can act on. */
export function expectAccount(account: AccountView, expected: ExpectedEntry): void {
  expect(account.path.endsWith(expected.path), `${account.path} ends with ${expected.path}`).toBe(true);
  expect(account.format).toBe(expected.format);
  expect(account.findings).toBe(expected.findings);
  if (expected.records !== undefined) expect(account.records).toBe(expected.records);
  if (expected.rejected !== undefined) expect(account.rejected).toBe(expected.rejected);
  expect(account.records).toBe(account.findings + account.duplicates + account.rejected);

  const problems = account.errors.map(({ code, record, path }) => ({ code, record, path }));
  expect(problems).toEqual(expected.problems.map(({ code, record, path }) => ({ code, record, path })));
  expected.problems.forEach((problem, index) => {
    if (problem.message) expect(account.errors[index].message).toMatch(problem.message);
  });
  for (const error of account.errors) {
    expect(error.message).not.toMatch(INTERNAL_TEXT);
    expect(error.message.slice(error.message.indexOf(': '))).toMatch(ADVICE);
    if (error.record !== undefined) expect(error.message).toContain(`record ${error.record}`);
    if (error.path !== undefined) expect(error.message).toContain(`field ${error.path}`);
  }

  if (expected.note) expect(account.notes.join('\n')).toMatch(expected.note);
  for (const note of account.notes) expect(note).not.toMatch(INTERNAL_TEXT);
}
