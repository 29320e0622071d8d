import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted newlines and doubled quotes', () => {
    const rows = parseCsv('a,b\r\n"x\r\ny","say ""hi"""\r\n', ',');
    expect(rows.map((row) => row.cells)).toEqual([
      ['a', 'b'],
      ['x\r\ny', 'say "hi"'],
    ]);
  });

  it('records the line each row starts on', () => {
    const rows = parseCsv('h\n"1\n2"\n3\n', ',');
    expect(rows.map((row) => row.line)).toEqual([1, 2, 4]);
  });

  it('keeps quotes inside an unquoted cell', () => {
    const rows = parseCsv('a,b\nThe "root" account,x\n', ',');
    expect(rows[1].cells).toEqual(['The "root" account', 'x']);
  });

  it('skips blank lines and keeps empty cells', () => {
    const rows = parseCsv('a;b\n\n;x\n', ';');
    expect(rows.map((row) => row.cells)).toEqual([
      ['a', 'b'],
      ['', 'x'],
    ]);
  });
});

describe('detectDelimiter', () => {
  it('prefers semicolons in a Prowler header', () => {
    expect(detectDelimiter('AUTH_METHOD;TIMESTAMP;ACCOUNT_UID\n1;2;3')).toBe(';');
  });

  it('ignores delimiters inside quotes', () => {
    expect(detectDelimiter('"a;b;c;d",x,y\n')).toBe(',');
  });
});
