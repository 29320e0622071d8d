/**
 * The closed vocabularies every finding is described with. Each is a tuple so that code can iterate the
 * values in display order and the union type stays in sync with it.
 */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'informational'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** open: failing or active; unknown: the source could not decide (ASFF WARNING, Prowler MANUAL). */
export const STATUSES = ['open', 'passed', 'suppressed', 'resolved', 'unknown'] as const;
export type Status = (typeof STATUSES)[number];

/** Service categories of the AWS Shared Responsibility Model; `unmapped` when no AWS service is known. */
export const CATEGORIES = ['infrastructure', 'container', 'abstract', 'unmapped'] as const;
export type Category = (typeof CATEGORIES)[number];
export type ServiceCategory = Exclude<Category, 'unmapped'>;
export const SERVICE_CATEGORIES: readonly ServiceCategory[] = ['infrastructure', 'container', 'abstract'];

export const LAYERS = [
  'customer_data',
  'platform_app',
  'os',
  'network_firewall',
  'client_side_encryption_integrity',
  'server_side_encryption',
  'network_traffic_protection',
  'iam',
  'secrets_credentials',
  'logging_monitoring',
  'resilience',
  'governance',
] as const;
export type Layer = (typeof LAYERS)[number];

export const OWNERS = ['customer', 'shared', 'aws'] as const;
export type Owner = (typeof OWNERS)[number];

export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  informational: 'Informational',
};

export const STATUS_LABELS: Record<Status, string> = {
  open: 'Open',
  passed: 'Passed',
  suppressed: 'Suppressed',
  resolved: 'Resolved',
  unknown: 'Unknown',
};

export const CATEGORY_LABELS: Record<Category, string> = {
  infrastructure: 'Infrastructure',
  container: 'Container',
  abstract: 'Abstract',
  unmapped: 'Unmapped',
};

export const LAYER_LABELS: Record<Layer, string> = {
  customer_data: 'Customer data',
  platform_app: 'Platform & application',
  os: 'Operating system',
  network_firewall: 'Network & firewall configuration',
  client_side_encryption_integrity: 'Client-side encryption & integrity',
  server_side_encryption: 'Server-side encryption',
  network_traffic_protection: 'Network traffic protection',
  iam: 'Identity & access management',
  secrets_credentials: 'Secrets & credentials',
  logging_monitoring: 'Logging & monitoring',
  resilience: 'Resilience',
  governance: 'Governance',
};

export const OWNER_LABELS: Record<Owner, string> = {
  customer: 'Customer',
  shared: 'Shared (AWS runs it, you configure it)',
  aws: 'AWS',
};

/** Severity rank for sorting and thresholds: larger is worse. */
export const SEVERITY_RANK: Record<Severity, number> = {
  critical: 4,
  high: 3,
  medium: 2,
  low: 1,
  informational: 0,
};

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** Compile-time exhaustiveness check for switches over the unions above. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}

/** Returns a record with one zero counter per member of a vocabulary. */
export function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  const counts = {} as Record<K, number>;
  for (const key of keys) counts[key] = 0;
  return counts;
}
