import { describe, expect, it } from 'vitest';
import { CHANGED_FILE, RawStore } from './raw-store';

const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';

/** Builds a file of pretty-printed JSON records, and returns it with the byte range of each record. */
function fileOf(records: object[]): { blob: Blob; ranges: [number, number][] } {
  const encoder = new TextEncoder();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const ranges: [number, number][] = [];
  let offset = 0;
  for (const text of ['[\n', ...records.flatMap((record, index) => [JSON.stringify(record, null, 2), index < records.length - 1 ? ',\n' : '\n']), ']']) {
    const bytes = encoder.encode(text);
    if (text.startsWith('{')) ranges.push([offset, offset + bytes.length]);
    parts.push(bytes);
    offset += bytes.length;
  }
  return { blob: new Blob(parts), ranges };
}

describe('RawStore', () => {
  it('reads ranges in the order asked', async () => {
    const { blob, ranges } = fileOf([{ id: 'a' }, { id: 'b', note: 'é' }, { id: 'c' }]);
    const store = new RawStore();
    const slot = store.addBlob(blob);
    ranges.forEach(([start, end], index) => store.setRange(index, slot, start, end));
    expect(await store.readMany([2, 0, 1])).toEqual(['{"id":"c"}', '{"id":"a"}', '{"id":"b","note":"é"}']);
  });

  it('masks secrets read back', async () => {
    const { blob, ranges } = fileOf([{ id: 'a', UserData: `aws_access_key_id=${ACCESS_KEY}` }]);
    const store = new RawStore();
    store.setRange(0, store.addBlob(blob), ...ranges[0]);
    const text = await store.read(0);
    expect(text).not.toContain(ACCESS_KEY);
    expect(text).toContain('"id":"a"');
  });

  it('mixes kept text and ranges', async () => {
    const { blob, ranges } = fileOf([{ id: 'a' }]);
    const store = new RawStore();
    store.setText(0, '{"kept":true}');
    store.setRange(1, store.addBlob(blob), ...ranges[0]);
    expect(await store.readMany([1, 0, 7])).toEqual(['{"id":"a"}', '{"kept":true}', '']);
  });

  it('reads many windows', async () => {
    const records = Array.from({ length: 3000 }, (_, index) => ({ id: index, padding: 'x'.repeat(8000) }));
    const { blob, ranges } = fileOf(records);
    const store = new RawStore();
    const slot = store.addBlob(blob);
    ranges.forEach(([start, end], index) => store.setRange(index, slot, start, end));
    const texts = await store.readMany(ranges.map((_, index) => index));
    expect(texts.map((text) => (JSON.parse(text) as { id: number }).id)).toEqual(records.map((record) => record.id));
  });

  it('notices a changed file', async () => {
    const store = new RawStore();
    store.setRange(0, store.addBlob(new Blob(['{"id": "a"}'])), 0, 5);
    expect(await store.read(0)).toBe(CHANGED_FILE);
  });
});

describe('RawStore errors', () => {
  it('names a file that cannot be read', async () => {
    const unreadable = new File(['{}'], 'gone.json');
    Object.defineProperty(unreadable, 'slice', { value: () => ({ arrayBuffer: () => Promise.reject(new Error('NotReadableError')) }) });
    const store = new RawStore();
    store.setRange(0, store.addBlob(unreadable), 0, 2);
    await expect(store.read(0)).rejects.toThrow(/"gone.json" could not be read again.*load it again/);
  });
});
