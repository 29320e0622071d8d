/**
 * Owner of each layer by service category, as the AWS Shared Responsibility Model draws it for
 * infrastructure, container and abstracted services.
 *
 * `shared` means AWS operates the layer but the finding concerns a setting the customer chooses. The
 * container figure draws no server-side encryption box, and in practice at-rest encryption of RDS, EMR
 * and similar services is a customer setting that AWS carries out, so it is shared. The abstract
 * figure marks encryption and traffic protection "provided by the platform", yet the customer still
 * enables them, so those are shared too.
 */
import { assertNever, type Category, type Layer, type Owner, type ServiceCategory } from '../model/vocabulary';

export const OWNER_MATRIX: Readonly<Record<Layer, Readonly<Record<ServiceCategory, Owner>>>> = {
  customer_data: { infrastructure: 'customer', container: 'customer', abstract: 'customer' },
  platform_app: { infrastructure: 'customer', container: 'shared', abstract: 'shared' },
  os: { infrastructure: 'customer', container: 'aws', abstract: 'aws' },
  network_firewall: { infrastructure: 'customer', container: 'customer', abstract: 'shared' },
  client_side_encryption_integrity: { infrastructure: 'customer', container: 'customer', abstract: 'customer' },
  server_side_encryption: { infrastructure: 'customer', container: 'shared', abstract: 'shared' },
  network_traffic_protection: { infrastructure: 'customer', container: 'customer', abstract: 'shared' },
  iam: { infrastructure: 'customer', container: 'customer', abstract: 'customer' },
  secrets_credentials: { infrastructure: 'customer', container: 'customer', abstract: 'customer' },
  logging_monitoring: { infrastructure: 'customer', container: 'customer', abstract: 'customer' },
  resilience: { infrastructure: 'customer', container: 'shared', abstract: 'shared' },
  governance: { infrastructure: 'customer', container: 'customer', abstract: 'customer' },
};

/**
 * Owner of a layer for a category. A finding with no AWS service (a Kubernetes cluster, code, an Azure
 * resource) concerns something the customer runs, so every layer of `unmapped` is the customer's.
 */
export function ownerFor(layer: Layer, category: Category): Owner {
  switch (category) {
    case 'infrastructure':
    case 'container':
    case 'abstract':
      return OWNER_MATRIX[layer][category];
    case 'unmapped':
      return 'customer';
    default:
      return assertNever(category);
  }
}
