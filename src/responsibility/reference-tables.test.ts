import { expect, it } from 'vitest';
import type { Layer } from '../model/vocabulary';
import { categoryOf } from './catalog';
import { classify } from './classify';
import { ownerFor } from './owner-matrix';
import { LAYER_CORRECTIONS } from './tables';
import { describeWithReference, findingWith, readReferenceTable } from './test-reference';

const controls = readReferenceTable('fsbp_controls_layers.csv');
const checks = readReferenceTable('prowler_aws_checks_layers.csv');

/**
 * Prowler rows where this project keeps another layer than the table, with the reason. The classifier
 * states the same reason in the finding's explanation.
 */
const PROWLER_DISAGREEMENTS: Record<string, Layer> = {
  // Layers shared from another account are third-party code inside the function: a supply-chain
  // risk on platform & application, not network exposure.
  awslambda_function_using_cross_account_layers: 'platform_app',
  // FSBP AutoScaling.9 checks the same launch-template setting and sits on platform & application.
  autoscaling_group_using_ec2_launch_template: 'platform_app',
};

/** First word of a cell such as "customer (task definition is customer-authored on both)". */
function firstWord(cell: string): string {
  return cell.trim().split(/\s+/)[0];
}

describeWithReference('FSBP control table', () => {
  it('has every control', () => {
    expect(controls).toHaveLength(336);
  });

  it.each(controls.map((row) => [row.control_id, row] as const))('%s layer, category and owner', (_, row) => {
    const resourceType = row.config_resource_type.split(',')[0].trim() || null;
    const result = classify(findingWith({ controlId: row.control_id, resourceType }));

    expect(result.rule).toBe(`control:${row.control_id}`);
    expect(result.layer).toBe(row.layer);
    expect(result.category).toBe(firstWord(row.service_category));
    expect(result.owner).toBe(firstWord(row.owner_for_category));
  });
});

describeWithReference('Prowler check table', () => {
  it('has every check', () => {
    expect(checks).toHaveLength(645);
  });

  it('lists every disagreement', () => {
    expect(Object.keys(LAYER_CORRECTIONS).sort()).toEqual(Object.keys(PROWLER_DISAGREEMENTS).sort());
  });

  it.each(checks.map((row) => [row.check_id, row] as const))('%s layer, service and owner', (_, row) => {
    const finding = findingWith({
      checkId: row.check_id,
      resourceType: row.resource_type,
      hints: { serviceName: row.service_name },
    });
    const result = classify(finding);

    expect(result.rule).toBe(`prowler:${row.check_id}`);
    expect(result.layer).toBe(PROWLER_DISAGREEMENTS[row.check_id] ?? row.layer);
    expect(result.service).not.toBeNull();
    expect(result.owner).toBe(ownerFor(result.layer, categoryOf(result.service ?? '')));
  });
});
