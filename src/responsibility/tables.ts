/**
 * Lookups over the generated FSBP control and Prowler check tables, built once at load: each entry
 * carries its layer, an optional secondary layer and the catalog row it concerns.
 *
 * The row of a control comes from, in order: a pin below, the first AWS Config type it evaluates that
 * belongs to the family of its prefix (EC2.3 evaluates `AWS::EC2::Volume`, so EBS), then the prefix.
 * The row of a check comes from a pin, then its Prowler service name when only one row has that name
 * (`documentdb`). Next come its Prowler resource type and its FSBP control. Last is its service name
 * refined by the resource word of the check id, so `ec2_securitygroup_*` is VPC.
 *
 * A row is pinned when a pin or a name that only one row has decided it. A resource type of the
 * finding may not replace a pinned row, because DocumentDB clusters arrive as `AwsRdsDbCluster`,
 * which would otherwise turn them into Aurora.
 */
import type { Layer } from '../model/vocabulary';
import {
  isSingleRowControlPrefix,
  isSingleRowProwlerService,
  sameFamily,
  serviceForControlPrefix,
  serviceForToolName,
} from './catalog';
import { FSBP_CONTROLS } from './data/fsbp-controls';
import { PROWLER_CHECKS } from './data/prowler-checks';
import { refineEc2Family, serviceForResourceType } from './resource-types';
import type { FsbpControlRow, ProwlerCheckRow } from './table-rows';

export interface TableEntry<Row> {
  row: Row;
  layer: Layer;
  secondaryLayer: Layer | null;
  /** Catalog key of the row the entry concerns, or null when the table names no catalog row. */
  service: string | null;
  /** True when the service is fixed: a resource type of the finding must not replace it. */
  servicePinned: boolean;
  /** Reason this project keeps another layer than the table, or null when it keeps the table's. */
  correction: string | null;
}

/** Controls and checks whose row the table columns do not give, by lower-case id. */
const SERVICE_PINS: Readonly<Record<string, string>> = {
  // Systems Manager reports the state of the managed EC2 instance's operating system.
  'ssm.1': 'ec2',
  'ssm.2': 'ec2',
  'ssm.3': 'ec2',
  ssm_managed_compliant_patching: 'ec2',
  // Only Fargate services have a Fargate platform version.
  'ecs.10': 'ecs-fargate',
  ecs_service_fargate_latest_platform_version: 'ecs-fargate',
  // EC2 controls without an AWS Config type, by the resource their title names.
  'ec2.1': 'ebs',
  'ec2.7': 'ebs',
  'ec2.20': 'vpn',
  'ec2.21': 'vpc',
  'ec2.23': 'transit-gateway',
  'ec2.51': 'vpn',
  'ec2.55': 'privatelink',
  'ec2.56': 'privatelink',
  'ec2.57': 'privatelink',
  'ec2.58': 'privatelink',
  'ec2.60': 'privatelink',
  'ec2.171': 'vpn',
  'ec2.172': 'vpc',
  // DynamoDB.7 concerns DAX clusters, which run in the customer's subnets.
  'dynamodb.7': 'dax',
};

/**
 * Second layers for findings that sit on two rows: public S3 access is a data exposure made through
 * a resource policy, and instance metadata settings protect credentials on the instance.
 */
const SECONDARY_LAYERS: Readonly<Record<string, Layer>> = {
  's3.1': 'iam',
  's3.2': 'iam',
  's3.3': 'iam',
  's3.8': 'iam',
  's3.19': 'iam',
  's3.24': 'iam',
  'ec2.8': 'os',
  'ec2.170': 'os',
  'autoscaling.3': 'os',
};

/** Database ports open to the internet also expose the data behind them. */
const DATABASE_ENGINES = 'mysql|postgres|oracle|sql_?server|mongodb|redis|memcached|cassandra|elasticsearch|kafka';
const OPEN_PORT_CHECK = 'securitygroup_allow_ingress_from_internet_to|instance_port';
const DATABASE_PORT_CHECK = new RegExp(`(${OPEN_PORT_CHECK})_.*(${DATABASE_ENGINES})`);

/** Table rows where this project keeps a different layer, by lower-case id. */
export const LAYER_CORRECTIONS: Readonly<Record<string, { layer: Layer; rationale: string }>> = {
  awslambda_function_using_cross_account_layers: {
    layer: 'platform_app',
    rationale: 'layers shared from another account are third-party code in the function, a supply-chain risk',
  },
  autoscaling_group_using_ec2_launch_template: {
    layer: 'platform_app',
    rationale: 'FSBP AutoScaling.9 checks the same setting and sits on platform & application',
  },
};

function controlService(row: FsbpControlRow): { service: string | null; pinned: boolean } {
  const pin = SERVICE_PINS[row.id.toLowerCase()];
  if (pin) return { service: pin, pinned: true };
  const prefix = row.id.split('.')[0];
  const prefixService = serviceForControlPrefix(prefix);
  for (const type of row.configTypes) {
    const typeService = serviceForResourceType(type);
    if (typeService && isResourceRow(typeService, prefixService)) return { service: typeService, pinned: false };
  }
  return { service: prefixService, pinned: isSingleRowControlPrefix(prefix) };
}

