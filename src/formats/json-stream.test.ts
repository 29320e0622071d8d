import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonArraySplitter, type ElementPosition, type SplitResult } from './json-stream';

interface Split {
  values: unknown[];
  positions: ElementPosition[];
  invalid: { index: number; detail: string }[];
  result: SplitResult;
}

const encoder = new TextEncoder();

/** Pushes `input` in chunks of `chunkSize` bytes (the whole input when 0) and collects what comes out. */
function split(input: string | Uint8Array, chunkSize = 0): Split {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  const out: Split = { values: [], positions: [], invalid: [], result: { status: 'empty', elements: 0, bytes: 0 } };
  const splitter = new JsonArraySplitter({
    onElement: (value, position) => {
      out.values.push(value);
      out.positions.push(position);
    },
    onInvalidElement: (position, detail) => out.invalid.push({ index: position.index, detail }),
  });
  const step = chunkSize > 0 ? chunkSize : Math.max(bytes.length, 1);
  for (let at = 0; at < bytes.length; at += step) splitter.push(bytes.subarray(at, at + step));
  out.result = splitter.end();
  return out;
}

/** Splits at every chunk size from 1 to 7 bytes and once whole, and checks all give the same values. */
function expectSameAtEveryChunkSize(input: string, expected: unknown[]): void {
  for (const size of [0, 1, 2, 3, 5, 7]) {
    const out = split(input, size);
    expect(out.result.status, `chunk size ${size}`).toBe('complete');
    expect(out.values, `chunk size ${size}`).toEqual(expected);
  }
}

describe('JsonArraySplitter records path', () => {
  it('reads a top-level array', () => {
    const out = split('[{"a":1},{"b":[2,3]}]');
    expect(out.values).toEqual([{ a: 1 }, { b: [2, 3] }]);
    expect(out.result).toMatchObject({ status: 'complete', elements: 2, recordsPath: [] });
  });

  it('reads the Findings key', () => {
    const out = split('{"Findings":[{"Id":"x"}],"NextToken":"abc"}');
    expect(out.values).toEqual([{ Id: 'x' }]);
    expect(out.result).toMatchObject({ status: 'complete', recordsPath: ['Findings'] });
  });

  it('reads a placebo data wrapper after other keys', () => {
    const input = JSON.stringify({
      status_code: 200,
      data: { ResponseMetadata: { HTTPHeaders: { 'x-brackets': '[{"not": "records"}]' } }, findings: [{ id: 1 }, { id: 2 }] },
    });
    const out = split(input, 3);
    expect(out.values).toEqual([{ id: 1 }, { id: 2 }]);
    expect(out.result).toMatchObject({ status: 'complete', recordsPath: ['data', 'findings'] });
  });

  it('reads EventBridge detail.findings', () => {
    const input = JSON.stringify({ version: '0', 'detail-type': 'Security Hub Findings - Imported', detail: { findings: [{ Id: 'e' }] } });
    expect(split(input).values).toEqual([{ Id: 'e' }]);
  });

  it('skips an accepted key that is not an array', () => {
    const out = split('{"Findings":null,"findings":[1,2]}');
    expect(out.values).toEqual([1, 2]);
    expect(out.result).toMatchObject({ recordsPath: ['findings'] });
  });

  it('keeps the first records array only', () => {
    const out = split('{"Findings":[1],"findings":[2]}');
    expect(out.values).toEqual([1]);
  });

  it('ignores records keys nested elsewhere', () => {
    const out = split('{"summary":{"Findings":[9]},"results":[{"r":1}]}');
    expect(out.values).toEqual([{ r: 1 }]);
  });

  it('reports a document without records', () => {
    const out = split('{"passed":1,"failed":0}');
    expect(out.result).toMatchObject({ status: 'no_records', detail: expect.stringContaining('passed, failed') });
  });

  it('reports a scalar document', () => {
    expect(split('"text"').result.status).toBe('no_records');
    expect(split('42').result.status).toBe('no_records');
  });

  it('reports an empty object', () => {
    const out = split('{}');
    expect(out.result).toMatchObject({ status: 'no_records', detail: 'the top-level object is empty' });
  });

  it('reports empty input', () => {
    expect(split('').result.status).toBe('empty');
    expect(split(' \n\t ').result.status).toBe('empty');
  });
});

