/**
 * Property-based fuzzing of every registered format: random bytes, byte-level mutations of real exports
 * and structure-aware mutations of their parsed documents go through reading, every format's `detect`
 * and the matching formats' `parse`. Nothing may throw or hang, every record yields exactly one outcome,
 * and every finding stays inside the model's vocabulary. Deterministic tests add 100k-deep nesting and
 * values named like `Object.prototype` members to every format's seeds.
 * The run counts keep the file at about 20 s of CPU time (measured with Node 20 on a 2-core VM), inside a
 * one-minute budget. fast-check prints the seed and path of a failure, and passing them to `fc.assert`
 * replays it.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { SEVERITIES, STATUSES } from '../model/vocabulary';
import { allFixtureFiles } from '../test-support/parse-fixture';
import { describeWithFixtures, readFixture } from '../test-support/fixtures';
import { INTERNAL_TEXT, prototypeSnapshot } from '../test-support/bad-input-cases';
import {
  asffFinding,
  asffPageText,
  encodeText,
  FORMULA_VALUES,
  HTML_IMG_TITLE,
  JAVASCRIPT_URL,
  pollutingObjectText,
  PROTOTYPE_KEYS,
  SCRIPT_TITLE,
} from '../test-support/hostile';
import { RAW_RECORD_LIMIT } from './fields';
import { readInputs } from './read';
import { FORMATS } from './registry';
import { distinctCount } from './testing';
import type { FormatInput, FormatModule, InputDocument, RecordOutcome } from './types';

/** Maximum time of one detect-and-parse pass. A slower pass counts as a hang (runaway regex, quadratic loop). */
const MAX_PASS_MILLIS = 3000;
/** Levels of the deepest nesting tried, and how many containers of each format's first seed get it. */
const DEEP_NESTING = 100_000;
const DEEP_PATHS = 16;
/** Seeds larger than this take the structure-aware path only, to keep runs cheap. */
const MAX_BYTE_SEED = 256 * 1024;

// ---------------------------------------------------------------------------------------------------------
// Seeds: real exports per format, plus small samples for formats that have no shared fixture.

/** Samples written from each tool's documented output, for formats without a shared fixture. */
const EXTRA_SEEDS: Record<string, { name: string; text: string }> = {
  terrascan: {
    name: 'terrascan.json',
    text: JSON.stringify({
      results: {
        scan_errors: [],
        violations: [
          {
            rule_name: 's3EnforceUserACL',
            description: 'S3 bucket Access is allowed to all AWS Account Users.',
            rule_id: 'AC_AWS_0214',
            severity: 'HIGH',
            category: 'Identity and Access Management',
            resource_name: 'bucket',
            resource_type: 'aws_s3_bucket',
            module_name: 'root',
            file: 'main.tf',
            plan_root: './',
            line: 1,
          },
        ],
        skipped_violations: null,
        scan_summary: { iac_type: 'terraform', policies_validated: 1, violated_policies: 1, low: 0, medium: 0, high: 1 },
      },
    }),
  },
  powerpipe: {
    name: 'powerpipe.json',
    text: JSON.stringify({
      group_id: 'root_result_group',
      title: 'AWS Compliance',
      summary: { status: { alarm: 1, ok: 1, info: 0, skip: 0, error: 0 } },
      groups: [
        {
          group_id: 'aws_compliance.benchmark.cis_v300',
          title: 'CIS v3.0.0',
          summary: { status: { alarm: 1, ok: 1, info: 0, skip: 0, error: 0 } },
          groups: [],
          controls: [
            {
              control_id: 'aws_compliance.control.s3_bucket_versioning_enabled',
              title: 'S3 bucket versioning should be enabled',
              severity: 'high',
              tags: { service: 'AWS/S3' },
              results: [
                {
                  reason: 'bucket-0 versioning disabled.',
                  resource: 'arn:aws:s3:::bucket-0',
                  status: 'alarm',
                  dimensions: [
                    { key: 'account_id', value: '111122223333' },
                    { key: 'region', value: 'us-east-1' },
                  ],
                },
                { reason: 'bucket-1 versioning enabled.', resource: 'arn:aws:s3:::bucket-1', status: 'ok', dimensions: [] },
              ],
            },
          ],
        },
      ],
    }),
  },
  'prowler-compliance': {
    name: 'prowler_cis_3.0_aws.csv',
    text: [
      'PROVIDER;DESCRIPTION;ACCOUNTID;REGION;ASSESSMENTDATE;REQUIREMENTS_ID;REQUIREMENTS_DESCRIPTION;REQUIREMENTS_ATTRIBUTES_SECTION;STATUS;STATUSEXTENDED;RESOURCEID;CHECKID;MUTED;RESOURCENAME;FRAMEWORK;NAME',
      'aws;The CIS Benchmark;111122223333;us-east-1;2025-01-01T00:00:00;1.20;Ensure that IAM Access analyzer is enabled;1 Identity and Access Management;FAIL;IAM Access Analyzer is not enabled.;arn:aws:accessanalyzer:us-east-1:111122223333:analyzer/unknown;accessanalyzer_enabled;False;analyzer;CIS;CIS-3.0',
      'aws;The CIS Benchmark;111122223333;us-east-1;2025-01-01T00:00:00;2.1.1;Ensure S3 Bucket Policy is set to deny HTTP requests;2.1 Simple Storage Service (S3);PASS;Bucket bucket-0 denies HTTP.;arn:aws:s3:::bucket-0;s3_bucket_secure_transport_policy;False;bucket-0;CIS;CIS-3.0',
      '',
    ].join('\n'),
  },
};

