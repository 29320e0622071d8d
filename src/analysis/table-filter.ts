/**
 * The filter of the findings table. It keeps the search index of one dataset and the last result. A filter
 * that only narrows the last one (one more letter typed, a facet value deselected, a facet added) then
 * tests only the findings that matched before. The last result is a cache, not state: any sequence of calls
 * returns what filtering from scratch returns, so a render that React throws away does no harm.
 */
import type { Finding } from '../model/finding';
import { FACET_KEYS, matchingPositions, type Filters } from './filters';
import { containsWord, searchIndexFor, searchWords, type SearchIndex } from './search-index';

export class TableFilter {
  readonly index: SearchIndex;
  private last: { key: string; filters: Filters; positions: Uint32Array } | null = null;

  /** Takes the search index of `findings`, which is built with one pass over them unless another view did so. */
  constructor(readonly findings: readonly Finding[]) {
    this.index = searchIndexFor(findings);
  }

  /** Returns the findings that match the filters, in `order` (positions in the findings, from `sortedPositions`). */
  apply(filters: Filters, order: ArrayLike<number>): Finding[] {
    const positions = this.matchingPositions(filters);
    const matched = new Uint8Array(this.findings.length);
    for (const position of positions) matched[position] = 1;

    const result: Finding[] = [];
    for (let rank = 0; rank < order.length; rank++) {
      if (matched[order[rank]] === 1) result.push(this.findings[order[rank]]);
    }
    return result;
  }

  private matchingPositions(filters: Filters): Uint32Array {
    const key = JSON.stringify(filters);
    const last = this.last;
    if (last?.key === key) return last.positions;

    const candidates = last !== null && narrowsFilters(last.filters, filters) ? last.positions : undefined;
    const positions = matchingPositions(this.findings, filters, { index: this.index, candidates });
    this.last = { key, filters, positions };
    return positions;
  }
}

/**
 * Tests whether every finding that matches `next` also matches `previous`: each facet of `previous` is
 * open or selects a superset of `next`'s values, and each word of `previous` occurs in a word of `next`.
 */
export function narrowsFilters(previous: Filters, next: Filters): boolean {
  const facetsNarrow = FACET_KEYS.every((key) => {
    const allowed: readonly string[] = previous[key];
    return allowed.length === 0 || (next[key].length > 0 && next[key].every((value) => allowed.includes(value)));
  });
  if (!facetsNarrow) return false;

  const nextWords = searchWords(next.text);
  return searchWords(previous.text).every((word) => nextWords.some((nextWord) => containsWord(nextWord, word)));
}
