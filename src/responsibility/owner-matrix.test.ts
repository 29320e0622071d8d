import { describe, expect, it } from 'vitest';
import { LAYERS, type Layer, type Owner } from '../model/vocabulary';
import { ownerFor } from './owner-matrix';

/** The owner matrix as the whitepaper figures draw it: infrastructure, container, abstract. */
const EXPECTED: Record<Layer, [Owner, Owner, Owner]> = {
  customer_data: ['customer', 'customer', 'customer'],
  platform_app: ['customer', 'shared', 'shared'],
  os: ['customer', 'aws', 'aws'],
  network_firewall: ['customer', 'customer', 'shared'],
  client_side_encryption_integrity: ['customer', 'customer', 'customer'],
  server_side_encryption: ['customer', 'shared', 'shared'],
  network_traffic_protection: ['customer', 'customer', 'shared'],
  iam: ['customer', 'customer', 'customer'],
  secrets_credentials: ['customer', 'customer', 'customer'],
  logging_monitoring: ['customer', 'customer', 'customer'],
  resilience: ['customer', 'shared', 'shared'],
  governance: ['customer', 'customer', 'customer'],
};

describe('ownerFor', () => {
  it.each(LAYERS.map((layer) => [layer] as const))('%s by category', (layer) => {
    const [infrastructure, container, abstract] = EXPECTED[layer];
    expect(ownerFor(layer, 'infrastructure')).toBe(infrastructure);
    expect(ownerFor(layer, 'container')).toBe(container);
    expect(ownerFor(layer, 'abstract')).toBe(abstract);
  });

  it('unmapped is always customer’s', () => {
    for (const layer of LAYERS) expect(ownerFor(layer, 'unmapped')).toBe('customer');
  });
});