interface Seed {
  name: string;
  bytes: Uint8Array;
  input: FormatInput;
}

/** Seeds keyed by the id of the format that reads them. */
const seedsByFormat = new Map<string, Seed[]>();

async function addSeed(name: string, bytes: Uint8Array): Promise<void> {
  for (const result of await readInputs(name, bytes)) {
    if (!result.ok) continue;
    const format = FORMATS.find((candidate) => candidate.detect(result.entry.input).match);
    if (!format) continue;
    const seeds = seedsByFormat.get(format.id) ?? [];
    seeds.push({ name: result.entry.input.fileName, bytes, input: result.entry.input });
    seedsByFormat.set(format.id, seeds);
  }
}

/** OCSF rows decoded from Parquet, written out as a JSON array: the same findings as a JSON export. */
async function addOcsfJsonSeed(): Promise<void> {
  const parquet = seedsByFormat.get('ocsf')?.find((seed) => seed.input.doc.kind === 'rows');
  if (!parquet || parquet.input.doc.kind !== 'rows') return;
  await addSeed('ocsf-from-parquet.json', encodeText(JSON.stringify(parquet.input.doc.rows)));
}

beforeAll(async () => {
  for (const file of allFixtureFiles()) await addSeed(file, readFixture(file));
  for (const { name, text } of Object.values(EXTRA_SEEDS)) await addSeed(name, encodeText(text));
  await addOcsfJsonSeed();
});

// ---------------------------------------------------------------------------------------------------------
// The properties every pass must keep.

const STATUS_SET = new Set<string>(STATUSES);
const SEVERITY_SET = new Set<string>(SEVERITIES);

function recordOf(outcome: RecordOutcome): number {
  return outcome.ok ? outcome.record : outcome.problem.record;
}

/**
 * Finds the first value inside `value` that is not plain data (a function, a class instance), as a table
 * lookup that reads an inherited `Object.prototype` member returns. Returns its path, or null.
 */