/**
 * Tells whether a resource type's row may stand for a control's or check's row, which needs the same
 * family. The account row never does, because `AWS account` scope means the control is evaluated once
 * per account, not that it concerns the account settings.
 */
export function isResourceRow(resourceService: string, tableService: string | null): boolean {
  if (resourceService === 'account' && tableService !== 'account') return false;
  return !tableService || sameFamily(resourceService, tableService);
}

function entryOf<Row extends { id: string; layer: Layer }>(
  row: Row,
  service: { service: string | null; pinned: boolean },
  secondaryLayer: Layer | null,
): TableEntry<Row> {
  const correction = LAYER_CORRECTIONS[row.id.toLowerCase()];
  return {
    row,
    layer: correction?.layer ?? row.layer,
    secondaryLayer,
    service: service.service,
    servicePinned: service.pinned,
    correction: correction?.rationale ?? null,
  };
}

const CONTROLS = new Map(
  FSBP_CONTROLS.map((row) => {
    const id = row.id.toLowerCase();
    return [id, entryOf(row, controlService(row), SECONDARY_LAYERS[id] ?? null)];
  }),
);

function checkService(row: ProwlerCheckRow): { service: string | null; pinned: boolean } {
  const pin = SERVICE_PINS[row.id.toLowerCase()];
  if (pin) return { service: pin, pinned: true };
  const named = serviceForToolName(row.serviceName);
  if (named && isSingleRowProwlerService(row.serviceName)) return { service: named, pinned: true };
  const typeService = serviceForResourceType(row.resourceType);
  if (typeService && isResourceRow(typeService, named)) return { service: typeService, pinned: false };
  for (const fsbpId of row.fsbpIds) {
    const control = CONTROLS.get(fsbpId.toLowerCase());
    if (control?.service) return { service: control.service, pinned: false };
  }
  const resourceWords = row.id.slice(row.serviceName.length + 1);
  return { service: named ? refineEc2Family(named, resourceWords) : typeService, pinned: false };
}

function checkSecondaryLayer(row: ProwlerCheckRow): Layer | null {
  for (const fsbpId of row.fsbpIds) {
    const layer = SECONDARY_LAYERS[fsbpId.toLowerCase()];
    if (layer) return layer;
  }
  if (row.categories.includes('ec2-imdsv1')) return 'os';
  if (row.layer === 'customer_data' && row.serviceName === 's3' && row.id.includes('public')) return 'iam';
  if (DATABASE_PORT_CHECK.test(row.id)) return 'customer_data';
  return null;
}

const CHECKS = new Map(
  PROWLER_CHECKS.map((row) => [row.id.toLowerCase(), entryOf(row, checkService(row), checkSecondaryLayer(row))]),
);

/**
 * Control ids of the per-standard findings before Security Hub consolidated them, by lower-case id.
 * `ELBv2.1` (redirect HTTP to HTTPS) became `ELB.1`.
 */
const LEGACY_CONTROL_IDS = new Map([['elbv2.1', 'elb.1']]);

/** Finds the FSBP control table entry for a control id, ignoring case (`Autoscaling.5`, `OpenSearch.1`). */
export function findControl(controlId: string): TableEntry<FsbpControlRow> | undefined {
  const id = controlId.trim().toLowerCase();
  return CONTROLS.get(LEGACY_CONTROL_IDS.get(id) ?? id);
}

/**
 * Prowler 3 check ids that later releases renamed, by lower-case id. The `iam_disable_<n>_days_credentials`
 * checks covered unused passwords and keys, which now have a check each on the same layer.
 */
const LEGACY_CHECK_IDS = new Map(Object.entries({
  ec2_securitygroup_allow_ingress_from_internet_to_port_mongodb_27017_27018:
    'ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_mongodb_27017_27018',
  ec2_securitygroup_allow_ingress_from_internet_to_tcp_ftp_port_20_21:
    'ec2_securitygroup_allow_ingress_from_internet_to_tcp_port_ftp_20_21',
  iam_disable_30_days_credentials: 'iam_user_accesskey_unused',
  iam_disable_45_days_credentials: 'iam_user_accesskey_unused',
  iam_disable_90_days_credentials: 'iam_user_accesskey_unused',
  iam_policy_no_administrative_privileges: 'iam_customer_attached_policy_no_administrative_privileges',
}));

/** Finds the Prowler check table entry for a check id. A `prowler-` prefix (ASFF `GeneratorId`) is ignored. */
export function findCheck(checkId: string): TableEntry<ProwlerCheckRow> | undefined {
  const lower = checkId.trim().toLowerCase();
  const id = lower.startsWith('prowler-') ? lower.slice('prowler-'.length) : lower;
  return CHECKS.get(LEGACY_CHECK_IDS.get(id) ?? id);
}
