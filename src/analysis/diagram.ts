/**
 * The three stacks of the AWS Shared Responsibility Model as data, one per service category, from Figures
 * 1-3 of the AWS Security Best Practices whitepaper (August 2016). The twelve layers are the rows, with the
 * two AWS rows below them. Each cell's owner comes from the classifier's owner matrix, so the diagram and
 * the findings agree.
 */
import {
  LAYERS,
  LAYER_LABELS,
  SERVICE_CATEGORIES,
  type Layer,
  type Owner,
  type ServiceCategory,
} from '../model/vocabulary';
import { ownerFor } from '../responsibility/owner-matrix';

/** The rows AWS alone runs in every figure; no customer finding can sit on them. */
export const AWS_ROWS = ['foundation_services', 'global_infrastructure'] as const;
export type AwsRow = (typeof AWS_ROWS)[number];
export type StackRowId = Layer | AwsRow;

export interface StackRow {
  id: StackRowId;
  label: string;
  /** The layer whose findings the row counts, or null for an AWS row. */
  layer: Layer | null;
}

const ROW_LABELS: Record<StackRowId, string> = {
  ...LAYER_LABELS,
  customer_data: 'Customer data',
  platform_app: 'Platform & application management',
  iam: 'Customer IAM',
  foundation_services: 'Foundation services: compute, storage, databases, networking',
  global_infrastructure: 'AWS global infrastructure: Regions, Availability Zones, edge locations',
};

/** Rows top to bottom, the same in every stack so that the three can be compared side by side. */
export const STACK_ROWS: readonly StackRow[] = [
  ...LAYERS.map((layer) => ({ id: layer, label: ROW_LABELS[layer], layer })),
  ...AWS_ROWS.map((id) => ({ id, label: ROW_LABELS[id], layer: null })),
];

export interface StackCell {
  category: ServiceCategory;
  row: StackRow;
  owner: Owner;
  /** Explanation of the whitepaper figure's drawing of this row for this category, and of any owner difference. */
  figure: string;
}

export interface WhitepaperStack {
  category: ServiceCategory;
  title: string;
  /** The whitepaper's example services for the category. */
  examples: string;
  cells: StackCell[];
}

const STACK_TITLES: Record<ServiceCategory, { title: string; examples: string }> = {
  infrastructure: { title: 'Infrastructure services', examples: 'Amazon EC2, Amazon EBS, Auto Scaling, Amazon VPC' },
  container: { title: 'Container services', examples: 'Amazon RDS, Amazon EMR, AWS Elastic Beanstalk' },
  abstract: { title: 'Abstracted services', examples: 'Amazon S3, Amazon DynamoDB, Amazon SQS, Amazon SES' },
};

/** Rows the figures do not draw: the cross-cutting customer duties, shown beside the row they extend. */
const NOT_DRAWN: Partial<Record<StackRowId, string>> = {
  logging_monitoring: 'Not drawn in the figure; a customer duty shown beside platform & application management.',
  resilience: 'Not drawn in the figure; backups and failover extend customer data.',
  governance: 'Not drawn in the figure; tagging, contacts and account settings are customer duties.',
};

const AWS_ROW_FIGURE = 'Drawn as managed by AWS in every figure.';