function nonDataPath(value: unknown, path: string): string | null {
  if (value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value)) return null;
  if (typeof value !== 'object') return path;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = nonDataPath(value[index], `${path}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return path;
  for (const [key, item] of Object.entries(value)) {
    const found = nonDataPath(item, `${path}.${key}`);
    if (found !== null) return found;
  }
  return null;
}

function checkOutcomes(formatId: string, outcomes: readonly RecordOutcome[]): void {
  const records = outcomes.filter((outcome) => outcome.ok || outcome.problem.code !== 'not_findings');
  const indexes = records.map(recordOf);
  for (const index of indexes) expect(Number.isInteger(index) && index >= 0, `${formatId} record index ${index}`).toBe(true);
  // Each record yields exactly one outcome, so no record is counted twice or hidden behind another.
  expect(new Set(indexes).size, `${formatId} record indexes are unique`).toBe(indexes.length);

  const findings = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.finding] : []));
  const rejected = records.length - findings.length;
  const duplicates = findings.length - distinctCount(findings);
  expect(records.length).toBe(distinctCount(findings) + duplicates + rejected);

  for (const finding of findings) {
    expect(typeof finding.id, `${formatId} id type`).toBe('string');
    expect(finding.id, `${formatId} id`).not.toBe('');
    expect(typeof finding.title, `${formatId} title`).toBe('string');
    expect(STATUS_SET.has(finding.status), `${formatId} status ${finding.status}`).toBe(true);
    expect(SEVERITY_SET.has(finding.severity), `${formatId} severity ${finding.severity}`).toBe(true);
    expect(finding.remediationUrl === null || /^https?:\/\//.test(finding.remediationUrl), `${formatId} url ${finding.remediationUrl}`).toBe(true);
    expect(Object.values(finding.tags).every((value) => typeof value === 'string'), `${formatId} tag values`).toBe(true);
    expect(finding.raw.length, `${formatId} raw length`).toBeLessThan(RAW_RECORD_LIMIT + 200);
    expect(nonDataPath(finding, 'finding'), `${formatId} finding holds only data`).toBeNull();
  }
  for (const outcome of outcomes) {
    if (outcome.ok) continue;
    expect(outcome.problem.detail, `${formatId} rejection of record ${outcome.problem.record}`).not.toMatch(INTERNAL_TEXT);
  }
}

/** Runs every format's detect on one document and the parse of each format that matches it. */
function checkDocument(input: FormatInput): void {
  for (const format of FORMATS) {
    const start = performance.now();
    const detection = format.detect(input);
    expect(typeof detection.match).toBe('boolean');
    if (detection.match) checkOutcomes(format.id, [...format.parse(input)]);
    expect(performance.now() - start, `${format.id} on ${input.fileName}`).toBeLessThan(MAX_PASS_MILLIS);
  }
}

async function checkBytes(name: string, bytes: Uint8Array): Promise<void> {
  for (const result of await readInputs(name, bytes)) {
    if (result.ok) checkDocument(result.entry.input);
    else expect(result.problem.detail ?? '').not.toMatch(INTERNAL_TEXT);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Byte-level mutations.

/** Snippets that break readers: JSON and CSV punctuation, control bytes, a BOM, prototype keys, markup. */
const SNIPPETS = [
  '"', '\\', '{', '}', '[', ']', ',', ':', ';', '\t', '\n', '\r\n', '\r', '\u0000', '\uFEFF', '\u2028', 'null',
  '"__proto__": {"polluted": "yes"},', pollutingObjectText(),
  HTML_IMG_TITLE, SCRIPT_TITLE, JAVASCRIPT_URL, ...FORMULA_VALUES, '['.repeat(2000), '9'.repeat(400), 'é', '😂',
].map(encodeText);

type ByteEdit =
  | { kind: 'set'; at: number; value: number }
  | { kind: 'insert'; at: number; snippet: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number }
  | { kind: 'cut'; at: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: position, value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: position, snippet: fc.integer({ min: 0, max: SNIPPETS.length - 1 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: position, length: fc.integer({ min: 1, max: 512 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: position }),
);

function applyByteEdit(bytes: Uint8Array, edit: ByteEdit): Uint8Array {
  const at = Math.floor(edit.at * bytes.length);
  const join = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
    parts.reduce((offset, part) => (out.set(part, offset), offset + part.length), 0);
    return out;
  };
  switch (edit.kind) {
    case 'set': {
      const out = bytes.slice();
      if (at < out.length) out[at] = edit.value;
      return out;
    }
    case 'insert':
      return join(bytes.subarray(0, at), SNIPPETS[edit.snippet], bytes.subarray(at));
    case 'delete':
      return join(bytes.subarray(0, at), bytes.subarray(at + edit.length));
    case 'repeat':
      return join(bytes.subarray(0, at + edit.length), bytes.subarray(at));
    case 'cut':
      return bytes.subarray(0, at);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Structure-aware mutations of the parsed document.

type Path = (string | number)[];

/**
 * Lists the paths of the first `limit` nodes of a JSON value, breadth first, so that top-level keys come
 * first. Of an array of containers (records, CSV rows), only the first `itemsPerArray` items are visited.
 */
function nodePaths(root: unknown, limit: number, itemsPerArray = 20): Path[] {
  const paths: Path[] = [];
  const queue: { value: unknown; path: Path }[] = [{ value: root, path: [] }];
  while (queue.length > 0 && paths.length < limit) {
    const { value, path } = queue.shift()!;
    if (path.length > 0) paths.push(path);
    if (Array.isArray(value)) {
      const holdsContainers = value.some((item) => typeof item === 'object' && item !== null);
      value.slice(0, holdsContainers ? itemsPerArray : 100).forEach((item, index) => queue.push({ value: item, path: [...path, index] }));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) queue.push({ value: item, path: [...path, key] });
    }
  }
  return paths;
}

/**
 * Builds a value nested `depth` levels deep that repeats `key`, so a reader that recurses on that key
 * (groups inside groups, say) goes all the way down.
 */
function selfSimilar(key: string | number, depth: number, asArray: boolean): unknown {
  let value: unknown = asArray ? [] : {};
  for (let level = 0; level < depth; level++) value = asArray ? [{ [key]: value }] : { [key]: value };
  return value;
}

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? [value] : { a: value };
  return value;
}

/**
 * Replacement values. Strings named like `Object.prototype` members are left out: the test of inherited
 * names tries them on every value, so random runs do not fail now and then on the same known defects.
 */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(null, '', ' ', 0, -1, 1.5, 1e308, true, false, [], {}, 'NaN', '-1', '1970-01-01', '9'.repeat(40)),
  fc.constantFrom<unknown>(HTML_IMG_TITLE, SCRIPT_TITLE, JAVASCRIPT_URL, ...FORMULA_VALUES, 'x'.repeat(100_000)),
  fc.constant(null).map(() => JSON.parse(pollutingObjectText()) as unknown),
  fc.constant(null).map(() => nested(2000)),
);

type StructureEdit =
  | { kind: 'replace'; node: number; value: unknown }
  | { kind: 'delete'; node: number }
  | { kind: 'prototype-key'; node: number; key: number }
  | { kind: 'duplicate'; node: number };

const structureEdit: fc.Arbitrary<StructureEdit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('replace' as const), node: fc.nat(), value: hostileValue }) },
  fc.record({ kind: fc.constant('delete' as const), node: fc.nat() }),
  fc.record({ kind: fc.constant('prototype-key' as const), node: fc.nat(), key: fc.integer({ min: 0, max: PROTOTYPE_KEYS.length - 1 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), node: fc.nat() }),
);

/** Finds the container and key that a path points into in `root`, or null when an earlier edit removed it. */
function locate(root: unknown, path: Path): { parent: Record<string | number, unknown>; key: string | number } | null {
  let parent: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return null;
    parent = (parent as Record<string | number, unknown>)[key];
  }
  if (typeof parent !== 'object' || parent === null) return null;
  return { parent: parent as Record<string | number, unknown>, key: path[path.length - 1] };
}

function applyStructureEdit(root: unknown, paths: readonly Path[], edit: StructureEdit): void {
  if (paths.length === 0) return;
  const found = locate(root, paths[edit.node % paths.length]);
  if (!found) return;
  const { parent, key } = found;
  // defineProperty, not assignment, so that a `__proto__` key becomes data as JSON.parse makes it.
  const define = (name: string | number, value: unknown) =>
    Object.defineProperty(parent, name, { value, writable: true, enumerable: true, configurable: true });
  switch (edit.kind) {
    case 'replace':
      define(key, edit.value);
      return;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      return;
    case 'prototype-key':
      if (!Array.isArray(parent)) define(PROTOTYPE_KEYS[edit.key], parent[key]);
      return;
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(Number(key), 0, structuredClone(parent[key]));
      return;
  }
}

/** Returns the JSON value of a document, to mutate and put back with `withValue`. */
function valueOf(doc: InputDocument): unknown {
  switch (doc.kind) {
    case 'json':
    case 'js':
      return doc.value;
    case 'jsonl':
      return doc.values;
    case 'rows':
      return doc.rows;
    case 'csv':
      return [doc.header, ...doc.rows.map((row) => row.cells)];
    case 'empty':
      return null;
  }
}

function withValue(doc: InputDocument, value: unknown): InputDocument {
  switch (doc.kind) {
    case 'json':
    case 'js':
      return { ...doc, value };
    case 'jsonl': {
      const values = Array.isArray(value) ? value : [value];
      return { ...doc, values, lines: values.map((_, index) => index + 1) };
    }
    case 'rows':
      return { ...doc, rows: Array.isArray(value) ? value : [value] };
    case 'csv': {
      // CSV cells are strings, so anything else an edit put there is written as JSON text.
      const cellText = (cell: unknown) => (typeof cell === 'string' ? cell : (JSON.stringify(cell) ?? ''));
      const table = (Array.isArray(value) ? value : []).map((row) => (Array.isArray(row) ? row : [row]).map(cellText));
      const [header = [], ...rows] = table;
      return { ...doc, header, rows: rows.map((cells, index) => ({ line: index + 2, cells })) };
    }
    case 'empty':
      return doc;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Values named like Object.prototype members.

/** Strings that read an inherited member when code looks them up in a plain object table. */
const INHERITED_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];
/** Values of one seed that get each name, and how many change at once before falling back to one by one. */
const MAX_LEAVES = 300;
const LEAF_BATCH = 10;

/**
 * Sets every value at `leaves` to `name` and checks the format's parse. When the batch stops the format
 * from matching, each value is tried on its own, so a value that detection needs does not hide the others.
 */
function checkInheritedName(format: FormatModule, seed: Seed, leaves: readonly Path[], name: string): void {
  const value = structuredClone(valueOf(seed.input.doc));
  for (const path of leaves) {
    const found = locate(value, path);
    if (found) found.parent[found.key] = name;
  }
  const input = { fileName: seed.name, doc: withValue(seed.input.doc, value) };
  if (format.detect(input).match) {
    const where = leaves.map((path) => path.join('.')).join(', ');
    checkOutcomes(`${format.id} with "${name}" at ${where}`, [...format.parse(input)]);
    return;
  }
  if (leaves.length === 1) return;
  for (const leaf of leaves) checkInheritedName(format, seed, [leaf], name);
}

/**
 * Lookups that setting whole seed values cannot reach, found by reading the modules: the name sits inside
 * a larger value (the product part of an ASFF `ProductArn`) or in a field the seeds lack.
 */
const INHERITED_NAME_PROBES: { format: string; field: string; text: (name: string) => string }[] = [
  {
    format: 'asff',
    field: 'ProductArn',
    text: (name) => asffPageText([asffFinding(0, { ProductArn: `arn:aws:securityhub:us-east-1::product/${name}` })]),
  },
  {
    format: 'sarif',
    field: 'level and kind',
    text: (name) =>
      JSON.stringify({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'scanner', rules: [] } }, results: [{ ruleId: 'rule', level: name, kind: name, message: { text: 'found' } }] }],
      }),
  },
  {
    format: 'ocsf',
    field: 'status',
    text: (name) =>
      JSON.stringify([
        {
          class_uid: 2003,
          metadata: { product: { name: 'Security Hub' }, version: '1.1.0' },
          finding_info: { uid: 'finding-1', title: 'S3 general purpose buckets should block public access' },
          severity_id: 3,
          status: name,
          compliance: { status: name },
        },
      ]),
  },
];

// ---------------------------------------------------------------------------------------------------------
// The tests.

/**
 * Known defects of lookups that read an inherited `Object.prototype` member, keyed by format id or by
 * probe, each with its cause. Their tests are expected to fail. Such a status is a function, which the Web
 * Worker cannot post (DataCloneError), so the page would fail to load every file of the drop.
 */
const INHERITED_NAME_DEFECTS: Record<string, string> = {};

/** Known defects on 100k-deep nesting, keyed by format id, each with its cause. Their tests are expected to fail. */
const DEEP_NESTING_DEFECTS: Record<string, string> = {};

describeWithFixtures('format fuzzing', () => {
  it('has a seed for every format', () => {
    const missing = FORMATS.filter((format) => !seedsByFormat.has(format.id)).map((format) => format.id);
    expect(missing).toEqual([]);
  });

  it('survives random input', async () => {
    const prototypeBefore = prototypeSnapshot();
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 4096 }),
      fc.string({ unit: 'binary', maxLength: 2048 }).map(encodeText),
      fc.jsonValue({ maxDepth: 6 }).map((value) => encodeText(JSON.stringify(value))),
      fc.array(fc.array(fc.string({ maxLength: 12 }), { maxLength: 12 }), { maxLength: 20 }).map((rows) => encodeText(rows.map((row) => row.join(';')).join('\n'))),
    );

    await fc.assert(fc.asyncProperty(input, (bytes) => checkBytes('random', bytes)), { numRuns: 600 });

    expect(prototypeSnapshot()).toBe(prototypeBefore);
  });

  for (const format of FORMATS) {
    it(`survives mutated ${format.id} bytes`, async () => {
      const seeds = (seedsByFormat.get(format.id) ?? []).filter((seed) => seed.bytes.length <= MAX_BYTE_SEED);
      if (seeds.length === 0) return;
      const prototypeBefore = prototypeSnapshot();
      const mutation = fc.record({ seed: fc.nat(seeds.length - 1), edits: fc.array(byteEdit, { minLength: 1, maxLength: 6 }) });

      await fc.assert(
        fc.asyncProperty(mutation, async ({ seed, edits }) => {
          const bytes = edits.reduce(applyByteEdit, seeds[seed].bytes);
          await checkBytes(seeds[seed].name, bytes);
        }),
        { numRuns: 60 },
      );

      expect(prototypeSnapshot()).toBe(prototypeBefore);
    });

    // A format with a known defect is expected to fail until it is fixed; see DEEP_NESTING_DEFECTS.
    const deepTest = format.id in DEEP_NESTING_DEFECTS ? it.fails : it;
    deepTest(`survives deep ${format.id} documents`, () => {
      const seed = (seedsByFormat.get(format.id) ?? []).find((candidate) => candidate.input.doc.kind !== 'csv' && candidate.input.doc.kind !== 'empty');
      if (!seed) return;
      const root = valueOf(seed.input.doc);
      // Containers near the top catch readers that recurse on a key; values inside records catch copies
      // and masks that walk the whole record.
      const isContainer = (path: Path) => {
        const found = locate(root, path);
        return found !== null && typeof found.parent[found.key] === 'object' && found.parent[found.key] !== null;
      };
      const paths = nodePaths(root, 2000);
      const chosen = [
        ...paths.filter(isContainer).slice(0, DEEP_PATHS / 2),
        ...paths.filter((path) => path.length >= 2 && !isContainer(path)).slice(0, DEEP_PATHS / 2),
      ];
      for (const path of chosen) {
        const value = structuredClone(root);
        const found = locate(value, path)!;
        found.parent[found.key] = selfSimilar(found.key, DEEP_NESTING, Array.isArray(found.parent[found.key]));
        checkDocument({ fileName: `${seed.name} with ${path.join('.')} nested`, doc: withValue(seed.input.doc, value) });
      }
    });

    // A format with a known defect is expected to fail until it is fixed; see INHERITED_NAME_DEFECTS.
    const inheritedTest = format.id in INHERITED_NAME_DEFECTS ? it.fails : it;
    inheritedTest(`reads ${format.id} values named like Object members`, () => {
      for (const seed of (seedsByFormat.get(format.id) ?? []).filter((candidate) => candidate.input.doc.kind !== 'empty').slice(0, 2)) {
        const root = valueOf(seed.input.doc);
        // The first records, in full, rather than the top fields of many records.
        const leaves = nodePaths(root, 5000, 2)
          .filter((path) => {
            const found = locate(root, path);
            return found !== null && (typeof found.parent[found.key] !== 'object' || found.parent[found.key] === null);
          })
          .slice(0, MAX_LEAVES);
        for (const name of INHERITED_NAMES) {
          for (let start = 0; start < leaves.length; start += LEAF_BATCH) checkInheritedName(format, seed, leaves.slice(start, start + LEAF_BATCH), name);
        }
      }
    });

    it(`survives mutated ${format.id} documents`, () => {
      const seeds = (seedsByFormat.get(format.id) ?? []).filter((seed) => seed.input.doc.kind !== 'empty');
      if (seeds.length === 0) return;
      const prototypeBefore = prototypeSnapshot();
      const paths = seeds.map((seed) => nodePaths(valueOf(seed.input.doc), 2000));
      const mutation = fc.record({ seed: fc.nat(seeds.length - 1), edits: fc.array(structureEdit, { minLength: 1, maxLength: 6 }) });

      fc.assert(
        fc.property(mutation, ({ seed, edits }) => {
          const { input } = seeds[seed];
          const value = structuredClone(valueOf(input.doc));
          for (const edit of edits) applyStructureEdit(value, paths[seed], edit);
          checkDocument({ fileName: input.fileName, doc: withValue(input.doc, value) });
        }),
        { numRuns: 100 },
      );

      expect(prototypeSnapshot()).toBe(prototypeBefore);
    });
  }

  for (const probe of INHERITED_NAME_PROBES) {
    const key = `${probe.format} ${probe.field}`;
    // A probe with a known defect is expected to fail until it is fixed; see INHERITED_NAME_DEFECTS.
    const probeTest = key in INHERITED_NAME_DEFECTS ? it.fails : it;
    probeTest(`reads ${key} named like Object members`, async () => {
      for (const name of INHERITED_NAMES) {
        const [result] = await readInputs(`${probe.format}.json`, encodeText(probe.text(name)));
        expect(result.ok).toBe(true);
        if (!result.ok) continue;
        const format = FORMATS.find((candidate) => candidate.detect(result.entry.input).match);
        expect(format?.id, `"${name}" in ${key}`).toBe(probe.format);
        checkOutcomes(`${key} "${name}"`, [...format!.parse(result.entry.input)]);
      }
    });
  }
});
