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
  SEVERITY_RANK,
  STATUSES,
  type Category,
  type Layer,
  type Owner,
  type Severity,
  type Status,
} from '../model/vocabulary';
import { PRACTICE_IDS, practiceIdsOf, type PracticeId } from './walled-garden';

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
  /** Free text, matched case-insensitively against the finding's text fields. */
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

/** Compiles the filters into a predicate. The sets are built once, so matching each finding allocates nothing for the facets. */
export function compileFilters(filters: Filters): (finding: Finding) => boolean {
  const facets = FACET_KEYS.filter((key) => filters[key].length > 0).map(
    (key) => [key, new Set<string>(filters[key])] as const,
  );
  const words = filters.text.toLowerCase().split(/\s+/).filter(Boolean);

  return (finding) => {
    for (const [key, allowed] of facets) {
      if (!facetValues(finding, key).some((value) => allowed.has(value))) return false;
    }
    if (words.length === 0) return true;
    const haystack = searchText(finding);
    return words.every((word) => haystack.includes(word));
  };
}

const searchTextCache = new WeakMap<Finding, string>();

/**
 * Returns the lower-case text the free-text filter searches. It is built once per finding, because
 * rebuilding it on every keystroke costs more than the search itself on 100k findings.
 */
function searchText(finding: Finding): string {
  let text = searchTextCache.get(finding);
  if (text === undefined) {
    text = buildSearchText(finding);
    searchTextCache.set(finding, text);
  }
  return text;
}

/** Every word of the free text must occur in one of these fields. */
function buildSearchText(finding: Finding): string {
  return [
    finding.title,
    finding.description,
    finding.id,
    finding.controlId,
    finding.checkId,
    finding.resourceType,
    finding.resourceId,
    finding.service,
    finding.accountId,
    finding.region,
    finding.rule,
    finding.reason,
    finding.sourceTool,
    finding.sourceFile,
    finding.cves.join(' '),
  ]
    .filter((part): part is string => typeof part === 'string' && part !== '')
    .join('\n')
    .toLowerCase();
}

export function applyFilters(findings: readonly Finding[], filters: Filters): Finding[] {
  if (!hasFilters(filters)) return [...findings];
  const matches = compileFilters(filters);
  return findings.filter(matches);
}

// ---------------------------------------------------------------------------------------------------------
// Sorting

export const SORT_KEYS = [
  'severity',
  'status',
  'title',
  'service',
  'category',
  'layer',
  'owner',
  'account',
  'region',
  'format',
  'lastUpdated',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export interface SortOrder {
  key: SortKey;
  direction: SortDirection;
}

/** Worst severity first: what a reviewer looks at before anything else. */
export const DEFAULT_SORT: SortOrder = { key: 'severity', direction: 'desc' };

const STATUS_RANK: Record<Status, number> = { open: 4, unknown: 3, suppressed: 2, resolved: 1, passed: 0 };

type SortValue = number | string;

const SORT_VALUE: Record<SortKey, (finding: Finding) => SortValue> = {
  severity: (finding) => SEVERITY_RANK[finding.severity],
  status: (finding) => STATUS_RANK[finding.status],
  title: (finding) => finding.title.toLowerCase(),
  service: (finding) => finding.service ?? '',
  category: (finding) => CATEGORIES.indexOf(finding.category),
  layer: (finding) => LAYERS.indexOf(finding.layer),
  owner: (finding) => OWNERS.indexOf(finding.owner),
  account: (finding) => finding.accountId ?? '',
  region: (finding) => finding.region ?? '',
  format: (finding) => finding.sourceFormat,
  lastUpdated: (finding) => finding.lastUpdated ?? '',
};

/**
 * Sorts a copy of the findings. Ties keep the input order (Array.prototype.sort is stable), so equal
 * severities stay in file order.
 */
export function sortFindings(findings: readonly Finding[], order: SortOrder): Finding[] {
  const valueOf = SORT_VALUE[order.key];
  const sign = order.direction === 'asc' ? 1 : -1;
  const keyed = findings.map((finding, index) => ({ finding, index, value: valueOf(finding) }));
  keyed.sort((a, b) => {
    if (a.value < b.value) return -sign;
    if (a.value > b.value) return sign;
    return a.index - b.index;
  });
  return keyed.map((entry) => entry.finding);
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

function parseSort(value: string | null): SortOrder {
  if (!value) return DEFAULT_SORT;
  const direction: SortDirection = value.startsWith('-') ? 'desc' : 'asc';
  const key = value.replace(/^-/, '');
  return (SORT_KEYS as readonly string[]).includes(key) ? { key: key as SortKey, direction } : DEFAULT_SORT;
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
