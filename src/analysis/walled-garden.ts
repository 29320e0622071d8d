/**
 * The walled-garden analysis: how well the account keeps its secrets private, as six practices with a
 * status each. A finding matches a practice when one of the practice's rule rows matches it, and one
 * finding may match several practices.
 *
 * Status of a practice: `at_risk` when at least one matching finding is open, else `ok` when at least one
 * matching finding passed, else `no_evidence`. Suppressed, resolved and unknown findings count as neither
 * open nor passed. A suppressed finding is an accepted risk, a resolved one describes an earlier state,
 * and an unknown one was not decided, so none of them shows that the practice is met today. They are
 * counted as `unsettled`, so that the view can show them.
 */
import type { Finding } from '../model/finding';
import { SEVERITY_RANK, assertNever } from '../model/vocabulary';
import { PRACTICES, type Practice } from './walled-garden-practices';
import { RULE_SOURCES, type PracticeId, type PracticeRule, type RuleSource } from './walled-garden-rules';

export { PRACTICES, isPracticeId, type Practice } from './walled-garden-practices';
export { PRACTICE_IDS, PRACTICE_RULES, type PracticeId, type PracticeRule } from './walled-garden-rules';

export const PRACTICE_STATUSES = ['at_risk', 'ok', 'no_evidence'] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

/** One rule row that matched a finding. */
export interface RuleMatch {
  practice: PracticeId;
  rule: PracticeRule;
}

/** An open finding that puts a practice at risk, with the first rule row of the practice that matched. */
export interface PracticeFinding {
  finding: Finding;
  rule: PracticeRule;
}

export interface PracticeResult {
  practice: Practice;
  status: PracticeStatus;
  open: number;
  passed: number;
  /** Matching findings that are suppressed, resolved or unknown. */
  unsettled: number;
  /** The open matching findings, worst severity first. Equal severities keep the input order. */
  openFindings: PracticeFinding[];
}

/** The `walledGarden` member of the `summary --json` document. */
export interface WalledGardenSummary {
  practices: { id: PracticeId; title: string; status: PracticeStatus; open: number; passed: number }[];
}

// ---------------------------------------------------------------------------------------------------------
// Matching

interface CompiledRule {
  practice: PracticeId;
  rule: PracticeRule;
  /** Position across all tables, so matches come out in table order. */
  order: number;
  resourceType: RegExp | null;
}

/** Rows without `*` are looked up by their lower-cased pattern. Rows with `*` are tested one by one. */
interface RuleIndex {
  exact: Record<RuleSource, Map<string, CompiledRule[]>>;
  wildcard: Record<RuleSource, { pattern: RegExp; compiled: CompiledRule }[]>;
}

