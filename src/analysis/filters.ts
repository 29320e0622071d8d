/**
 * Filters and sort order of the findings table, and their query-string form, so that a copied link
 * reproduces the view. Parsing drops values outside the closed vocabularies instead of failing.
 */
import type { Finding } from '../model/finding';
import {
  CATEGORIES,
  LAYERS,
  OWNERS,
  SEVERITIES,
  STATUSES,
  type Category,
  type Layer,
  type Owner,
  type Severity,
  type Status,
} from '../model/vocabulary';
import { compileTextSearch, searchIndexFor, type SearchIndex } from './search-index';
import { DEFAULT_SORT, SORT_KEYS, type SortOrder } from './sort-order';
import { PRACTICE_IDS, practiceIdsOf, type PracticeId } from './walled-garden';

// The sort orders live in their own module. They are exported here too, so the table imports both from one place.
export { DEFAULT_SORT, SORT_KEYS, sortedPositions, sortFindings, type SortDirection, type SortKey, type SortOrder } from './sort-order';

/** Filter value that selects findings where the field is null (no service, account or region known). */
export const NONE_VALUE = '-';

export interface Filters {
  category: Category[];
  layer: Layer[];
  owner: Owner[];
  severity: Severity[];
  status: Status[];
  /** Service catalog keys, or NONE_VALUE. */
  service: string[];
  account: string[];
  region: string[];
  /** Format ids (`sourceFormat`). */
  format: string[];
  /** Security Hub control ids or, for findings without one, tool check ids; or NONE_VALUE. */
  check: string[];
  /** Walled-garden practices the finding is evidence for; a finding may match several. */
  practice: PracticeId[];
  /** Free text: every word must occur, ignoring case, in one of the finding's text fields (see search-index.ts). */
  text: string;
}

export type FacetKey = Exclude<keyof Filters, 'text'>;

/** Facets in the order the filter bar and the query string list them. */
export const FACET_KEYS = [
  'category',
  'layer',
  'owner',
  'severity',
  'status',
  'service',
  'account',
  'region',
  'format',
  'check',
  'practice',
] as const satisfies readonly FacetKey[];

/** Allowed values per facet; null for open sets (services, accounts, regions, formats). */
const FACET_VOCABULARY: Record<FacetKey, readonly string[] | null> = {
  category: CATEGORIES,
  layer: LAYERS,
  owner: OWNERS,
  severity: SEVERITIES,
  status: STATUSES,
  service: null,
  account: null,
  region: null,
  format: null,
  check: null,
  practice: PRACTICE_IDS,
};

/** Returns the value a finding has for a facet, with null fields as NONE_VALUE. */
export function facetValue(finding: Finding, key: FacetKey): string {
  switch (key) {
    case 'category':
      return finding.category;
    case 'layer':
      return finding.layer;
    case 'owner':
      return finding.owner;
    case 'severity':
      return finding.severity;
    case 'status':
      return finding.status;
    case 'service':
      return finding.service ?? NONE_VALUE;
    case 'account':
      return finding.accountId ?? NONE_VALUE;
    case 'region':
      return finding.region ?? NONE_VALUE;
    case 'format':
      return finding.sourceFormat;
    case 'check':
      return ruleId(finding) ?? NONE_VALUE;
    case 'practice':
      return practiceIdsOf(finding)[0] ?? NONE_VALUE;
  }
}

/** Returns every value a finding has for a facet: one for most facets, several for practices. */
export function facetValues(finding: Finding, key: FacetKey): readonly string[] {
  if (key === 'practice') {
    const ids = practiceIdsOf(finding);
    return ids.length > 0 ? ids : [NONE_VALUE];
  }
  return [facetValue(finding, key)];
}

/** Returns the control id when the finding has one, else the tool's check id. */
export function ruleId(finding: Finding): string | null {
  return finding.controlId ?? finding.checkId;
}

export function emptyFilters(): Filters {
  return {
    category: [],
    layer: [],
    owner: [],
    severity: [],
    status: [],
    service: [],
    account: [],
    region: [],
    format: [],
    check: [],
    practice: [],
    text: '',
  };
}

export function hasFilters(filters: Filters): boolean {
  return filters.text.trim() !== '' || FACET_KEYS.some((key) => filters[key].length > 0);
}

/** Returns a copy of `filters` with one facet replaced. */
export function withFacet(filters: Filters, key: FacetKey, values: readonly string[]): Filters {
  return { ...filters, [key]: [...values] } as Filters;
}

/** Returns a copy with `value` added to the facet, or removed when it was already selected. */
export function toggleFacetValue(filters: Filters, key: FacetKey, value: string): Filters {
  const current: readonly string[] = filters[key];
  const next = current.includes(value) ? current.filter((item) => item !== value) : [...current, value];
  return withFacet(filters, key, next);
}

// ---------------------------------------------------------------------------------------------------------
// Matching

