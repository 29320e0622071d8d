/** Chart colours; severities run from red to grey, owners follow the whitepaper (blue customer, orange AWS). */
import type { Owner, Severity } from '../../model/vocabulary';

export const SEVERITY_COLOURS: Record<Severity, string> = {
  critical: '#b91c1c',
  high: '#ea580c',
  medium: '#ca8a04',
  low: '#0284c7',
  informational: '#64748b',
};

export const OWNER_COLOURS: Record<Owner, string> = {
  customer: '#2563eb',
  shared: '#7c3aed',
  aws: '#ea580c',
};

/** One neutral colour for ranked bars (services, controls, accounts, regions). */
export const RANK_COLOUR = '#0e7490';
