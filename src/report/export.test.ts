import { describe, expect, it } from 'vitest';
import { testFinding } from '../model/test-finding';
import { EXPORT_FIELDS, exportText, neutraliseCell } from './export';

/** Splits one CSV line of quoted or plain cells (no line breaks inside cells). */
function cells(line: string): string[] {
  const result: string[] = [];
  const pattern = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  for (const match of line.matchAll(pattern)) {
    const cell = match[1];
    result.push(cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);
    if (match[2] === '') break;
  }
  return result;
}

const titleColumn = EXPORT_FIELDS.indexOf('title');

describe('neutraliseCell', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])('prefixes %j with an apostrophe', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it.each(['plain', '1=1', ' =1', "'=1", ''])('leaves %j alone', (value) => {
    expect(neutraliseCell(value)).toBe(value);
  });
});

describe('CSV export', () => {
  it.each([
    ['=HYPERLINK("http://example.com","x")', `'=HYPERLINK("http://example.com","x")`],
    ['+cmd|/C calc!A0', "'+cmd|/C calc!A0"],
    ['-2+3', "'-2+3"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\t=1', "'\t=1"],
  ])('neutralises a title of %j', (title, expected) => {
    const [, row] = exportText([testFinding({ title })], 'csv').split('\r\n');
    expect(cells(row)[titleColumn]).toBe(expected);
  });

  it('neutralises a title starting with CR', () => {
    // The cell contains a CR, so it is quoted and the apostrophe goes inside the quotes.
    expect(exportText([testFinding({ title: '\r=1' })], 'csv')).toContain(`,"'\r=1",`);
  });

  it('neutralises list cells by their first item', () => {
    const csv = exportText([testFinding({ cves: ['=1+1', 'CVE-2024-1'] })], 'csv');
    expect(csv).toContain("'=1+1; CVE-2024-1");
  });

  it('quotes commas, quotes and line breaks', () => {
    const csv = exportText([testFinding({ title: 'a, "b"\nc' })], 'csv');
    expect(csv).toContain('"a, ""b""\nc"');
  });

  it('writes a header and one line per finding', () => {
    const csv = exportText([testFinding(), testFinding()], 'csv');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(EXPORT_FIELDS.join(','));
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });

  it('writes null as an empty cell', () => {
    const [, row] = exportText([testFinding({ controlId: null })], 'csv').split('\r\n');
    expect(cells(row)[EXPORT_FIELDS.indexOf('controlId')]).toBe('');
  });
});

describe('JSON exports', () => {
  it('keep formula-like values as they are', () => {
    const finding = testFinding({ title: '=1+1' });
    expect(JSON.parse(exportText([finding], 'json'))[0].title).toBe('=1+1');
    expect(JSON.parse(exportText([finding], 'jsonl').trim()).title).toBe('=1+1');
  });

  it('write only the export fields', () => {
    const [record] = JSON.parse(exportText([testFinding()], 'json'));
    expect(Object.keys(record)).toEqual([...EXPORT_FIELDS]);
  });

  it('write an empty list as valid JSON', () => {
    expect(JSON.parse(exportText([], 'json'))).toEqual([]);
    expect(exportText([], 'jsonl')).toBe('');
  });
});
