import { gzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isBalanced } from './account';
import { DatasetBuilder } from './dataset';
import { STREAM_BATCH_RECORDS, addJsonStream, canStream, readableChunks, type StreamProgress } from './stream';
import { accept, makeFinding, reject } from '../formats/record';
import { isObject, own, str } from '../formats/fields';
import type { FormatInput, FormatModule, RecordOutcome } from '../formats/types';

const encoder = new TextEncoder();

function recordsIn(input: FormatInput): unknown[] {
  if (input.doc.kind === 'json') return Array.isArray(input.doc.value) ? input.doc.value : [input.doc.value];
  if (input.doc.kind === 'jsonl') return input.doc.values;
  return [];
}

/** A format for objects with `"kind": "fake"`; a record without an `id` is rejected. */
const fakeFormat: FormatModule = {
  id: 'fake',
  title: 'Fake records',
  versions: 'test only',
  ignores: 'everything but id',
  fileNameHint: /fake/,
  detect(input) {
    const first = recordsIn(input)[0];
    return own(first, 'kind') === 'fake' ? { match: true } : { match: false, reason: 'the first record is not fake' };
  },
  *parse(input): Iterable<RecordOutcome> {
    const records = recordsIn(input);
    for (let index = 0; index < records.length; index++) {
      const record = records[index];
      const id = str(own(record, 'id'));
      if (!isObject(record) || id === null) {
        yield reject(index, 'missing_field', 'the record has no id', 'id');
        continue;
      }
      yield accept(index, makeFinding({ id, title: `fake ${id}`, status: 'open', severity: 'low', sourceTool: 'fake', raw: '{}' }));
    }
  },
};

function fakeRecords(count: number): object[] {
  return Array.from({ length: count }, (_, index) => ({ kind: 'fake', id: `r${index}`, note: 'é "quoted" \\ [x]' }));
}

async function* chunksOf(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function streamText(text: string | Uint8Array, options: { chunkSize?: number; path?: string } = {}) {
  const bytes = typeof text === 'string' ? encoder.encode(text) : text;
  const builder = new DatasetBuilder([fakeFormat]);
  const progress: StreamProgress[] = [];
  const account = await addJsonStream(
    builder,
    options.path ?? 'input.json',
    chunksOf(bytes, options.chunkSize ?? 1000),
    bytes.length,
    (update) => progress.push(update),
  );
  return { account, dataset: builder.build(), progress };
}

describe('addJsonStream', () => {
  it('reads a wrapped array in small chunks', async () => {
    const { account, dataset } = await streamText(JSON.stringify({ Findings: fakeRecords(5) }), { chunkSize: 7 });
    expect(account).toMatchObject({ format: 'fake', records: 5, findings: 5, rejected: 0 });
    expect(dataset.findings.map((finding) => finding.id)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect(dataset.files).toEqual([account]);
  });

  it('numbers records across batches', async () => {
    const records: object[] = fakeRecords(STREAM_BATCH_RECORDS * 2 + 500);
    records[STREAM_BATCH_RECORDS + 321] = { kind: 'fake' };
    const { account } = await streamText(JSON.stringify(records), { chunkSize: 64 * 1024 });
    expect(account).toMatchObject({ records: records.length, findings: records.length - 1, rejected: 1 });
    expect(account.errors[0]).toMatchObject({ code: 'missing_field', record: STREAM_BATCH_RECORDS + 321 });
  });

  it('rejects a record that is not JSON', async () => {
    const { account } = await streamText('[{"kind":"fake","id":"a"},{"kind":"fake","id":tru},{"kind":"fake","id":"c"}]');
    expect(account).toMatchObject({ records: 3, findings: 2, rejected: 1 });
    expect(account.errors[0]).toMatchObject({ code: 'invalid_record', record: 1 });
    expect(isBalanced(account)).toBe(true);
  });

  it('keeps records before a truncation', async () => {
    const text = JSON.stringify(fakeRecords(3));
    const { account } = await streamText(text.slice(0, text.length - 10));
    expect(account).toMatchObject({ format: 'fake', records: 2, findings: 2 });
    expect(account.errors.map((error) => error.code)).toEqual(['truncated_json']);
    expect(account.errors[0].message).toContain('2 records were read');
  });

  it('keeps records before a structural error', async () => {
    const { account } = await streamText('[{"kind":"fake","id":"a"}}');
    expect(account).toMatchObject({ format: 'fake', records: 1 });
    expect(account.errors[0].code).toBe('invalid_json');
    expect(account.errors[0].message).toContain('byte 25');
  });

  it('reports an unrecognised format', async () => {
    const { account } = await streamText('[{"kind":"other"}]');
    expect(account.format).toBeNull();
    expect(account.errors[0].message).toContain('tried fake (the first record is not fake)');
  });

  it('reports a document without records', async () => {
    const { account } = await streamText('{"summary":{"passed":3}}');
    expect(account.format).toBeNull();
    expect(account.errors[0].message).toContain('no records array');
  });

  it('notes an empty records array', async () => {
    const { account } = await streamText('{"Findings":[]}');
    expect(account).toMatchObject({ format: 'empty', records: 0 });
    expect(account.notes[0]).toContain('the records array is empty');
  });

  it('names an empty file by its name', async () => {
    const { account } = await streamText('[]', { path: 'export.fake.json' });
    expect(account.format).toBe('fake');
  });

  it('reads JSON Lines', async () => {
    const lines = fakeRecords(3).map((record) => JSON.stringify(record)).join('\n');
    const { account } = await streamText(`${lines}\n{broken\n`, { chunkSize: 5 });
    expect(account).toMatchObject({ format: 'fake', records: 4, findings: 3, rejected: 1 });
    expect(account.errors[0].message).toContain('line 4 is not valid JSON');
  });

  it('reads gzip input', async () => {
    const gzipped = gzipSync(encoder.encode(JSON.stringify(fakeRecords(3000))));
    const { account, progress } = await streamText(gzipped, { chunkSize: 4096 });
    expect(account).toMatchObject({ records: 3000, findings: 3000 });
    expect(progress.at(-1)).toMatchObject({ bytesRead: gzipped.length, totalBytes: gzipped.length, records: 3000 });
  });

  it('reports a failing source', async () => {
    const first = encoder.encode(JSON.stringify(fakeRecords(STREAM_BATCH_RECORDS + 10)).slice(0, 200_000));
    async function* failing(): AsyncIterable<Uint8Array> {
      yield first;
      throw new Error('disk gone');
    }
    const builder = new DatasetBuilder([fakeFormat]);
    const account = await addJsonStream(builder, 'gone.json', failing(), 400_000);
    expect(account.format).toBe('fake');
    expect(account.records).toBeGreaterThan(0);
    expect(account.errors.map((error) => error.code)).toEqual(['read_failed']);
    expect(account.errors[0].message).toContain(`reading failed after ${first.length} bytes (disk gone)`);
  });

  it('reports corrupt gzip data', async () => {
    const gzipped = gzipSync(encoder.encode(JSON.stringify(fakeRecords(10))));
    gzipped.fill(0xff, 20, 60);
    const { account } = await streamText(gzipped);
    expect(account.format).toBeNull();
    expect(account.errors[0].message).toContain('reading failed after');
  });

  it('reports progress per chunk', async () => {
    const text = JSON.stringify(fakeRecords(10));
    const { progress } = await streamText(text, { chunkSize: 100 });
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.map((update) => update.bytesRead)).toEqual([...progress.map((update) => update.bytesRead)].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ file: 'input.json', bytesRead: encoder.encode(text).length, records: 10, findings: 10 });
  });

  it('counts duplicates across streamed files', async () => {
    const builder = new DatasetBuilder([fakeFormat]);
    const bytes = encoder.encode(JSON.stringify(fakeRecords(4)));
    await addJsonStream(builder, 'a.json', chunksOf(bytes, 50), bytes.length);
    const second = await addJsonStream(builder, 'b.json', chunksOf(bytes, 50), bytes.length);
    expect(second).toMatchObject({ records: 4, findings: 0, duplicates: 4 });
  });
});

