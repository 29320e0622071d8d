import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildTables, parseAsffTypes, parseNamespaces } from '../../scripts/build-tables';
import { REFERENCE_DIR } from '../test-support/fixtures';
import { CATALOG_ROWS } from './data/service-catalog';
import { FSBP_CONTROLS } from './data/fsbp-controls';
import { PROWLER_CHECKS } from './data/prowler-checks';
import { describeWithReference } from './test-reference';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

describeWithReference('generated data', () => {
  it.each(buildTables(REFERENCE_DIR).map((module) => [module.path, module] as const))(
    '%s matches the reference table',
    (path, module) => {
      const committed = readFileSync(join(repositoryRoot, path), 'utf8');
      // On failure run `npx tsx scripts/build-tables.ts` and commit the result.
      expect(committed).toBe(module.content);
    },
  );
});

describe('generated data shape', () => {
  it('has the reference row counts', () => {
    expect(CATALOG_ROWS).toHaveLength(149);
    expect(FSBP_CONTROLS).toHaveLength(336);
    expect(PROWLER_CHECKS).toHaveLength(645);
  });
});

describe('build-tables cell parsing', () => {
  it('reads namespaces outside and inside brackets', () => {
    expect(parseNamespaces('rds (docdb-elastic for elastic clusters)')).toEqual(['rds', 'docdb-elastic']);
    expect(parseNamespaces('rds (neptune-db data plane; neptune-graph for Analytics)')).toEqual([
      'rds',
      'neptune-db',
      'neptune-graph',
    ]);
    expect(parseNamespaces('eks + ec2')).toEqual(['eks', 'ec2']);
    expect(parseNamespaces('account / iam')).toEqual(['account', 'iam']);
  });

  it('reads ASFF types and drops comparisons', () => {
    expect(parseAsffTypes('AwsEfsAccessPoint (AwsEfsFileSystem in Prowler)')).toEqual([
      'AwsEfsAccessPoint',
      'AwsEfsFileSystem',
    ]);
    expect(parseAsffTypes('Other (AwsRdsDbCluster-like)')).toEqual([]);
    expect(parseAsffTypes('Other (AwsRolesAnywhere* in Prowler)')).toEqual(['AwsRolesAnywhere*']);
    expect(parseAsffTypes('Other')).toEqual([]);
  });
});
