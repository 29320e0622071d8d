import type { ParsedFinding } from '../model/finding';

/**
 * Finding identity for deduplication: the source's own id together with the check or control and the
 * resource, because some exports reuse one placeholder id for different checks or resources.
 */
export function findingIdentity(finding: ParsedFinding): string {
  const check = finding.controlId ?? finding.checkId ?? '';
  return `${finding.id}\u0000${check}\u0000${finding.resourceId ?? ''}`;
}

/** True when a finding last updated at `candidate` is a newer version of one last updated at `current`. */
export function isNewer(candidate: string | null, current: string | null): boolean {
  const candidateTime = Date.parse(candidate ?? '');
  const currentTime = Date.parse(current ?? '');
  if (Number.isNaN(candidateTime)) return false;
  if (Number.isNaN(currentTime)) return true;
  return candidateTime > currentTime;
}
