/**
 * A compact, column-wise form of a list of findings for the report. Each text field gets its own string table,
 * so a description or reason repeated over thousands of findings is stored once and values of one kind sit
 * together, which compresses well. Raw records are kept apart (raw-blocks.ts), so that the page decodes
 * them only when one is shown.
 */
import type { Finding } from '../model/finding';
import { encodeReferences, expandReferences, hasEscapes, referenceForm, referenceForms } from './field-references';

/**
 * Storage of a field. `text` and `nullable` values go into the column's string table, and `json` values too, as
 * JSON text with field references (field-references.ts). `integer` columns store differences between rows, and
 * `raw` is stored outside the columns.
 */
type ColumnKind = 'text' | 'nullable' | 'json' | 'integer' | 'raw';

/** One entry per Finding field: adding a field to Finding fails to compile until it is listed here. */
const COLUMN_KINDS = {
  id: 'text',
  title: 'text',
  description: 'text',
  status: 'text',
  severity: 'text',
  kind: 'text',
  controlId: 'nullable',
  checkId: 'nullable',
  resourceType: 'nullable',
  resourceId: 'nullable',
  accountId: 'nullable',
  region: 'nullable',
  sourceTool: 'text',
  remediation: 'nullable',
  remediationUrl: 'nullable',
  firstSeen: 'nullable',
  lastUpdated: 'nullable',
  tags: 'json',
  cves: 'json',
  standards: 'json',
  hints: 'json',
  raw: 'raw',
  service: 'nullable',
  category: 'text',
  layer: 'text',
  secondaryLayer: 'nullable',
  owner: 'text',
  rule: 'text',
  reason: 'text',
  sourceFormat: 'text',
  sourceFile: 'text',
  sourceRecord: 'integer',
} as const satisfies Record<keyof Finding, ColumnKind>;

type FieldOfKind<Kind extends ColumnKind> = { [Field in keyof typeof COLUMN_KINDS]: (typeof COLUMN_KINDS)[Field] extends Kind ? Field : never }[keyof typeof COLUMN_KINDS];
type StringField = FieldOfKind<'text' | 'nullable' | 'json'>;
type IntegerField = FieldOfKind<'integer'>;

const FIELDS = Object.keys(COLUMN_KINDS) as (keyof Finding)[];
const STRING_FIELDS = FIELDS.filter((field): field is StringField => ['text', 'nullable', 'json'].includes(COLUMN_KINDS[field]));
const PLAIN_FIELDS = STRING_FIELDS.filter((field) => COLUMN_KINDS[field] !== 'json');
const JSON_FIELDS = STRING_FIELDS.filter((field) => COLUMN_KINDS[field] === 'json');
const INTEGER_FIELDS = FIELDS.filter((field): field is IntegerField => COLUMN_KINDS[field] === 'integer');

/**
 * Fields whose values source records repeat, which raw records and JSON columns refer to instead of storing
 * them again. Their order gives the reference codes, so changing it changes the stored form.
 */
const REFERENCE_FIELDS = [
  'id',
  'title',
  'description',
  'controlId',
  'checkId',
  'resourceType',
  'resourceId',
  'accountId',
  'region',
  'sourceTool',
  'remediation',
  'remediationUrl',
  'firstSeen',
  'lastUpdated',
] as const satisfies readonly FieldOfKind<'text' | 'nullable'>[];

/** Code of a null value. */
export const NULL_CODE = -1;
/** Code of the next string of the table, one no earlier row used. Code `k + 1` repeats string `k`. */
export const NEW_CODE = 0;

/**
 * One text or JSON field of every finding: the field's own string table in order of first use, and a code per
 * stored row (NULL_CODE, NEW_CODE or a repeat). A column of unique values is then a run of zeros.
 */
export interface StringColumn {
  strings: string[];
  codes: number[];
}

/** One integer field of every finding, as the difference to the previous stored row (to 0 for the first). */
export interface IntegerColumn {
  deltas: number[];
}

/**
 * The findings without their raw records. Rows are stored grouped by source format and check, so similar
 * findings sit next to each other and compress better. `order` gives each stored row's position in the input,
 * as the difference to the previous row's position.
 */
