import type { Severity } from '../model/vocabulary';

const SEVERITY_WORDS: Record<string, Severity> = {
  critical: 'critical',
  crit: 'critical',
  high: 'high',
  error: 'high',
  danger: 'high',
  medium: 'medium',
  moderate: 'medium',
  warning: 'medium',
  low: 'low',
  minor: 'low',
  informational: 'informational',
  information: 'informational',
  info: 'informational',
  note: 'informational',
  none: 'informational',
  unknown: 'informational',
  untriaged: 'informational',
};

/** Maps a severity word of any tool (`HIGH`, `Danger`, `moderate`) to the vocabulary; unknown words give null. */
export function severityFromWord(value: unknown): Severity | null {
  if (typeof value !== 'string') return null;
  const key = value.trim().toLowerCase();
  // Own keys only: a word such as "constructor" must not reach Object.prototype.
  return Object.prototype.hasOwnProperty.call(SEVERITY_WORDS, key) ? SEVERITY_WORDS[key] : null;
}

/** ASFF `Severity.Normalized` (0-100) bands, as the ASFF documentation lists them. */
export function severityFromNormalized(score: number): Severity {
  if (score >= 90) return 'critical';
  if (score >= 70) return 'high';
  if (score >= 40) return 'medium';
  if (score >= 1) return 'low';
  return 'informational';
}

/** GuardDuty numeric severity (0.1-10): 9+ critical, 7-8.9 high, 4-6.9 medium, 1-3.9 low. */
export function severityFromGuardDuty(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score >= 1) return 'low';
  return 'informational';
}

/** CVSS base score bands (CVSS v3.1 specification). */
export function severityFromCvss(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'informational';
}
