import { describe, expect, it } from 'vitest';
import { encodeReferences, expandReferences, FieldReferenceError, MIN_REFERENCE_LENGTH, referenceForm, referenceForms } from './field-references';

const ACCOUNT = '123456789012';
const ID = `arn:aws:securityhub:us-east-1:${ACCOUNT}:finding/abc`;

function roundTrip(text: string, values: (string | null)[]): string {
  const forms = referenceForms(values);
  const encoded = encodeReferences(text, forms);
  expect(expandReferences(encoded, (field) => forms[field])).toBe(text);
  return encoded;
}

describe('field references', () => {
  it('replaces each occurrence of a value', () => {
    const encoded = roundTrip(`{"Id":"${ID}","FindingId":"${ID}"}`, [ID]);
    expect(encoded).toBe('{"Id":"\u0001A","FindingId":"\u0001A"}');
  });

  it('prefers the longest overlapping value', () => {
    const encoded = roundTrip(`{"Id":"${ID}","AwsAccountId":"${ACCOUNT}"}`, [ACCOUNT, ID]);
    expect(encoded).toBe('{"Id":"\u0001B","AwsAccountId":"\u0001A"}');
  });

  it('matches values as JSON writes them', () => {
    const title = 'Say "hello"\nand\\leave';
    const encoded = roundTrip(JSON.stringify({ Title: title }), [title]);
    expect(encoded).toBe('{"Title":"\u0001A"}');
  });

  it('keeps escape and line feed characters', () => {
    const text = `line one\nline \u0001 two\n\u0001A ${ID}\n`;
    const encoded = roundTrip(text, [ID]);
    expect(encoded).not.toContain('\n');
  });

  it('leaves short and null values alone', () => {
    const short = 'x'.repeat(MIN_REFERENCE_LENGTH - 1);
    expect(roundTrip(`${short} and more`, [short, null])).toBe(`${short} and more`);
    expect(referenceForm(null)).toBeNull();
  });

  it('round-trips texts built from values and escapes', () => {
    const values = [ID, ACCOUNT, 'us-east-1', 'arn:aws:s3:::bucket', null];
    const parts = [ID, ACCOUNT, 'us-east-1', '\u0001', '\n', 'plain ', '\u00010', '\u0001A', 'arn:aws:s3:::bucket-2'];
    for (let seed = 1; seed <= 200; seed++) {
      let text = '';
      for (let step = seed; step > 0; step = Math.floor(step / 3)) text += parts[step % parts.length];
      roundTrip(text, values);
    }
  });

  it('rejects a reference to a missing value', () => {
    expect(() => expandReferences('x\u0001By', () => null)).toThrow(FieldReferenceError);
    expect(() => expandReferences('x\u0001', () => 'value')).toThrow('invalid field reference at the end of the text');
    expect(() => expandReferences('x\u0001~', () => 'value')).toThrow('invalid field reference with code 126');
  });
});