export interface FindingColumns {
  count: number;
  order: number[];
  columns: Record<StringField, StringColumn> & Record<IntegerField, IntegerColumn>;
}

class StringTable {
  readonly strings: string[] = [];
  private readonly indexes = new Map<string, number>();

  /** Returns the code of `text`, adding it to the table when it is new. */
  code(text: string): number {
    const index = this.indexes.get(text);
    if (index !== undefined) return index + 1;
    this.indexes.set(text, this.strings.length);
    this.strings.push(text);
    return NEW_CODE;
  }
}

function groupKey(finding: Finding): string {
  return `${finding.sourceFormat}\u0000${finding.controlId ?? finding.checkId ?? ''}\u0000${finding.resourceType ?? ''}`;
}

/** Positions of the findings in storage order. Array.prototype.sort is stable, so each group keeps input order. */
export function storageOrder(findings: readonly Finding[]): number[] {
  const keys = findings.map(groupKey);
  const byKey = (a: number, b: number) => {
    if (keys[a] < keys[b]) return -1;
    if (keys[a] > keys[b]) return 1;
    return a - b;
  };
  return keys.map((_, index) => index).sort(byKey);
}

/** Returns the forms of a finding's reference field values, for `encodeReferences`. */
export function findingReferenceForms(finding: Readonly<Finding>): (string | null)[] {
  return referenceForms(REFERENCE_FIELDS.map((field) => finding[field]));
}

/** Returns the lookup of a finding's reference forms, for `expandReferences`. */
export function findingReferenceForm(finding: Readonly<Finding>): (field: number) => string | null {
  return (field) => (field < REFERENCE_FIELDS.length ? referenceForm(finding[REFERENCE_FIELDS[field]]) : null);
}

function toDeltas(values: readonly number[]): number[] {
  return values.map((value, index) => (index === 0 ? value : value - values[index - 1]));
}

function fromDeltas(deltas: readonly number[]): number[] {
  const values = new Array<number>(deltas.length);
  let value = 0;
  for (let index = 0; index < deltas.length; index++) {
    value += deltas[index];
    values[index] = value;
  }
  return values;
}

/** Encodes the findings, without their raw records, in the given storage order (from `storageOrder`). */
export function encodeColumns(findings: readonly Finding[], order: readonly number[]): FindingColumns {
  const tables = STRING_FIELDS.map(() => new StringTable());
  const codes = STRING_FIELDS.map(() => new Array<number>(order.length).fill(NULL_CODE));
  const isJson = STRING_FIELDS.map((field) => COLUMN_KINDS[field] === 'json');

  // Row by row, so each finding object is visited once. A pass per field took 4 times as long on 75k findings (Node 20).
  for (let row = 0; row < order.length; row++) {
    const finding = findings[order[row]];
    const forms = findingReferenceForms(finding);
    for (let column = 0; column < STRING_FIELDS.length; column++) {
      const value = finding[STRING_FIELDS[column]];
      if (isJson[column]) codes[column][row] = tables[column].code(encodeReferences(JSON.stringify(value), forms));
      else if (value !== null) codes[column][row] = tables[column].code(value as string);
    }
  }

  const columns = {} as FindingColumns['columns'];
  STRING_FIELDS.forEach((field, column) => {
    columns[field] = { strings: tables[column].strings, codes: codes[column] };
  });
  for (const field of INTEGER_FIELDS) columns[field] = { deltas: toDeltas(order.map((position) => findings[position][field])) };
  return { count: order.length, order: toDeltas(order), columns };
}

/** Thrown when the embedded columns do not have the shape this version writes, or refer to values they lack. */
export class ColumnsError extends Error {
  override name = 'ColumnsError';
}

function checkShape(encoded: FindingColumns): void {
  const { count, order, columns } = encoded;
  if (!Array.isArray(order) || order.length !== count) throw new ColumnsError(`the row order does not contain ${count} positions`);
  for (const field of FIELDS) {
    if (COLUMN_KINDS[field] === 'raw') continue;
    const column = columns?.[field as StringField | IntegerField] as Partial<StringColumn & IntegerColumn> | undefined;
    const values = COLUMN_KINDS[field] === 'integer' ? column?.deltas : column?.codes;
    const tableOk = COLUMN_KINDS[field] === 'integer' || Array.isArray(column?.strings);
    if (!Array.isArray(values) || values.length !== count || !tableOk) {
      throw new ColumnsError(`the column "${field}" is missing or does not contain ${count} values`);
    }
  }
}