describe('canStream', () => {
  it('accepts JSON arrays and objects', () => {
    expect(canStream(encoder.encode('\ufeff\n  [{"a":1}'))).toBe(true);
    expect(canStream(encoder.encode('{"Findings":'))).toBe(true);
  });

  it('accepts gzip JSON', () => {
    expect(canStream(gzipSync(encoder.encode('{"findings":[]}')))).toBe(true);
  });

  it('rejects CSV, JavaScript and zip', () => {
    expect(canStream(encoder.encode('a,b\n1,2\n'))).toBe(false);
    expect(canStream(encoder.encode('scoutsuite_results = {"a":1}'))).toBe(false);
    expect(canStream(zipSync({ 'a.json': encoder.encode('[]') }))).toBe(false);
  });
});

describe('readableChunks', () => {
  it('yields the chunks of a web stream', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('[{"kind":"fake",'));
        controller.enqueue(encoder.encode('"id":"w"}]'));
        controller.close();
      },
    });
    const builder = new DatasetBuilder([fakeFormat]);
    const account = await addJsonStream(builder, 'web.json', readableChunks(stream), 26);
    expect(account).toMatchObject({ records: 1, findings: 1 });
  });
});

describe('addJsonStream record bytes', () => {
  async function rangesOf(bytes: Uint8Array, chunkSize: number) {
    const ranges: [number, number, number][] = [];
    const builder = new DatasetBuilder([fakeFormat]);
    await addJsonStream(builder, 'input.json', chunksOf(bytes, chunkSize), bytes.length, undefined, (record, start, end) =>
      ranges.push([record, start, end]),
    );
    return { ranges, findings: builder.build().findings };
  }

  it('slices back to each record', async () => {
    const bytes = encoder.encode(JSON.stringify({ Findings: fakeRecords(50) }, null, 2));
    const { ranges, findings } = await rangesOf(bytes, 37);
    expect(ranges).toHaveLength(50);
    const decoder = new TextDecoder();
    for (const [record, start, end] of ranges) {
      expect(JSON.parse(decoder.decode(bytes.subarray(start, end)))).toMatchObject({ id: `r${record}` });
    }
    expect(findings.map((finding) => finding.sourceRecord)).toEqual(ranges.map(([record]) => record));
  });

  it('slices JSON Lines', async () => {
    const bytes = encoder.encode(`${fakeRecords(5).map((record) => JSON.stringify(record)).join('\r\n')}\n`);
    const { ranges } = await rangesOf(bytes, 11);
    const decoder = new TextDecoder();
    expect(ranges.map(([, start, end]) => JSON.parse(decoder.decode(bytes.subarray(start, end))).id)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
  });

  it('gives none for gzip', async () => {
    const { ranges, findings } = await rangesOf(gzipSync(encoder.encode(JSON.stringify(fakeRecords(5)))), 100);
    expect(findings).toHaveLength(5);
    expect(ranges).toEqual([]);
  });
});
