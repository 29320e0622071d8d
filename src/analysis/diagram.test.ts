import { describe, expect, it } from 'vitest';
import { LAYERS, SERVICE_CATEGORIES, type Layer, type Owner, type ServiceCategory } from '../model/vocabulary';
import { AWS_ROWS, cellCount, cellTestId, STACK_ROWS, STACKS } from './diagram';

/**
 * The owner matrix of the model, by layer and category. The customer owns every infrastructure layer. For
 * container and abstract services AWS owns the operating system, and the platform layers are shared.
 */
const EXPECTED_OWNERS: Record<Layer, Record<ServiceCategory, Owner>> = {
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

describe('STACKS', () => {
  it('has one stack per category', () => {
    expect(STACKS.map((stack) => stack.category)).toEqual([...SERVICE_CATEGORIES]);
  });

  it('lists layers then AWS rows', () => {
    expect(STACK_ROWS.map((row) => row.id)).toEqual([...LAYERS, ...AWS_ROWS]);
    for (const stack of STACKS) expect(stack.cells.map((cell) => cell.row.id)).toEqual(STACK_ROWS.map((row) => row.id));
  });

  it('shades layers by the owner matrix', () => {
    for (const stack of STACKS) {
      for (const cell of stack.cells) {
        if (cell.row.layer === null) continue;
        expect(cell.owner, `${stack.category} ${cell.row.id}`).toBe(EXPECTED_OWNERS[cell.row.layer][stack.category]);
      }
    }
  });

  it('gives AWS rows to AWS', () => {
    for (const stack of STACKS) {
      const awsCells = stack.cells.filter((cell) => cell.row.layer === null);
      expect(awsCells).toHaveLength(2);
      for (const cell of awsCells) expect(cell.owner).toBe('aws');
    }
  });

  it('explains every cell', () => {
    for (const stack of STACKS) {
      for (const cell of stack.cells) expect(cell.figure, `${stack.category} ${cell.row.id}`).not.toBe('');
    }
  });
});

describe('cellTestId', () => {
  it('is unique per cell', () => {
    const ids = STACKS.flatMap((stack) => stack.cells.map((cell) => cellTestId(stack.category, cell.row.id)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('cell-container-server_side_encryption');
  });
});

describe('cellCount', () => {
  it('reads the layer count and zero for AWS rows', () => {
    const counts = Object.fromEntries(
      SERVICE_CATEGORIES.map((category) => [category, Object.fromEntries(LAYERS.map((layer) => [layer, 0]))]),
    ) as Record<ServiceCategory, Record<Layer, number>>;
    counts.abstract.iam = 7;
    const abstract = STACKS[2];
    expect(cellCount(counts, abstract.cells.find((cell) => cell.row.id === 'iam')!)).toBe(7);
    expect(cellCount(counts, abstract.cells.find((cell) => cell.row.id === 'foundation_services')!)).toBe(0);
  });
});
