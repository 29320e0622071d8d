import type { ParsedFinding } from '../model/finding';

/**
 * Masks secret values in every text field of a finding before it enters the dataset, so a leaked key in
 * a description, user data or a raw record never reaches the screen, a report or an export.
 */
export function sanitiseFinding(finding: ParsedFinding): ParsedFinding {
  // TODO: apply maskSecretsInText from src/formats/mask.ts once that module lands.
  return finding;
}
