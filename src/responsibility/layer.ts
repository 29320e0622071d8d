/**
 * Chooses the layer of a finding. First match wins:
 *
 * 1. the FSBP control table (336 controls),
 * 2. a Resource Tagging standard control (governance),
 * 3. the Prowler check table (645 checks), then the ScoutSuite rule table,
 * 4. product rules: Inspector and other vulnerabilities, Macie, GuardDuty, IAM Access Analyzer,
 *    secret scanners, sensitive-data findings,
 * 5. ordered keyword rules on the title and rule ids, then on the description,
 * 6. ASFF `Types` and Prowler `Categories`,
 * 7. the default, platform & application, flagged for review.
 */
import type { ParsedFinding } from '../model/finding';
import { LAYER_LABELS, type Layer } from '../model/vocabulary';
import { keywordRule, typeOrCategoryRule } from './keyword-rules';
import type { LayerDecision } from './layer-decision';
import { productRule } from './product-rules';
import { findScoutSuiteRule } from './scoutsuite-rules';
import type { TableEntry } from './tables';
import type { FsbpControlRow, ProwlerCheckRow } from './table-rows';

const DEFAULT_LAYER: Layer = 'platform_app';
const TAGGING_STANDARD = /tagging/i;
const TAGGING_TITLE = /\bshould be tagged\b|\btags?\b/i;

export function chooseLayer(
  finding: ParsedFinding,
  service: string | null,
  control: TableEntry<FsbpControlRow> | undefined,
  check: TableEntry<ProwlerCheckRow> | undefined,
): LayerDecision {
  if (control) return tableDecision(control, finding.controlId, controlDecision);
  const tagging = taggingDecision(finding);
  if (tagging) return tagging;
  if (check) return tableDecision(check, finding.checkId, checkDecision);
  const scoutSuite = scoutSuiteDecision(finding);
  if (scoutSuite) return scoutSuite;
  return (
    productRule(finding, service) ??
    keywordRule(finding) ??
    typeOrCategoryRule(finding, service) ??
    defaultDecision()
  );
}

/**
 * Decisions from the control and check tables, by table entry and the id as the finding wrote it. The
 * findings of one control then share one decision and one reason string instead of a copy each.
 * Spellings beyond MAX_SPELLINGS per entry (ids that differ only in case) are decided without keeping them.
 */
const TABLE_DECISIONS = new Map<object, Map<string, LayerDecision>>();
const MAX_SPELLINGS = 16;

function tableDecision<Row>(
  entry: TableEntry<Row>,
  findingId: string | null,
  decide: (entry: TableEntry<Row>, findingId: string | null) => LayerDecision,
): LayerDecision {
  if (findingId === null) return decide(entry, findingId);
  let bySpelling = TABLE_DECISIONS.get(entry);
  if (bySpelling === undefined) {
    bySpelling = new Map();
    TABLE_DECISIONS.set(entry, bySpelling);
  }
  let decision = bySpelling.get(findingId);
  if (decision === undefined) {
    decision = decide(entry, findingId);
    if (bySpelling.size < MAX_SPELLINGS) bySpelling.set(findingId, decision);
  }
  return decision;
}

function defaultDecision(): LayerDecision {
  const label = LAYER_LABELS[DEFAULT_LAYER];
  const reason = `No table, product or keyword rule matched, so the finding is placed on ${label} and needs review.`;
  return { layer: DEFAULT_LAYER, secondaryLayer: null, rule: 'default', reason };
}

function controlDecision(entry: TableEntry<FsbpControlRow>, controlId: string | null): LayerDecision {
  const { row } = entry;
  const name = renamed(controlId, row.id);
  const listed = `Control ${name} is listed under ${LAYER_LABELS[row.layer]} in the FSBP control table (${row.title})`;
  const reason = entry.correction
    ? `${listed}, but this project places it under ${LAYER_LABELS[entry.layer]} because ${entry.correction}.`
    : `${listed}.`;
  return { layer: entry.layer, secondaryLayer: entry.secondaryLayer, rule: `control:${row.id}`, reason };
}

/** Formats the id as the finding wrote it, adding the table id when an older name was looked up. */
function renamed(findingId: string | null, tableId: string): string {
  const id = findingId?.trim().replace(/^prowler-/i, '') ?? tableId;
  return id.toLowerCase() === tableId.toLowerCase() ? tableId : `${id} (now ${tableId})`;
}

/** Controls of the AWS Resource Tagging standard are not in the FSBP table; all of them check tags. */
function taggingDecision(finding: ParsedFinding): LayerDecision | null {
  if (!finding.controlId) return null;
  const inTaggingStandard = finding.standards.some((standard) => TAGGING_STANDARD.test(standard));
  if (!inTaggingStandard && !TAGGING_TITLE.test(finding.title)) return null;
  const reason = `Control ${finding.controlId} checks resource tags, which is ${LAYER_LABELS.governance}.`;
  return { layer: 'governance', secondaryLayer: null, rule: `tagging:${finding.controlId}`, reason };
}

function checkDecision(entry: TableEntry<ProwlerCheckRow>, checkId: string | null): LayerDecision {
  const { row } = entry;
  const source = row.layerFromFsbp
    ? `from FSBP ${row.fsbpIds.join(', ')}`
    : 'set by a keyword rule when the table was built';
  const name = renamed(checkId, row.id);
  const label = LAYER_LABELS[row.layer];
  const listed = `Prowler check ${name} is listed under ${label} in the Prowler check table (layer ${source})`;
  const reason = entry.correction
    ? `${listed}, but this project places it under ${LAYER_LABELS[entry.layer]} because ${entry.correction}.`
    : `${listed}.`;
  return { layer: entry.layer, secondaryLayer: entry.secondaryLayer, rule: `prowler:${row.id}`, reason };
}

function scoutSuiteDecision(finding: ParsedFinding): LayerDecision | null {
  for (const ruleKey of [finding.hints.ruleKey, finding.checkId]) {
    const rule = ruleKey ? findScoutSuiteRule(ruleKey) : undefined;
    if (!rule) continue;
    const label = LAYER_LABELS[rule.layer];
    const reason = `ScoutSuite rule ${ruleKey} is listed under ${label} in the ScoutSuite rule table.`;
    return { layer: rule.layer, secondaryLayer: rule.secondaryLayer, rule: `scoutsuite:${rule.key}`, reason };
  }
  return null;
}