describe('JsonArraySplitter elements', () => {
  it('reads primitive elements', () => {
    expectSameAtEveryChunkSize('[1, "two", true, false, null, -3.5e2, ""]', [1, 'two', true, false, null, -350, '']);
  });

  it('reads an empty array', () => {
    const out = split('[ ]');
    expect(out.values).toEqual([]);
    expect(out.result).toMatchObject({ status: 'complete', elements: 0 });
  });

  it('reads escaped quotes and backslashes', () => {
    const values = [{ s: 'a"b' }, { s: 'back\\' }, { s: '\\"' }, { s: '\\\\"]}' }, { 'k"}': '[' }, '\\', '"'];
    expectSameAtEveryChunkSize(JSON.stringify(values), values);
  });

  it('reads brackets inside strings', () => {
    const values = [{ s: '}]}]' }, { s: '[[{{' }, ['{', ']']];
    expectSameAtEveryChunkSize(JSON.stringify(values), values);
  });

  it('reads UTF-8 split across chunks', () => {
    const values = [{ s: 'é€😀' }, { 'clé': 'naïve “quote”' }, '日本語'];
    expectSameAtEveryChunkSize(JSON.stringify(values), values);
  });

  it('skips a byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('[1,2]')]);
    for (const size of [0, 1, 2]) expect(split(bytes, size).values).toEqual([1, 2]);
  });

  it('reads pretty-printed whitespace', () => {
    const values = [{ a: [1, { b: null }] }, { c: 'd' }];
    expectSameAtEveryChunkSize(`\r\n\t${JSON.stringify({ Findings: values }, null, 4).replace(/\n/g, '\r\n')}\n\n`, values);
  });

  it('reports byte offsets of elements', () => {
    const out = split('[ {"a":1} ,\n"x"]');
    expect(out.positions).toEqual([
      { index: 0, offset: 2, end: 9 },
      { index: 1, offset: 12, end: 15 },
    ]);
  });

  it('matches JSON.parse for random arrays', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), fc.integer({ min: 1, max: 64 }), (values, size) => {
        const text = JSON.stringify(values, null, size % 3);
        const out = split(text, size);
        expect(out.result.status).toBe('complete');
        expect(out.values).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('JsonArraySplitter bad input', () => {
  it('keeps records before a truncation', () => {
    const input = '{"Findings":[{"a":1},{"b":2},{"c":"unfinished';
    for (const size of [0, 4]) {
      const out = split(input, size);
      expect(out.values).toEqual([{ a: 1 }, { b: 2 }]);
      expect(out.result).toEqual({ status: 'truncated', elements: 2, bytes: input.length, lastElementEnd: input.indexOf(',{"c"') });
    }
  });

  it('reports truncation after the array', () => {
    const out = split('{"Findings":[1,2]');
    expect(out.values).toEqual([1, 2]);
    expect(out.result.status).toBe('truncated');
  });

  it('rejects one invalid element and goes on', () => {
    const out = split('[{"a":1},{"b":tru},{"c":3}]');
    expect(out.values).toEqual([{ a: 1 }, { c: 3 }]);
    expect(out.invalid).toHaveLength(1);
    expect(out.invalid[0].index).toBe(1);
    expect(out.invalid[0].detail).toMatch(/not valid JSON/);
    expect(out.result).toMatchObject({ status: 'complete', elements: 3 });
  });

  it('rejects an element that is not UTF-8', () => {
    const bytes = new Uint8Array([...encoder.encode('[{"a":"'), 0xff, ...encoder.encode('"},2]')]);
    const out = split(bytes);
    expect(out.values).toEqual([2]);
    expect(out.invalid).toEqual([{ index: 0, detail: 'the record is not valid UTF-8' }]);
  });

  it('reports a mismatched bracket with its offset', () => {
    const input = '[{"a":1},{"b":[1}]';
    const out = split(input, 2);
    expect(out.values).toEqual([{ a: 1 }]);
    expect(out.result).toMatchObject({ status: 'invalid', offset: input.indexOf('}]'), elements: 1 });
  });

  it('reports a missing comma', () => {
    const out = split('[1 2]');
    expect(out.result).toMatchObject({ status: 'invalid', offset: 3, detail: expect.stringContaining('expected "," or "]"') });
  });

  it('reports a trailing comma', () => {
    expect(split('[1,]').result).toMatchObject({ status: 'invalid', offset: 3 });
  });

  it('reports content after the document', () => {
    expect(split('[1] [2]').result).toMatchObject({ status: 'invalid', offset: 4 });
  });

  it('reports a UTF-16 byte order mark', () => {
    const out = split(new Uint8Array([0xff, 0xfe, 0x5b, 0x00]));
    expect(out.result).toMatchObject({ status: 'invalid', detail: expect.stringContaining('UTF-16') });
  });

  it('stops after a structural error', () => {
    const splitter = new JsonArraySplitter({ onElement: () => {}, onInvalidElement: () => {} });
    splitter.push(encoder.encode('[1}'));
    expect(splitter.failed).toBe(true);
    splitter.push(encoder.encode(',2]'));
    expect(splitter.end()).toMatchObject({ status: 'invalid', offset: 2 });
  });
});

describe('JsonArraySplitter size', () => {
  it('reads a document larger than the string limit', () => {
    // 9,008 records of 64 KiB each: 563 MiB, above V8's maximum string length of 2^29 - 24 characters.
    const record = encoder.encode(`{"s":"${'x'.repeat(64 * 1024 - 8)}"}`);
    const chunk = new Uint8Array((record.length + 1) * 16);
    for (let k = 0; k < 16; k++) {
      chunk.set(record, k * (record.length + 1));
      chunk[k * (record.length + 1) + record.length] = 0x2c;
    }
    let count = 0;
    let lengthSum = 0;
    const splitter = new JsonArraySplitter({
      onElement: (value) => {
        count++;
        lengthSum += (value as { s: string }).s.length;
      },
      onInvalidElement: () => {
        throw new Error('unexpected invalid element');
      },
    });
    splitter.push(encoder.encode('['));
    for (let k = 0; k < 9008 / 16; k++) splitter.push(chunk);
    splitter.push(encoder.encode('{"s":""}]'));
    const result = splitter.end();

    expect(result.bytes).toBeGreaterThan(2 ** 29);
    expect(result).toMatchObject({ status: 'complete', elements: 9009 });
    expect(count).toBe(9009);
    expect(lengthSum).toBe(9008 * (64 * 1024 - 8));
  });
});