/** The figure text per category, for rows the figures draw. */
const FIGURES: Record<ServiceCategory, Partial<Record<StackRowId, string>>> = {
  infrastructure: {
    customer_data: 'Figure 1 draws customer data as managed by the customer.',
    platform_app: 'Figure 1 draws platform & application management as managed by the customer.',
    os: 'Figure 1 draws the operating system, network & firewall configuration as managed by the customer.',
    network_firewall: 'Figure 1 draws the operating system, network & firewall configuration as managed by the customer.',
    client_side_encryption_integrity: 'Figure 1 draws client-side data encryption & data integrity authentication as managed by the customer.',
    server_side_encryption: 'Figure 1 draws server-side encryption (file system and/or data) as managed by the customer.',
    network_traffic_protection: 'Figure 1 draws network traffic protection (encryption, integrity, identity) as managed by the customer.',
    iam: 'Figure 1 draws a customer IAM column beside the customer rows.',
    secrets_credentials: 'Part of the customer IAM column in Figure 1: access keys, passwords, instance credentials.',
  },
  container: {
    customer_data: 'Figure 2 draws customer data as managed by the customer.',
    platform_app:
      'Figure 2 draws platform & application management as managed by AWS; engine versions and update settings the customer picks make it shared.',
    os: 'Figure 2 draws the operating system & network configuration as managed by AWS.',
    network_firewall: 'Figure 2 draws a separate firewall configuration box managed by the customer.',
    client_side_encryption_integrity: 'Figure 2 draws client-side data encryption & data integrity authentication as managed by the customer.',
    server_side_encryption:
      'Figure 2 has no server-side encryption row; encryption at rest is a setting the customer picks and AWS carries out, so it is shared.',
    network_traffic_protection: 'Figure 2 draws network traffic protection as managed by the customer.',
    iam: 'Figure 2 draws a customer IAM column beside the customer rows.',
    secrets_credentials: 'Part of the customer IAM column in Figure 2: database passwords, keys, credentials.',
    resilience: 'Not drawn in the figure; AWS provides backup and recovery tools and the customer configures them, so it is shared.',
  },
  abstract: {
    customer_data: 'Figure 3 draws customer data as managed by the customer.',
    platform_app:
      'Figure 3 draws platform & application management as managed by AWS; runtime and feature settings the customer picks make it shared.',
    os: 'Figure 3 draws the operating system, network & firewall configuration as managed by AWS.',
    network_firewall:
      'Figure 3 draws network & firewall configuration as managed by AWS; resource policies, VPC endpoints and WAF rules remain the customer\'s, so it is shared.',
    client_side_encryption_integrity: 'Figure 3 draws client-side data encryption & data integrity authentication as managed by the customer.',
    server_side_encryption:
      'Figure 3 draws server-side encryption as provided by the platform; the customer enables it or picks the key, so it is shared.',
    network_traffic_protection:
      'Figure 3 draws network traffic protection as provided by the platform; the customer enforces TLS-only access, so it is shared.',
    iam: 'Figure 3 has no customer IAM column, but configuring IAM permissions and resource policies is the customer\'s.',
    secrets_credentials: 'Not drawn in Figure 3; the credentials that reach the service are the customer\'s.',
    resilience: 'Not drawn in the figure; AWS runs the storage and the customer turns on versioning, backups or recovery, so it is shared.',
  },
};

function figureFor(category: ServiceCategory, row: StackRow): string {
  if (row.layer === null) return AWS_ROW_FIGURE;
  return FIGURES[category][row.id] ?? NOT_DRAWN[row.id] ?? '';
}

/** Returns the owner of a row in one stack: the owner matrix for layers, AWS for the AWS rows. */
export function cellOwner(category: ServiceCategory, row: StackRow): Owner {
  return row.layer === null ? 'aws' : ownerFor(row.layer, category);
}

function buildStack(category: ServiceCategory): WhitepaperStack {
  return {
    category,
    ...STACK_TITLES[category],
    cells: STACK_ROWS.map((row) => ({ category, row, owner: cellOwner(category, row), figure: figureFor(category, row) })),
  };
}

export const STACKS: readonly WhitepaperStack[] = SERVICE_CATEGORIES.map(buildStack);

/** Returns the `data-testid` of a cell, e.g. `cell-container-server_side_encryption`. */
export function cellTestId(category: ServiceCategory, row: StackRowId): string {
  return `cell-${category}-${row}`;
}

/** Open risks in a cell: the count for its category and layer, always 0 for the AWS rows. */
export function cellCount(byCategoryLayer: Record<ServiceCategory, Record<Layer, number>>, cell: StackCell): number {
  return cell.row.layer === null ? 0 : byCategoryLayer[cell.category][cell.row.layer];
}
