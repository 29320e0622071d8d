/**
 * The service catalog: every AWS service (and deployment mode of a service) a finding can be placed on,
 * with its category in the AWS Shared Responsibility Model and the names each format uses for it.
 *
 * Most rows are generated from the reference service catalog (data/service-catalog.ts). This module adds
 * the deployment variants that table leaves out and the CloudFormation and Terraform type names, and
 * builds the lookups the classifier uses. When two rows list the same name (the `ec2` ARN namespace
 * covers EC2, EBS and VPC), the first row in catalog order wins unless PREFERRED_ROWS names another.
 * Resource types and ARN resource parts then pick the specific row.
 */
import type { ServiceCategory } from '../model/vocabulary';
import { CATALOG_ROWS } from './data/service-catalog';
import { TYPE_NAMES } from './resource-type-names';
import type { CatalogRow } from './table-rows';

export interface Service extends CatalogRow {
  /** CloudFormation type names, or prefixes ending in `::`. */
  cloudFormationTypes: readonly string[];
  /** Terraform resource type names, or prefixes ending in `_`. */
  terraformTypes: readonly string[];
  /** Key of the row this row is a deployment mode of, e.g. `ecs-ec2` for `ecs-fargate`. */
  variantOf: string | null;
}

/** Deployment modes the reference catalog does not list as rows of their own. */
const EXTRA_ROWS: readonly CatalogRow[] = [
  {
    key: 'lambda-image',
    name: 'AWS Lambda (container image or custom runtime)',
    category: 'abstract',
    arnNamespaces: [],
    controlPrefixes: [],
    prowlerServices: [],
    asffTypes: [],
    scoutSuiteKeys: [],
    note:
      'Functions packaged as container images or on a provided.* OS-only runtime: Lambda publishes patched ' +
      'base images, but the customer must rebuild and redeploy, so the runtime is not patched for them.',
  },
  {
    key: 'batch-fargate',
    name: 'AWS Batch (Fargate compute environments)',
    category: 'container',
    arnNamespaces: [],
    controlPrefixes: [],
    prowlerServices: [],
    asffTypes: [],
    scoutSuiteKeys: [],
    note: 'Fargate provisions and patches the compute; job definitions and container images stay with the customer.',
  },
  {
    key: 'data-pipeline',
    name: 'AWS Data Pipeline',
    category: 'abstract',
    arnNamespaces: ['datapipeline'],
    controlPrefixes: [],
    prowlerServices: ['datapipeline'],
    asffTypes: ['AwsDataPipeline*'],
    scoutSuiteKeys: [],
    note:
      'Managed workflow service reached through its API; pipeline definitions and their secrets are ' +
      'customer content.',
  },
];

/** Variant rows and the row they are a deployment mode of. */
const VARIANT_OF = new Map(Object.entries({
  'ecs-fargate': 'ecs-ec2',
  fargate: 'ecs-ec2',
  'eks-nodes': 'eks-control-plane',
  'eks-fargate': 'eks-control-plane',
  'rds-custom': 'rds',
  'lambda-image': 'lambda',
  'batch-fargate': 'batch-ec2',
}));

/** Extra names of existing rows that tools use but the reference catalog does not list. */
const EXTRA_TOOL_NAMES: Readonly<Record<string, readonly string[]>> = {
  ssm: ['ssmincidents'],
  cloudwatch: ['cloudwatchlogs'],
  config: ['configservice'],
  elb: ['elasticloadbalancingv2', 'alb', 'nlb'],
};

/**
 * Rows that win a shared name over the first row that lists it, by compact name.
 * - `account`: Organizations lists the prefix first, but Account.* controls concern the account settings.
 * - `eks`: the generic Fargate row lists the namespace before the EKS rows.
 * - `awsec2vpcendpointservice`: both the VPC and the PrivateLink row list the type.
 */
export const PREFERRED_ROWS: Readonly<Record<string, string>> = {
  account: 'account',
  eks: 'eks-control-plane',
  awsec2vpcendpointservice: 'privatelink',
};

export const SERVICES: readonly Service[] = [...CATALOG_ROWS, ...EXTRA_ROWS].map((row) => ({
  ...row,
  cloudFormationTypes: TYPE_NAMES[row.key]?.cloudFormation ?? [],
  terraformTypes: TYPE_NAMES[row.key]?.terraform ?? [],
  variantOf: VARIANT_OF.get(row.key) ?? null,
}));

const SERVICE_BY_KEY = new Map(SERVICES.map((service) => [service.key, service]));

export function serviceByKey(key: string): Service | undefined {
  return SERVICE_BY_KEY.get(key);
}