/** Compiles a rule pattern: `*` matches any run of characters, the rest literally, ignoring case. */
export function patternToRegExp(pattern: string): RegExp {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`, 'is');
}

function buildIndex(practices: readonly Practice[]): RuleIndex {
  const exact = {} as RuleIndex['exact'];
  const wildcard = {} as RuleIndex['wildcard'];
  for (const source of RULE_SOURCES) {
    exact[source] = new Map();
    wildcard[source] = [];
  }

  let order = 0;
  for (const practice of practices) {
    for (const rule of practice.rules) {
      const compiled: CompiledRule = {
        practice: practice.id,
        rule,
        order: order++,
        resourceType: rule.resourceType ? patternToRegExp(rule.resourceType) : null,
      };
      if (rule.pattern.includes('*')) {
        wildcard[rule.source].push({ pattern: patternToRegExp(rule.pattern), compiled });
      } else {
        const key = rule.pattern.toLowerCase();
        const rows = exact[rule.source].get(key) ?? [];
        rows.push(compiled);
        exact[rule.source].set(key, rows);
      }
    }
  }
  return { exact, wildcard };
}

const INDEX = buildIndex(PRACTICES);

/** Prowler's ASFF output writes `GeneratorId` as `prowler-<check id>`. */
const PROWLER_PREFIX = 'prowler-';

/**
 * GuardDuty types carried in ASFF `Types[]`, where the last path segment spells the type with `-` in place
 * of `/` (`TTPs/Persistence/Persistence:IAMUser-NetworkPermissions`).
 */
function guardDutyTypesFromAsff(types: readonly string[] | undefined): string[] {
  const result: string[] = [];
  for (const type of types ?? []) {
    // Positions in `type` itself, so that types without a colon in the last segment cost no copy.
    const lastSegment = type.lastIndexOf('/') + 1;
    const colon = type.indexOf(':', lastSegment);
    if (colon <= lastSegment) continue;
    const dash = type.indexOf('-', colon);
    if (dash > colon) result.push(`${type.slice(lastSegment, dash)}/${type.slice(dash + 1)}`);
  }
  return result;
}

/** Security Hub standard of a CIS finding: `ruleset/cis-aws-foundations-benchmark/v/1.2.0`. */
const CIS_STANDARD = /cis-aws-foundations-benchmark\/v\/(\d+(?:\.\d+)*)/;

/** Prefixes the control id of a CIS finding with each CIS version among its standards (`1.2.0/1.4`). */
function cisControls(finding: Finding): string[] {
  const controls: string[] = [];
  if (finding.controlId === null) return controls;
  for (const standard of finding.standards) {
    const version = CIS_STANDARD.exec(standard)?.[1];
    if (version !== undefined) controls.push(`${version}/${finding.controlId}`);
  }
  return controls;
}

/** Lists the values a finding offers to the rows of one source. */
function valuesFor(finding: Finding, source: RuleSource): (string | null | undefined)[] {
  switch (source) {
    case 'control':
      return [finding.controlId];
    case 'cis':
      return cisControls(finding);
    case 'check': {
      const checkId = finding.checkId;
      return [checkId?.startsWith(PROWLER_PREFIX) ? checkId.slice(PROWLER_PREFIX.length) : checkId];
    }
    case 'threat':
      return [finding.hints.threatType, ...guardDutyTypesFromAsff(finding.hints.types)];
    case 'iac':
      return finding.kind === 'iac' ? [finding.checkId] : [];
    case 'iac_title':
      return finding.kind === 'iac' ? [finding.title] : [];
    case 'kind':
      return [finding.kind];
    case 'tool':
      return [finding.sourceTool, finding.hints.productName];
    default:
      return assertNever(source);
  }
}

function resourceTypeMatches(finding: Finding, pattern: RegExp): boolean {
  if (finding.resourceType !== null && pattern.test(finding.resourceType)) return true;
  return (finding.hints.resourceTypes ?? []).some((type) => typeof type === 'string' && pattern.test(type));
}

/**
 * Rows of each source that match a field value, before their resource type check, by value. Exports
 * repeat one control, check or tool over many findings, so each distinct value runs the patterns once.
 * A memo starts over when full, which bounds it.
 */
const VALUE_MATCHES = Object.fromEntries(RULE_SOURCES.map((source) => [source, new Map<string, readonly CompiledRule[]>()])) as Record<
  RuleSource,
  Map<string, readonly CompiledRule[]>
>;
const MAX_MEMO_VALUES = 10_000;

function rowsMatching(source: RuleSource, value: string): readonly CompiledRule[] {
  const memo = VALUE_MATCHES[source];
  let rows = memo.get(value);
  if (rows === undefined) {
    const found = [...(INDEX.exact[source].get(value.toLowerCase()) ?? [])];
    for (const { pattern, compiled } of INDEX.wildcard[source]) {
      if (pattern.test(value)) found.push(compiled);
    }
    rows = found;
    if (memo.size >= MAX_MEMO_VALUES) memo.clear();
    memo.set(value, rows);
  }
  return rows;
}

/** Returns every compiled rule row that matches the finding, in table order and without repeats. */
function matchingRows(finding: Finding): CompiledRule[] {
  const hits: CompiledRule[] = [];
  for (const source of RULE_SOURCES) {
    for (const value of valuesFor(finding, source)) {
      if (typeof value !== 'string' || value === '') continue;
      for (const compiled of rowsMatching(source, value)) {
        if (compiled.resourceType && !resourceTypeMatches(finding, compiled.resourceType)) continue;
        hits.push(compiled);
      }
    }
  }
  if (hits.length < 2) return hits;
  // Two values of a finding (its tool and product names) may match the same row.
  hits.sort((a, b) => a.order - b.order);
  return hits.filter((compiled, index) => index === 0 || hits[index - 1].order !== compiled.order);
}

/** Finds every rule row, of every practice, that matches the finding, in table order and without repeats. */
export function matchFinding(finding: Finding): RuleMatch[] {
  return matchingRows(finding).map(({ practice, rule }) => ({ practice, rule }));
}

/**
 * Keeps the first matching rule row of each practice the finding matches. `order` numbers the rows of
 * one practice consecutively, so in table order the rows of a practice are adjacent.
 */
function firstMatchPerPractice(finding: Finding): CompiledRule[] {
  const rows = matchingRows(finding);
  if (rows.length < 2) return rows;
  return rows.filter((compiled, index) => index === 0 || rows[index - 1].practice !== compiled.practice);
}

const practiceIdCache = new WeakMap<Finding, PracticeId[]>();

/** Returns the practices a finding is evidence for, in table order; cached per finding for the table filter. */
export function practiceIdsOf(finding: Finding): PracticeId[] {
  let ids = practiceIdCache.get(finding);
  if (!ids) {
    ids = [...new Set(matchFinding(finding).map((match) => match.practice))];
    practiceIdCache.set(finding, ids);
  }
  return ids;
}

/** Tests whether any rule row of the practice matches the finding, for filtering the findings table. */
export function matchesPractice(finding: Finding, practiceId: PracticeId): boolean {
  return matchFinding(finding).some((match) => match.practice === practiceId);
}

// ---------------------------------------------------------------------------------------------------------
// Evaluation

interface Tally {
  open: PracticeFinding[];
  passed: number;
  unsettled: number;
}

export function practiceStatus(open: number, passed: number): PracticeStatus {
  if (open > 0) return 'at_risk';
  if (passed > 0) return 'ok';
  return 'no_evidence';
}

function countInto(tally: Tally, finding: Finding, rule: PracticeRule): void {
  switch (finding.status) {
    case 'open':
      tally.open.push({ finding, rule });
      return;
    case 'passed':
      tally.passed++;
      return;
    case 'suppressed':
    case 'resolved':
    case 'unknown':
      tally.unsettled++;
      return;
    default:
      assertNever(finding.status);
  }
}

/** Sorts by severity, worst first. Array.prototype.sort is stable, so equal severities keep the input order. */
function worstFirst(entries: PracticeFinding[]): PracticeFinding[] {
  return [...entries].sort((a, b) => SEVERITY_RANK[b.finding.severity] - SEVERITY_RANK[a.finding.severity]);
}

/** Evaluates every practice over the findings, in display order. */
export function evaluateWalledGarden(findings: readonly Finding[]): PracticeResult[] {
  const tallies = new Map<PracticeId, Tally>(
    PRACTICES.map((practice) => [practice.id, { open: [], passed: 0, unsettled: 0 }]),
  );

  for (const finding of findings) {
    for (const { practice, rule } of firstMatchPerPractice(finding)) {
      const tally = tallies.get(practice);
      if (tally) countInto(tally, finding, rule);
    }
  }

  return PRACTICES.map((practice) => {
    const tally = tallies.get(practice.id) ?? { open: [], passed: 0, unsettled: 0 };
    return {
      practice,
      status: practiceStatus(tally.open.length, tally.passed),
      open: tally.open.length,
      passed: tally.passed,
      unsettled: tally.unsettled,
      openFindings: worstFirst(tally.open),
    };
  });
}

/** Builds the `walledGarden` object of `summary --json`: id, title, status and counts of each practice. */
export function walledGardenSummary(findings: readonly Finding[]): WalledGardenSummary {
  return {
    practices: evaluateWalledGarden(findings).map((result) => ({
      id: result.practice.id,
      title: result.practice.title,
      status: result.status,
      open: result.open,
      passed: result.passed,
    })),
  };
}

/**
 * Returns the results with the passed counts (and so the statuses) of `counts`, a summary of every finding
 * read. A report that leaves passed findings out still judges each practice on all of them.
 */
export function withSummaryCounts(results: readonly PracticeResult[], counts: WalledGardenSummary): PracticeResult[] {
  const passedById = new Map(counts.practices.map((practice) => [practice.id, practice.passed]));
  return results.map((result) => {
    const passed = Math.max(result.passed, passedById.get(result.practice.id) ?? 0);
    return { ...result, passed, status: practiceStatus(result.open, passed) };
  });
}
