/**
 * One string instance per distinct value for the fields that repeat across findings. Findings arrive from
 * the worker by structured clone, which gives every finding its own copy of every string. Without the pool,
 * a title repeated over 100k findings would be stored 100k times.
 */
import type { Finding } from '../model/finding';

/** Distinct values kept; past this the pool stops growing and new values stay as they arrived. */
const MAX_STRINGS = 500_000;

/** Text fields whose values repeat across findings. Ids and resource ids are nearly always unique. */
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
    for (let i = 0; i < finding.standards.length; i++) finding.standards[i] = this.share(finding.standards[i]);
    for (let i = 0; i < finding.cves.length; i++) finding.cves[i] = this.share(finding.cves[i]);
    for (const key of Object.keys(finding.tags)) finding.tags[key] = this.share(finding.tags[key]);
    return finding;
  }
}
