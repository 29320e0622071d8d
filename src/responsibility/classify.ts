/**
 * Places a finding on the AWS Shared Responsibility Model: the AWS service (catalog row), its category,
 * the layer of that service's stack, the owner of that layer, the rule that decided and a sentence a
 * reviewer can check. All tables are built when the module loads; a call does map lookups and, only
 * for findings no table covers, runs the precompiled keyword patterns.
 */
import type { Classification, ParsedFinding } from '../model/finding';
import type { Category } from '../model/vocabulary';
import { categoryOf } from './catalog';
import { chooseLayer } from './layer';
import { chooseOwner } from './owner-rules';
import { chooseService, type ServiceChoice } from './service';
import { findCheck, findControl } from './tables';

export { SERVICES, serviceByKey, type Service } from './catalog';
export { ownerFor, OWNER_MATRIX } from './owner-matrix';

export function classify(finding: ParsedFinding): Classification {
  const control = finding.controlId ? findControl(finding.controlId) : undefined;
  const check = finding.checkId ? findCheck(finding.checkId) : undefined;

  const service = chooseService(finding, control, check);
  const category: Category = service.key ? categoryOf(service.key) : 'unmapped';
  const layer = chooseLayer(finding, service.key, control, check);
  const owner = chooseOwner({ finding, service: service.key, layer }, category);

  return {
    service: service.key,
    category,
    layer: layer.layer,
    secondaryLayer: layer.secondaryLayer,
    owner: owner.owner,
    rule: layer.rule,
    reason: composeReason(layer.reason, owner.override, service),
  };
}

/**
 * Joins the layer's reason with the clauses a reviewer needs besides it: the fact that chose a
 * deployment variant, why the owner differs from the matrix, and why no AWS service was named.
 */
function composeReason(layerReason: string, ownerOverride: string | null, service: ServiceChoice): string {
  // Most findings need no clause but the layer's, and returning its string lets them share it.
  if (service.key && !service.variantFact) {
    if (!ownerOverride) return layerReason.endsWith('.') ? layerReason : `${layerReason}.`;
    return reasonWithOverride(layerReason, ownerOverride);
  }
  return joinClauses(layerReason, ownerOverride, service);
}

/**
 * Reasons of an AWS service finding whose owner differs from the matrix, by layer reason and override.
 * Both are usually the same strings for many findings (a rule's sentence and an owner rule's rationale),
 * so a lookup is cheap and the findings share the result. A memo starts over when full, which bounds it.
 */
const REASONS_WITH_OVERRIDE = new Map<string, Map<string, string>>();
const MAX_MEMO_REASONS = 1000;

function reasonWithOverride(layerReason: string, ownerOverride: string): string {
  let byOverride = REASONS_WITH_OVERRIDE.get(layerReason);
  if (byOverride === undefined) {
    if (REASONS_WITH_OVERRIDE.size >= MAX_MEMO_REASONS) REASONS_WITH_OVERRIDE.clear();
    byOverride = new Map();
    REASONS_WITH_OVERRIDE.set(layerReason, byOverride);
  }
  let reason = byOverride.get(ownerOverride);
  if (reason === undefined) {
    reason = `${layerReason.replace(/\.$/, '')}; the owner differs from the matrix because ${ownerOverride}.`;
    byOverride.set(ownerOverride, reason);
  }
  return reason;
}

function joinClauses(layerReason: string, ownerOverride: string | null, service: ServiceChoice): string {
  const clauses = [layerReason.replace(/\.$/, '')];
  if (service.key && service.variantFact) clauses.push(`the service is ${service.key} because ${service.variantFact}`);
  if (ownerOverride) clauses.push(`the owner differs from the matrix because ${ownerOverride}`);
  if (!service.key) clauses.push(`no AWS service is named because ${service.evidence}`);
  return `${clauses.join('; ')}.`;
}