/** Returns the catalog row of `key`, and throws for a key that is not in the catalog (a programming error). */
export function requireService(key: string): Service {
  const service = SERVICE_BY_KEY.get(key);
  if (!service) throw new Error(`Service key "${key}" is not in the catalog`);
  return service;
}

export function categoryOf(key: string): ServiceCategory {
  return requireService(key).category;
}

/** Lower-cases a name and removes everything but letters and digits: `AWS::EC2::Volume` -> `awsec2volume`. */
export function compactName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Builds a name -> key index where the first row listing a name wins, unless PREFERRED_ROWS names a row. */
function indexNames(namesOf: (service: Service) => readonly string[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const service of SERVICES) {
    for (const name of namesOf(service)) {
      const compact = compactName(name);
      if (compact && !index.has(compact)) index.set(compact, service.key);
    }
  }
  for (const [name, key] of Object.entries(PREFERRED_ROWS)) {
    if (index.has(name)) index.set(name, key);
  }
  return index;
}

const BY_NAMESPACE = indexNames((service) => service.arnNamespaces);
const BY_CONTROL_PREFIX = indexNames((service) => service.controlPrefixes);

/**
 * Every name a tool may use for a service, in order of trust: Prowler `ServiceName`, ScoutSuite key,
 * ARN namespace, control prefix, then the catalog key itself.
 */
const TOOL_NAME_INDEXES: readonly Map<string, string>[] = [
  indexNames((service) => [...service.prowlerServices, ...(EXTRA_TOOL_NAMES[service.key] ?? [])]),
  indexNames((service) => service.scoutSuiteKeys),
  BY_NAMESPACE,
  BY_CONTROL_PREFIX,
  indexNames((service) => [service.key]),
];

/** Counts the rows that list each compact name. */
function countRows(namesOf: (service: Service) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const service of SERVICES) {
    for (const name of new Set(namesOf(service).map(compactName))) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

const CONTROL_PREFIX_ROWS = countRows((service) => service.controlPrefixes);
const PROWLER_SERVICE_ROWS = countRows((service) => service.prowlerServices);

/** Tells whether exactly one row lists the control prefix (`DocumentDB`), unlike `EC2` or `RDS`. */
export function isSingleRowControlPrefix(prefix: string): boolean {
  return CONTROL_PREFIX_ROWS.get(compactName(prefix)) === 1;
}

/** Tells whether exactly one row lists the Prowler service name (`documentdb`), unlike `ec2` or `rds`. */
export function isSingleRowProwlerService(name: string): boolean {
  return PROWLER_SERVICE_ROWS.get(compactName(name)) === 1;
}

/** Catalog key for an ARN namespace (`arn:aws:<namespace>:...`), or null. */
export function serviceForNamespace(namespace: string): string | null {
  return BY_NAMESPACE.get(compactName(namespace)) ?? null;
}

/** Catalog key for a Security Hub control prefix (`S3` in `S3.1`; case-insensitive), or null. */
export function serviceForControlPrefix(prefix: string): string | null {
  return BY_CONTROL_PREFIX.get(compactName(prefix)) ?? null;
}

/** Catalog key for a tool's own service name (Prowler `awslambda`, ScoutSuite `elbv2`, `EC2`), or null. */
export function serviceForToolName(name: string): string | null {
  const compact = compactName(name);
  for (const index of TOOL_NAME_INDEXES) {
    const key = index.get(compact);
    if (key) return key;
  }
  return null;
}

/** Returns the row a variant belongs to, or the row itself. */
export function baseServiceOf(key: string): string {
  return VARIANT_OF.get(key) ?? key;
}

/** Names that tie a row to its family: its own and those of the row it is a variant of. */
const FAMILY_NAMES = new Map(
  SERVICES.map((service) => {
    const rows = [service, serviceByKey(baseServiceOf(service.key)) ?? service];
    const names = rows.flatMap((row) => [...row.arnNamespaces, ...row.controlPrefixes, ...row.prowlerServices]);
    return [service.key, new Set(names.map(compactName))];
  }),
);

/**
 * Tells whether two rows belong to one service family, which they do when they share an ARN namespace,
 * a control prefix or a Prowler service name. EC2, EBS and VPC share `ec2`, and RDS and Aurora share
 * `rds`. A resource type may refine a control's or a check's row only within its family.
 */
export function sameFamily(a: string, b: string): boolean {
  if (a === b) return true;
  const namesA = FAMILY_NAMES.get(a);
  const namesB = FAMILY_NAMES.get(b);
  if (!namesA || !namesB) return false;
  for (const name of namesA) if (namesB.has(name)) return true;
  return false;
}
