/**
 * One string instance per distinct value for the fields that repeat across findings. Findings arrive from
 * the worker by structured clone, which gives every finding its own copy of every string. Without the pool,
 * a title repeated over 100k findings would be stored 100k times.
 */
import type { Finding } from '../model/finding';

/** Distinct values kept; past this the pool stops growing and new values stay as they arrived. */
const MAX_STRINGS = 500_000;

/**
 * Text fields whose values repeat across findings. Ids and resource ids are nearly always unique, and the
 * timestamps of one scan are often equal.
 */
const SHARED_FIELDS = [
  'title',
  'description',
  'status',
  'severity',
  'kind',
  'controlId',
  'checkId',
  'resourceType',
  'accountId',
  'region',
  'sourceTool',
  'remediation',
  'remediationUrl',
  'firstSeen',
  'lastUpdated',
  'service',
  'category',
  'layer',
  'secondaryLayer',
  'owner',
  'rule',
  'reason',
  'sourceFormat',
  'sourceFile',
] as const satisfies readonly (keyof Finding)[];

/** Shared empty values: most findings have no CVEs, and many no tags. Frozen, so a mutation fails loudly. */
const NO_STRINGS: string[] = Object.freeze([]) as unknown as string[];
const NO_TAGS: Record<string, string> = Object.freeze({});

export class StringPool {
  private readonly strings = new Map<string, string>();

  share<T extends string | null>(value: T): T {
    if (value === null) return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known as T;
    if (this.strings.size < MAX_STRINGS) this.strings.set(value, value);
    return value;
  }

  /** Replaces, in place, the repeated strings of a finding with the pool's instances. */
  shareFinding(finding: Finding): Finding {
    const fields = finding as unknown as Record<(typeof SHARED_FIELDS)[number], string | null>;
    for (const field of SHARED_FIELDS) fields[field] = this.share(fields[field]);
    finding.standards = this.shareAll(finding.standards);
    finding.cves = this.shareAll(finding.cves);
    const keys = Object.keys(finding.tags);
    if (keys.length === 0) finding.tags = NO_TAGS;
    for (const key of keys) finding.tags[key] = this.share(finding.tags[key]);
    finding.hints = NO_TAGS;
    return finding;
  }

  private shareAll(values: string[]): string[] {
    if (values.length === 0) return NO_STRINGS;
    for (let i = 0; i < values.length; i++) values[i] = this.share(values[i]);
    return values;
  }
}
