import type { ParsedFinding } from '../model/finding';
import { maskSecretsInText } from '../formats/mask';

/**
 * Masks secret values, in place, in every text field of a finding before it enters the dataset. A leaked key
 * in a description, user data, a tag or a raw record then never reaches the screen, a report or an export.
 * Formats that know their secret (scanner matches) mask it already, and this pass catches the rest.
 */
export function sanitiseFinding(finding: ParsedFinding): ParsedFinding {
  // In place: the finding was just built by a format, and a copy per finding costs measurable time at 100k+.
  finding.title = maskSecretsInText(finding.title);
  finding.description = maskSecretsInText(finding.description);
  finding.remediation = finding.remediation === null ? null : maskSecretsInText(finding.remediation);
  finding.resourceId = finding.resourceId === null ? null : maskSecretsInText(finding.resourceId);
  finding.tags = maskedTags(finding.tags);
  finding.raw = maskSecretsInText(finding.raw);
  return finding;
}

/** Returns the tags with secrets masked: the same object when no key or value changes, which is the usual case. */
function maskedTags(tags: Record<string, string>): Record<string, string> {
  const keys = Object.keys(tags);
  let changed = false;
  for (const key of keys) {
    if (maskSecretsInText(key) !== key || maskSecretsInText(tags[key]) !== tags[key]) {
      changed = true;
      break;
    }
  }
  if (!changed) return tags;
  // fromEntries defines own properties, so a tag named `__proto__` stays a tag.
  return Object.fromEntries(keys.map((key) => [maskSecretsInText(key), maskSecretsInText(tags[key])]));
}