/** Compiles the facet filters into a predicate. The sets are built once, so testing a finding allocates nothing. */
function compileFacets(filters: Filters): (finding: Finding) => boolean {
  const tests = FACET_KEYS.filter((key) => filters[key].length > 0).map((key) => facetTest(key, new Set<string>(filters[key])));
  return (finding) => {
    for (const matches of tests) {
      if (!matches(finding)) return false;
    }
    return true;
  };
}

/** Tests one facet: any of the finding's values for it must be among the selected ones. */
function facetTest(key: FacetKey, selected: ReadonlySet<string>): (finding: Finding) => boolean {
  if (key === 'practice') return (finding) => facetValues(finding, key).some((value) => selected.has(value));
  return (finding) => selected.has(facetValue(finding, key));
}

export interface MatchOptions {
  /** The search index of the same findings. Without one, a filter with text uses `searchIndexFor(findings)`. */
  index?: SearchIndex;
  /** Positions to test, in increasing order, or all when left out. A narrower filter need only test the last matches. */
  candidates?: ArrayLike<number>;
}

/**
 * Returns the positions of the findings that match the filters, in increasing order. Position order is
 * about the order in which the findings and their strings were created, so memory is read almost
 * sequentially. On 100k findings sorted by title, a search that tested them in sort order took about twice
 * as long (bench/table-update.ts).
 */
export function matchingPositions(findings: readonly Finding[], filters: Filters, options: MatchOptions = {}): Uint32Array {
  const facetsMatch = compileFacets(filters);
  const textMatches = filters.text.trim() === '' ? null : compileTextSearch(searchIndexOf(findings, options.index), filters.text);
  const { candidates } = options;
  const count = candidates ? candidates.length : findings.length;

  const matches = new Uint32Array(count);
  let matchCount = 0;
  for (let candidate = 0; candidate < count; candidate++) {
    const position = candidates ? candidates[candidate] : candidate;
    if (facetsMatch(findings[position]) && (textMatches === null || textMatches(position))) matches[matchCount++] = position;
  }
  return matches.slice(0, matchCount);
}

function searchIndexOf(findings: readonly Finding[], index: SearchIndex | undefined): SearchIndex {
  if (index === undefined) return searchIndexFor(findings);
  if (index.findings !== findings) throw new Error('The search index was built for other findings: build it from the array that is filtered.');
  return index;
}

/** Returns the findings that match the filters, in input order, as a new array. */
export function applyFilters(findings: readonly Finding[], filters: Filters): Finding[] {
  if (!hasFilters(filters)) return [...findings];
  return Array.from(matchingPositions(findings, filters), (position) => findings[position]);
}

// ---------------------------------------------------------------------------------------------------------
// Query string

/** Query parameter names: the facet keys, plus `q` for the text and `sort` as `key` or `-key` (descending). */
const TEXT_PARAM = 'q';
const SORT_PARAM = 'sort';

export interface TableQuery {
  filters: Filters;
  sort: SortOrder;
}

/**
 * Reads filters and sort order from a query string (with or without the leading `?`). Facet values are
 * comma-separated. Values outside a closed vocabulary and unknown parameters are ignored.
 */
export function parseTableQuery(search: string | URLSearchParams): TableQuery {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters = emptyFilters();

  for (const key of FACET_KEYS) {
    const vocabulary = FACET_VOCABULARY[key];
    const values = params
      .getAll(key)
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter((value) => value !== '' && (vocabulary === null || vocabulary.includes(value)));
    (filters[key] as string[]) = [...new Set(values)];
  }
  filters.text = params.get(TEXT_PARAM) ?? '';

  return { filters, sort: parseSort(params.get(SORT_PARAM)) };
}

/**
 * One shared object per key and direction, so that parsing the same sort twice returns the same object and
 * a memo that depends on it survives every other change to the URL.
 */
const SORT_ORDERS = new Map<string, SortOrder>();
for (const key of SORT_KEYS) {
  for (const direction of ['asc', 'desc'] as const) {
    const order = key === DEFAULT_SORT.key && direction === DEFAULT_SORT.direction ? DEFAULT_SORT : { key, direction };
    SORT_ORDERS.set(direction === 'desc' ? `-${key}` : key, order);
  }
}

function parseSort(value: string | null): SortOrder {
  return SORT_ORDERS.get(value ?? '') ?? DEFAULT_SORT;
}

/**
 * Writes filters and sort order into `params` (other parameters are kept), leaving out empty facets and
 * the default sort so that links stay short.
 */
export function writeTableQuery(query: TableQuery, params = new URLSearchParams()): URLSearchParams {
  for (const key of FACET_KEYS) {
    params.delete(key);
    if (query.filters[key].length > 0) params.set(key, query.filters[key].join(','));
  }

  params.delete(TEXT_PARAM);
  if (query.filters.text.trim() !== '') params.set(TEXT_PARAM, query.filters.text);

  params.delete(SORT_PARAM);
  const { key, direction } = query.sort;
  if (key !== DEFAULT_SORT.key || direction !== DEFAULT_SORT.direction) {
    params.set(SORT_PARAM, direction === 'desc' ? `-${key}` : key);
  }
  return params;
}
