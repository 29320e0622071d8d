import { describe, expect, it } from 'vitest';
import { JsonLinesSplitter } from './json-lines-stream';
import type { ElementPosition, SplitResult } from './json-stream';

const encoder = new TextEncoder();

function splitLines(input: string | Uint8Array, chunkSize = 0) {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  const values: unknown[] = [];
  const positions: ElementPosition[] = [];
  const invalid: { position: ElementPosition; detail: string }[] = [];
  const splitter = new JsonLinesSplitter({
    onElement: (value, position) => {
      values.push(value);
      positions.push(position);
    },
    onInvalidElement: (position, detail) => invalid.push({ position, detail }),
  });
  const step = chunkSize > 0 ? chunkSize : Math.max(bytes.length, 1);
  for (let at = 0; at < bytes.length; at += step) splitter.push(bytes.subarray(at, at + step));
  const result: SplitResult = splitter.end();
  return { values, positions, invalid, result };
}

describe('JsonLinesSplitter', () => {
  it('reads one value per line', () => {
    for (const size of [0, 1, 3, 8]) {
      const out = splitLines('{"a":1}\n{"b":"é"}\n[3]\n', size);
      expect(out.values, `chunk size ${size}`).toEqual([{ a: 1 }, { b: 'é' }, [3]]);
      expect(out.result).toMatchObject({ status: 'complete', elements: 3 });
    }
  });

  it('numbers lines and skips blank ones', () => {
    const out = splitLines('\n{"a":1}\r\n\n  \n{"b":2}\n', 4);
    expect(out.positions).toEqual([
      { index: 0, offset: 1, end: 9, line: 2 },
      { index: 1, offset: 14, end: 21, line: 5 },
    ]);
  });

  it('reports byte offsets after multi-byte text', () => {
    const out = splitLines('{"s":"€€"}\n{"t":1}\n');
    expect(out.positions[1].offset).toBe(encoder.encode('{"s":"€€"}\n').length);
  });

  it('reads a last line without a newline', () => {
    const out = splitLines('{"a":1}\n{"b":2}', 5);
    expect(out.values).toEqual([{ a: 1 }, { b: 2 }]);
    expect(out.result.status).toBe('complete');
  });

  it('rejects a bad line and goes on', () => {
    const out = splitLines('{"a":1}\n{oops}\n{"c":3}\n');
    expect(out.values).toEqual([{ a: 1 }, { c: 3 }]);
    expect(out.invalid).toHaveLength(1);
    expect(out.invalid[0].position).toMatchObject({ index: 1, line: 2 });
    expect(out.invalid[0].detail).toMatch(/^line 2 is not valid JSON/);
  });

  it('rejects a line that is not UTF-8', () => {
    const bytes = new Uint8Array([...encoder.encode('{"a":1}\n"'), 0xc3, ...encoder.encode('"\n{"c":3}\n')]);
    const out = splitLines(bytes);
    expect(out.values).toEqual([{ a: 1 }, { c: 3 }]);
    expect(out.invalid.map((bad) => bad.detail)).toEqual(['line 2 is not valid UTF-8']);
  });

  it('reports a cut last line as truncated', () => {
    const input = '{"a":1}\n{"b":2}\n{"c":';
    const out = splitLines(input, 6);
    expect(out.values).toEqual([{ a: 1 }, { b: 2 }]);
    expect(out.result).toEqual({ status: 'truncated', elements: 2, bytes: input.length, lastElementEnd: input.indexOf('{"c"') });
  });

  it('skips a byte order mark', () => {
    const out = splitLines(new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('{"a":1}\n{"b":2}\n')]), 2);
    expect(out.values).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('reports blank input as empty', () => {
    expect(splitLines('\n \n').result.status).toBe('empty');
  });
});
