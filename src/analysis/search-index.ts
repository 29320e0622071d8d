/**
 * Free-text search over findings. The query is split at white space into words, and a finding matches
 * when every word occurs, ignoring case, in at least one of its text fields.
 *
 * Most field values repeat across findings (titles, check ids, accounts, regions, reasons), so the index
 * stores each field as its distinct values plus one integer per finding that names its value: dictionary
 * encoding. A query tests each distinct value at most once per word and otherwise reads integers. The values are
 * the findings' own strings, so the index holds no text of its own. Per finding it takes 2 bytes for each
 * of its 13 fields (4 for a field with more than 65,535 distinct values), 4 bytes for where its CVEs start
 * and 4 bytes per CVE. Finding ids are unique, so they are tested directly.
 */
import type { Finding } from '../model/finding';

/** A field of every finding: the distinct values, and per finding the position of its value in `values`. */
interface Column {
  /** Distinct values by code. Code 0 means null or empty, and its entry is never tested. */
  values: string[];
  codes: Uint16Array | Uint32Array;
}

/** The CVE lists: the codes of finding `p` are `codes[starts[p]]` up to, not including, `codes[starts[p + 1]]`. */
interface ListColumn {
  values: string[];
  starts: Uint32Array;
  codes: Uint32Array;
}

export interface SearchIndex {
  readonly findings: readonly Finding[];
  /** Number of findings when the index was built. */
  readonly size: number;
  readonly columns: readonly Column[];
  readonly cves: ListColumn;
}

const indexes = new WeakMap<readonly Finding[], SearchIndex>();

/**
 * Returns the index of `findings`, built on first use and kept as long as the array, so every view that
 * filters the same dataset shares one. The array must not change after that; a changed length is rebuilt.
 */
export function searchIndexFor(findings: readonly Finding[]): SearchIndex {
  let index = indexes.get(findings);
  if (index === undefined || index.size !== findings.length) {
    index = buildSearchIndex(findings);
    indexes.set(findings, index);
  }
  return index;
}

/**
 * Builds the index of `findings` in one pass, which looks up every field value in a hash map: build it once
 * per dataset, not per query.
 */
export function buildSearchIndex(findings: readonly Finding[]): SearchIndex {
  const count = findings.length;
  const title = new ColumnBuilder(count);
  const controlId = new ColumnBuilder(count);
  const checkId = new ColumnBuilder(count);
  const service = new ColumnBuilder(count);
  const resourceType = new ColumnBuilder(count);
  const resourceId = new ColumnBuilder(count);
  const accountId = new ColumnBuilder(count);
  const region = new ColumnBuilder(count);
  const rule = new ColumnBuilder(count);
  const reason = new ColumnBuilder(count);
  const sourceTool = new ColumnBuilder(count);
  const sourceFile = new ColumnBuilder(count);
  const description = new ColumnBuilder(count);
  const cves = new ListColumnBuilder(count);

  // One finding at a time, reading each field by name: a pass per field would load every finding 13 times,
  // and reading fields through a list of names would make each read a slower megamorphic lookup in V8.
  for (let position = 0; position < count; position++) {
    const finding = findings[position];
    title.add(position, finding.title);
    controlId.add(position, finding.controlId);
    checkId.add(position, finding.checkId);
    service.add(position, finding.service);
    resourceType.add(position, finding.resourceType);
    resourceId.add(position, finding.resourceId);
    accountId.add(position, finding.accountId);
    region.add(position, finding.region);
    rule.add(position, finding.rule);
    reason.add(position, finding.reason);
    sourceTool.add(position, finding.sourceTool);
    sourceFile.add(position, finding.sourceFile);
    description.add(position, finding.description);
    cves.add(position, finding.cves);
  }

  const columns = [title, controlId, checkId, service, resourceType, resourceId, accountId, region, rule, reason, sourceTool, sourceFile, description];
  return { findings, size: count, columns: columns.map((column) => column.build()), cves: cves.build() };
}

/** Gives each distinct value a code, from 1 in order of first appearance. Code 0 means null or empty. */
class Dictionary {
  readonly values = [''];
  private readonly codes = new Map<string, number>();

  codeOf(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.push(value) - 1;
      this.codes.set(value, code);
    }
    return code;
  }
}

class ColumnBuilder {
  private readonly dictionary = new Dictionary();
  private readonly codes: Uint32Array;

