import { describe, expect, it } from 'vitest';
import { locateJsonBreak } from './json-error';

describe('locateJsonBreak', () => {
  it('accepts valid JSON', () => {
    for (const text of ['{}', '[]', ' [1, -2.5e3, "a\\"b", true, null, {"k": [{}]}] ', '"x"', '0']) {
      expect(locateJsonBreak(text)).toBeNull();
    }
  });

  it('finds a missing value', () => {
    const text = '[{"id": "a",\n "check": }]';
    expect(locateJsonBreak(text)).toEqual({ offset: text.indexOf('}'), truncated: false, found: '"}"' });
  });

  it('finds a trailing comma', () => {
    expect(locateJsonBreak('[1, 2,]')?.offset).toBe(6);
  });

  it('flags a truncated array', () => {
    const text = '[{"id": "a"}, {"id": "b"';
    expect(locateJsonBreak(text)).toEqual({ offset: text.length, truncated: true, found: 'the end of the file' });
  });

  it('flags a truncated string and literal', () => {
    expect(locateJsonBreak('["abc')?.truncated).toBe(true);
    expect(locateJsonBreak('[tr')?.truncated).toBe(true);
  });

  it('finds text after the value', () => {
    expect(locateJsonBreak('{} x')?.offset).toBe(3);
  });

  it('survives deep nesting', () => {
    const depth = 100_000;
    expect(locateJsonBreak('['.repeat(depth) + ']'.repeat(depth - 1))?.truncated).toBe(true);
  });
});