/** Resolves a column's codes to strings (or null), checking each against the table. */
function columnValues(field: StringField, column: StringColumn): (string | null)[] {
  const { strings, codes } = column;
  const values = new Array<string | null>(codes.length);
  let next = 0;
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row];
    let index: number;
    if (code === NULL_CODE) {
      values[row] = null;
      continue;
    } else if (code === NEW_CODE) index = next++;
    else index = code - 1;
    if (!(index >= 0 && index < next && index < strings.length)) {
      throw new ColumnsError(`the column "${field}" refers to string ${index} at row ${row}, which its table does not contain yet`);
    }
    values[row] = strings[index];
  }
  return values;
}

/**
 * Rebuilds the findings in input order. `rawRecord(row, finding)` supplies the raw record of a stored row. It
 * is called when a finding's `raw` is first read, so records that are never opened are never decoded. JSON
 * values without field references are parsed once and shared between findings, which is safe because the
 * report never changes a finding.
 */
export function decodeColumns(encoded: FindingColumns, rawRecord: (row: number, finding: Finding) => string): Finding[] {
  checkShape(encoded);
  const { count, columns } = encoded;
  const values = new Map<keyof Finding, readonly unknown[]>();
  for (const field of PLAIN_FIELDS) values.set(field, columnValues(field, columns[field]));
  for (const field of INTEGER_FIELDS) values.set(field, fromDeltas(columns[field].deltas));
  const referenced = REFERENCE_FIELDS.map((field) => values.get(field) as readonly (string | null)[]);
  const formOf = (row: number) => (field: number) => (field < referenced.length ? referenceForm(referenced[field][row]) : null);
  for (const field of JSON_FIELDS) values.set(field, decodeJsonColumn(field, columns[field], formOf));

  const order = fromDeltas(encoded.order);
  const fieldValues = FIELDS.map((field) => values.get(field));
  const findings = new Array<Finding>(count);
  for (let row = 0; row < count; row++) {
    // Fields are set in the order of Finding, so every decoded finding has the same shape.
    const finding: Record<string, unknown> = {};
    for (let column = 0; column < FIELDS.length; column++) {
      const columnValues = fieldValues[column];
      if (columnValues) finding[FIELDS[column]] = columnValues[row];
      else defineLazyRaw(finding, () => rawRecord(row, finding as unknown as Finding));
    }
    const position = order[row];
    if (!(position >= 0 && position < count) || findings[position] !== undefined) {
      throw new ColumnsError(`the row order puts row ${row} at position ${position}, which is outside the findings or taken`);
    }
    findings[position] = finding as unknown as Finding;
  }
  return findings;
}

/**
 * Parses a JSON column, expanding field references with `formOf(row)`. Texts without references are parsed
 * once and shared; expanded texts are mostly unique (they name the finding's resource), so each is parsed.
 */
function decodeJsonColumn(field: StringField, column: StringColumn, formOf: (row: number) => (field: number) => string | null): unknown[] {
  const texts = columnValues(field, column);
  const shared = new Map<string, unknown>();
  return texts.map((text, row) => {
    if (text === null) throw new ColumnsError(`the column "${field}" has no value at row ${row}`);
    if (!hasEscapes(text)) {
      if (!shared.has(text)) shared.set(text, parseJson(field, text));
      return shared.get(text);
    }
    try {
      return parseJson(field, expandReferences(text, formOf(row)));
    } catch (error) {
      if (error instanceof ColumnsError) throw error;
      throw new ColumnsError(`the column "${field}" at row ${row}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

function parseJson(field: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ColumnsError(`the column "${field}" contains invalid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Defines `raw` as a getter that reads the record once and then keeps it as a plain value. */
function defineLazyRaw(finding: Record<string, unknown>, read: () => string): void {
  Object.defineProperty(finding, 'raw', {
    enumerable: true,
    configurable: true,
    get() {
      const value = read();
      Object.defineProperty(finding, 'raw', { value, enumerable: true, configurable: true, writable: false });
      return value;
    },
  });
}
