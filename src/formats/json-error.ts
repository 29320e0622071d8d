/**
 * Finds where a JSON text that JSON.parse rejected breaks, because V8's messages do not always carry a
 * position. An iterative scanner (no recursion, so deep nesting is safe), run only after a failure.
 */

export interface JsonBreak {
  /** Character offset of the first invalid character, or the text length when the text ends early. */
  offset: number;
  /** True when the text ends before the value is complete. */
  truncated: boolean;
  /** Text naming what was found there, for the message. */
  found: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

type Expect = 'value' | 'key' | 'colon' | 'after-value';

export function locateJsonBreak(text: string): JsonBreak | null {
  const stack: ('array' | 'object')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const fail = (at: number): JsonBreak =>
    at >= text.length ? { offset: text.length, truncated: true, found: 'the end of the file' } : { offset: at, truncated: false, found: describeChar(text[at]) };

  while (i <= text.length) {
    while (i < text.length && WHITESPACE.has(text[i])) i++;
    if (i >= text.length) {
      return stack.length > 0 || expect !== 'after-value' ? fail(i) : null;
    }
    const char = text[i];
    if (expect === 'after-value') {
      const top = stack[stack.length - 1];
      if (top === undefined) return fail(i);
      if (char === ',') {
        expect = top === 'array' ? 'value' : 'key';
        i++;
      } else if ((char === ']' && top === 'array') || (char === '}' && top === 'object')) {
        stack.pop();
        i++;
      } else {
        return fail(i);
      }
      continue;
    }
    if (expect === 'colon') {
      if (char !== ':') return fail(i);
      expect = 'value';
      i++;
      continue;
    }
    if (expect === 'key') {
      if (char === '}' && text[previousNonSpace(text, i)] === '{') {
        stack.pop();
        expect = 'after-value';
        i++;
        continue;
      }
      if (char !== '"') return fail(i);
      const end = scanString(text, i);
      if (end < 0) return fail(-end);
      i = end;
      expect = 'colon';
      continue;
    }
    // expect === 'value'
    if (char === '{' || char === '[') {
      stack.push(char === '{' ? 'object' : 'array');
      expect = char === '{' ? 'key' : 'value';
      i++;
      continue;
    }
    if (char === ']' && stack[stack.length - 1] === 'array' && text[previousNonSpace(text, i)] === '[') {
      stack.pop();
      expect = 'after-value';
      i++;
      continue;
    }
    if (char === '"') {
      const end = scanString(text, i);
      if (end < 0) return fail(-end);
      i = end;
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) return fail(i + 1);
      i = NUMBER.lastIndex;
    } else {
      const literal = LITERALS.find((word) => text.startsWith(word, i));
      if (!literal) {
        const partial = LITERALS.find((word) => word.startsWith(text.slice(i)));
        return fail(partial ? text.length : i);
      }
      i += literal.length;
    }
    expect = 'after-value';
    if (stack.length === 0) {
      while (i < text.length && WHITESPACE.has(text[i])) i++;
      return i < text.length ? fail(i) : null;
    }
  }
  return null;
}

/** Returns the offset after the closing quote, or the negated offset of the problem. */
function scanString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') i++;
    else if (char === '"') return i + 1;
    else if (char < ' ') return -i;
  }
  return -text.length;
}

function previousNonSpace(text: string, index: number): number {
  let i = index - 1;
  while (i >= 0 && WHITESPACE.has(text[i])) i--;
  return i;
}

function describeChar(char: string): string {
  if (char === '\n') return 'line break';
  if (char < ' ') return `control character U+${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return `"${char}"`;
}
