import { describe, expect, it } from 'vitest';
import { RecordStreamSplitter, SNIFF_LIMIT, chooseKind } from './record-stream';

const encoder = new TextEncoder();

function kindOf(text: string, atEnd = true) {
  return chooseKind(encoder.encode(text), atEnd);
}

describe('chooseKind', () => {
  it('reads a pretty-printed document as JSON', () => {
    expect(kindOf('{\n  "Findings": []\n}\n')).toBe('json');
    expect(kindOf('[\n{"a":1},\n{"b":2}\n]')).toBe('json');
  });

  it('reads one-line documents as JSON', () => {
    expect(kindOf('{"Findings":[{"a":1}]}\n')).toBe('json');
    expect(kindOf('[{"a":1}]')).toBe('json');
  });

  it('reads two object lines as JSON Lines', () => {
    expect(kindOf('{"a":1}\n{"b":2}\n')).toBe('jsonl');
    expect(kindOf('\ufeff\n{"a":1}\r\n{"b":2}')).toBe('jsonl');
  });

  it('waits for more bytes when undecided', () => {
    expect(kindOf('{"a":1', false)).toBeNull();
    expect(kindOf('{"a":1}\n  ', false)).toBeNull();
  });

  it('reads a first line over the limit as JSON', () => {
    expect(kindOf(`[${'1,'.repeat(SNIFF_LIMIT / 2)}`, false)).toBe('json');
  });
});

describe('RecordStreamSplitter', () => {
  function run(text: string, chunkSize: number) {
    const values: unknown[] = [];
    const splitter = new RecordStreamSplitter({ onElement: (value) => values.push(value), onInvalidElement: () => {} });
    const bytes = encoder.encode(text);
    for (let at = 0; at < bytes.length; at += chunkSize) splitter.push(bytes.subarray(at, at + chunkSize));
    const result = splitter.end();
    return { values, result, kind: splitter.kind };
  }

  it('splits JSON Lines in small chunks', () => {
    const out = run('{"a":1}\n{"b":2}\n{"c":3}\n', 3);
    expect(out.kind).toBe('jsonl');
    expect(out.values).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
  });

  it('splits a JSON document in small chunks', () => {
    const out = run('{"findings":[{"a":1},{"b":2}]}', 3);
    expect(out.kind).toBe('json');
    expect(out.values).toEqual([{ a: 1 }, { b: 2 }]);
    expect(out.result.status).toBe('complete');
  });

  it('decides at the end of a short input', () => {
    const out = run('[1]', 100);
    expect(out.kind).toBe('json');
    expect(out.values).toEqual([1]);
  });
});