  constructor(count: number) {
    this.codes = new Uint32Array(count);
  }

  add(position: number, value: string | null): void {
    if (value) this.codes[position] = this.dictionary.codeOf(value);
  }

  build(): Column {
    const { values } = this.dictionary;
    return { values, codes: values.length <= 0x10000 ? Uint16Array.from(this.codes) : this.codes };
  }
}

class ListColumnBuilder {
  private readonly dictionary = new Dictionary();
  private readonly starts: Uint32Array;
  private readonly codes: number[] = [];

  constructor(count: number) {
    this.starts = new Uint32Array(count + 1);
  }

  /** Adds the values of the finding at `position`. Findings must be added in position order. */
  add(position: number, values: readonly string[]): void {
    for (const value of values) this.codes.push(this.dictionary.codeOf(value));
    this.starts[position + 1] = this.codes.length;
  }

  build(): ListColumn {
    return { values: this.dictionary.values, starts: this.starts, codes: Uint32Array.from(this.codes) };
  }
}

/** Returns a RegExp source that matches `text` literally. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Returns the case-insensitive pattern of one word. Every test of a word against a value goes through it. */
function wordPattern(word: string): RegExp {
  return new RegExp(escapeRegExp(word), 'i');
}

/** Tests whether `text` contains `word`, ignoring case, by the same test that the search applies to fields. */
export function containsWord(text: string, word: string): boolean {
  return wordPattern(word).test(text);
}

/**
 * Splits the query into the words a finding must contain. Repeated words are dropped, and so is a word
 * that occurs in another word, because any field that contains the longer word also contains it.
 */
export function searchWords(text: string): string[] {
  const words = [...new Set(text.split(/\s+/).filter((word) => word !== ''))];
  const patterns = words.map(wordPattern);
  return words.filter((word, index) =>
    words.every((other, otherIndex) => {
      if (otherIndex === index || !patterns[index].test(other)) return true;
      // `other` contains `word`: keep `word` only when it is the first of two that contain each other.
      return patterns[otherIndex].test(word) && index < otherIndex;
    }),
  );
}

/**
 * Compiles the text into a predicate over positions in `index.findings`, or returns null when the text
 * has no words. The predicate caches, per word, whether each distinct value contains it, so it costs memory
 * only while it is used.
 */
export function compileTextSearch(index: SearchIndex, text: string): ((position: number) => boolean) | null {
  // Longer words first: they match fewer findings, so the other words are tested on fewer of them.
  const words = searchWords(text).sort((a, b) => b.length - a.length);
  if (words.length === 0) return null;

  const wordMatchers = words.map((word) => compileWord(index, word));
  if (wordMatchers.length === 1) return wordMatchers[0];
  return (position) => {
    for (const occursIn of wordMatchers) {
      if (!occursIn(position)) return false;
    }
    return true;
  };
}

/** Test result of a distinct value for one word: not tested yet, absent or present. */
const UNTESTED = -1;
const ABSENT = 0;
const PRESENT = 1;

/** A column during one query for one word, with the test result of each distinct value once it is known. */
interface WordColumn {
  values: string[];
  codes: Uint16Array | Uint32Array;
  results: Int8Array;
}

/** Compiles one word into a predicate over positions: true when the finding has a field that contains it. */
function compileWord(index: SearchIndex, word: string): (position: number) => boolean {
  const pattern = wordPattern(word);
  const wordColumn = ({ values, codes }: { values: string[]; codes: Uint16Array | Uint32Array }): WordColumn => {
    const results = new Int8Array(values.length).fill(UNTESTED);
    results[0] = ABSENT;
    return { values, codes, results };
  };
  const columns = index.columns.map(wordColumn);
  const cves = wordColumn(index.cves);
  const { starts } = index.cves;

  const contains = (column: WordColumn, code: number): boolean => {
    let result = column.results[code];
    if (result === UNTESTED) {
      result = pattern.test(column.values[code]) ? PRESENT : ABSENT;
      column.results[code] = result;
    }
    return result === PRESENT;
  };

  return (position) => {
    for (const column of columns) {
      if (contains(column, column.codes[position])) return true;
    }
    for (let entry = starts[position]; entry < starts[position + 1]; entry++) {
      if (contains(cves, cves.codes[entry])) return true;
    }
    return pattern.test(index.findings[position].id);
  };
}
