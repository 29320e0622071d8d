import type { ParsedFinding } from '../model/finding';

/**
 * Finding identity for deduplication: the source's own id together with the check or control and the
 * resource, because some exports reuse one placeholder id for different checks or resources.
 */
export function findingIdentity(finding: ParsedFinding): string {
  const check = finding.controlId ?? finding.checkId ?? '';
  return `${finding.id}\u0000${check}\u0000${finding.resourceId ?? ''}`;
}

/** True when `candidate` is a newer version than `current`, by last update time. */
export function isNewer(candidate: ParsedFinding, current: ParsedFinding): boolean {
  const candidateTime = Date.parse(candidate.lastUpdated ?? '');
  const currentTime = Date.parse(current.lastUpdated ?? '');
  if (Number.isNaN(candidateTime)) return false;
  if (Number.isNaN(currentTime)) return true;
  return candidateTime > currentTime;
}
