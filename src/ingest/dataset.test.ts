import { describe, expect, it } from 'vitest';
import { makeFinding, accept, reject, eachRecord } from '../formats/record';
import { isObject, str } from '../formats/fields';
import type { FormatModule } from '../formats/types';
import { isBalanced } from './account';
import { DatasetBuilder } from './dataset';

/** A minimal format for pipeline tests: an array of {id, check, resource, updated} objects. */
const testFormat: FormatModule = {
  id: 'test',
  title: 'Test records',
  versions: 'test',
  ignores: 'nothing',
  fileNameHint: /\.test-records\.json$/,
  detect(input) {
    const { doc } = input;
    if (doc.kind === 'json' && Array.isArray(doc.value) && doc.value.length > 0 && isObject(doc.value[0]) && 'check' in doc.value[0]) {
      return { match: true };
    }
    return { match: false, reason: 'no array of objects with a "check" key' };
  },
  parse(input) {
    const records = input.doc.kind === 'json' && Array.isArray(input.doc.value) ? input.doc.value : [];
    return eachRecord(records, (record, index) => {
      if (!isObject(record)) return reject(index, 'wrong_type', 'the record is not an object');
      const id = str(record.id);
      if (id === null) return reject(index, 'missing_field', 'the record has no id', 'id');
      return accept(
        index,
        makeFinding({
          id,
          title: str(record.title) ?? id,
          status: 'open',
          severity: 'high',
          sourceTool: 'test',
          raw: JSON.stringify(record),
          checkId: str(record.check),
          resourceId: str(record.resource),
          lastUpdated: str(record.updated),
        }),
      );
    });
  },
};

const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

function builder() {
  return new DatasetBuilder([testFormat]);
}

describe('DatasetBuilder', () => {
  it('balances records, findings, duplicates and rejections', async () => {
    const records = [
      { id: 'a', check: 'c1', resource: 'r1' },
      { id: 'a', check: 'c1', resource: 'r1' },
      { id: 'a', check: 'c2', resource: 'r1' },
      'not an object',
      { check: 'c1' },
    ];
    const [account] = await builder().addFile('one.json', encode(records));
    expect(account.format).toBe('test');
    expect(account.records).toBe(5);
    expect(account.findings).toBe(2);
    expect(account.duplicates).toBe(1);
    expect(account.rejected).toBe(2);
    expect(isBalanced(account)).toBe(true);
  });

  it('names the file, record and field of a rejection', async () => {
    const [account] = await builder().addFile('bad.json', encode([{ id: 'a', check: 'c' }, { check: 'c' }]));
    expect(account.errors).toHaveLength(1);
    expect(account.errors[0].record).toBe(1);
    expect(account.errors[0].path).toBe('id');
    expect(account.errors[0].message).toContain('bad.json (record 1, field id)');
  });

  it('counts duplicates across files and keeps the newest', async () => {
    const dataset = builder();
    await dataset.addFile('old.json', encode([{ id: 'a', check: 'c', title: 'old', updated: '2024-01-01T00:00:00Z' }]));
    const [second] = await dataset.addFile('new.json', encode([{ id: 'a', check: 'c', title: 'new', updated: '2025-01-01T00:00:00Z' }]));
    const { findings } = dataset.build();
    expect(second.duplicates).toBe(1);
    expect(findings).toHaveLength(1);
    expect(findings[0].title).toBe('new');
  });

  it('reports formats tried for unrecognised files', async () => {
    const [account] = await builder().addFile('x.json', encode({ hello: 'world' }));
    expect(account.format).toBeNull();
    expect(account.errors[0].code).toBe('unrecognised_format');
    expect(account.errors[0].message).toContain('test (no array of objects with a "check" key)');
  });

  it('treats an empty array as an empty document', async () => {
    const [account] = await builder().addFile('nothing.json', encode([]));
    expect(account.format).toBe('empty');
    expect(account.records).toBe(0);
    expect(account.errors).toEqual([]);
  });

  it('uses the file name to name an empty document', async () => {
    const [account] = await builder().addFile('scan.test-records.json', encode([]));
    expect(account.format).toBe('test');
  });

  it('reports invalid JSON with its line and column', async () => {
    const [account] = await builder().addFile('broken.json', encode('[{"id": "a",\n "check": }]'));
    expect(account.format).toBeNull();
    expect(account.errors[0].code).toBe('invalid_json');
    expect(account.errors[0].message).toMatch(/line 2, column \d+/);
  });

  it('reports truncated JSON', async () => {
    const [account] = await builder().addFile('cut.json', encode('[{"id": "a", "check": "c"}, {"id": "b"'));
    expect(account.errors[0].code).toBe('truncated_json');
  });

  it('reads a zero-byte file as empty', async () => {
    const [account] = await builder().addFile('zero.json', new Uint8Array());
    expect(account.format).toBe('empty');
    expect(account.notes[0]).toContain('zero.json');
  });
});
