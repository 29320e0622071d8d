/**
 * Field references: a text (a raw record, the JSON text of hints or tags) in which each occurrence of one of
 * the finding's own field values is replaced by a two-character reference to that field. A raw record repeats
 * the finding's id, resource, account and timestamps, and such unique values are most of what does not
 * compress. The columns store them once, and the record refers to them.
 *
 * Values are matched in the form they take inside a JSON string (`JSON.stringify(value)` without the quotes),
 * because raw records are JSON text. Any other text still round-trips; it just matches less often. Every
 * reference starts with ESCAPE, and an ESCAPE or line feed in the text itself is written as ESCAPE and a code
 * as well, so encoded text contains no line feed and decodes in one left-to-right pass.
 */

const ESCAPE = '\u0001';
/** Codes after ESCAPE: the escape character itself, a line feed, then field `i` as `FIRST_FIELD_CODE + i`. */
const LITERAL_ESCAPE = 0x30;
const LITERAL_NEWLINE = 0x31;
const FIRST_FIELD_CODE = 0x41;
/** Field codes run from 'A' to 'Z'. */
export const MAX_REFERENCE_FIELDS = 26;

/** Shorter values are left in place: a reference saves too little, and short values match by chance. */
export const MIN_REFERENCE_LENGTH = 6;

/** Thrown when encoded text contains a reference that cannot be resolved. */
export class FieldReferenceError extends Error {
  override name = 'FieldReferenceError';
}

/**
 * Returns the form to match for one value: the value as written inside a JSON string, or null when the value is
 * null or shorter than MIN_REFERENCE_LENGTH.
 */
export function referenceForm(value: string | null): string | null {
  if (value === null || value.length < MIN_REFERENCE_LENGTH) return null;
  return JSON.stringify(value).slice(1, -1);
}

/** Returns the forms to match for one finding, one per reference field (see `referenceForm`). */
export function referenceForms(values: readonly (string | null)[]): (string | null)[] {
  if (values.length > MAX_REFERENCE_FIELDS) throw new RangeError(`at most ${MAX_REFERENCE_FIELDS} reference fields, got ${values.length}`);
  return values.map(referenceForm);
}

/** Replaces the occurrences of `forms` in `text` by references. The longest form wins where two overlap. */
export function encodeReferences(text: string, forms: readonly (string | null)[]): string {
  const starts: number[] = [];
  const ends: number[] = [];
  const fields: number[] = [];
  for (let field = 0; field < forms.length; field++) {
    const form = forms[field];
    if (form === null) continue;
    for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + form.length)) {
      starts.push(at);
      ends.push(at + form.length);
      fields.push(field);
    }
  }
  if (starts.length === 0 && !hasLiteralsToEscape(text)) return text;

  const matches = starts.map((_, match) => match);
  matches.sort((a, b) => starts[a] - starts[b] || ends[b] - ends[a]);
  let encoded = '';
  let cursor = 0;
  for (const match of matches) {
    if (starts[match] < cursor) continue;
    encoded += escapeLiterals(text.slice(cursor, starts[match])) + ESCAPE + String.fromCharCode(FIRST_FIELD_CODE + fields[match]);
    cursor = ends[match];
  }
  return encoded + escapeLiterals(text.slice(cursor));
}

function hasLiteralsToEscape(text: string): boolean {
  return text.includes(ESCAPE) || text.includes('\n');
}

function escapeLiterals(text: string): string {
  if (!hasLiteralsToEscape(text)) return text;
  // Escape characters first, so that the escape written for a line feed is not escaped again.
  return text.replaceAll(ESCAPE, ESCAPE + String.fromCharCode(LITERAL_ESCAPE)).replaceAll('\n', ESCAPE + String.fromCharCode(LITERAL_NEWLINE));
}

/** Tells whether `expandReferences` changes the text: false for text without references or escapes. */
export function hasEscapes(encoded: string): boolean {
  return encoded.includes(ESCAPE);
}

/**
 * Gives back the text that `encodeReferences(text, forms)` encoded. `formOf(field)` returns `forms[field]`;
 * it is called only for the fields the text refers to.
 */
export function expandReferences(encoded: string, formOf: (field: number) => string | null): string {
  let at = encoded.indexOf(ESCAPE);
  if (at === -1) return encoded;
  let text = '';
  let cursor = 0;
  while (at !== -1) {
    text += encoded.slice(cursor, at) + resolve(encoded.charCodeAt(at + 1), formOf);
    cursor = at + 2;
    at = encoded.indexOf(ESCAPE, cursor);
  }
  return text + encoded.slice(cursor);
}

function resolve(code: number, formOf: (field: number) => string | null): string {
  if (code === LITERAL_ESCAPE) return ESCAPE;
  if (code === LITERAL_NEWLINE) return '\n';
  const field = code - FIRST_FIELD_CODE;
  const form = field >= 0 && field < MAX_REFERENCE_FIELDS ? formOf(field) : null;
  if (typeof form !== 'string') {
    const reference = Number.isNaN(code) ? 'at the end of the text' : `with code ${code}`;
    throw new FieldReferenceError(`invalid field reference ${reference}: the finding has no value for it`);
  }
  return form;
}
