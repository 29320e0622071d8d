/** Display names for facet values, shared by the charts, the filter bar and the table. */
import { NONE_VALUE, type FacetKey } from '../../analysis/filters';
import {
  CATEGORY_LABELS,
  LAYER_LABELS,
  OWNER_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  type Category,
  type Layer,
  type Owner,
  type Severity,
  type Status,
} from '../../model/vocabulary';
import { serviceByKey } from '../../responsibility/catalog';
import { PRACTICES } from '../../analysis/walled-garden';

/** Catalog names carry a list of resources in brackets ("Amazon VPC (VPCs, subnets, ...)"); charts show the name. */
export function serviceLabel(key: string | null): string {
  if (key === null || key === NONE_VALUE) return 'No AWS service';
  const service = serviceByKey(key);
  return service ? service.name.replace(/\s*\(.*\)\s*$/, '') : key;
}

const NONE_LABELS: Record<FacetKey, string> = {
  category: 'None',
  layer: 'None',
  owner: 'None',
  severity: 'None',
  status: 'None',
  service: 'No AWS service',
  account: 'No account',
  region: 'No region',
  format: 'Unknown format',
  check: 'No control or check',
  practice: 'No practice',
};

export function facetLabel(key: FacetKey, value: string): string {
  if (value === NONE_VALUE) return NONE_LABELS[key];
  switch (key) {
    case 'category':
      return CATEGORY_LABELS[value as Category] ?? value;
    case 'layer':
      return LAYER_LABELS[value as Layer] ?? value;
    case 'owner':
      return OWNER_LABELS[value as Owner] ?? value;
    case 'severity':
      return SEVERITY_LABELS[value as Severity] ?? value;
    case 'status':
      return STATUS_LABELS[value as Status] ?? value;
    case 'service':
      return serviceLabel(value);
    case 'account':
    case 'region':
    case 'format':
    case 'check':
      return value;
    case 'practice':
      return PRACTICES.find((practice) => practice.id === value)?.title ?? value;
  }
}

export const FACET_TITLES: Record<FacetKey, string> = {
  category: 'Category',
  layer: 'Layer',
  owner: 'Owner',
  severity: 'Severity',
  status: 'Status',
  service: 'Service',
  account: 'Account',
  region: 'Region',
  format: 'Source format',
  check: 'Control or check',
  practice: 'Walled-garden practice',
};

/** Short owner names for tight places; OWNER_LABELS explains "shared" in full. */
export const OWNER_SHORT_LABELS: Record<Owner, string> = { customer: 'Customer', shared: 'Shared', aws: 'AWS' };
