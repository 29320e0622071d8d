import { describe, expect, it } from 'vitest';
import type { Finding } from '../model/finding';
import { testFinding } from '../model/test-finding';
import { PRACTICE_RULES, type PracticeRule } from './walled-garden-rules';
import { evaluateWalledGarden, matchFinding, type PracticeId } from './walled-garden';

/** Builds the fields of a finding that one rule row reads, with a value the row matches. */
function fieldsFor(rule: PracticeRule): Partial<Finding> {
  const value = rule.pattern.replaceAll('*', 'sample');
  const resource = rule.resourceType ? { resourceType: rule.resourceType.replaceAll('*', 'sample') } : {};
  switch (rule.source) {
    case 'control':
      return { controlId: value, ...resource };
    case 'cis': {
      const [version, controlId] = value.split('/');
      return { controlId, standards: [`ruleset/cis-aws-foundations-benchmark/v/${version}`], ...resource };
    }
    case 'check':
      return { checkId: value, ...resource };
    case 'threat':
      return { hints: { threatType: value }, ...resource };
    case 'iac':
      return { kind: 'iac', checkId: value, ...resource };
    case 'iac_title':
      return { kind: 'iac', title: value, ...resource };
    case 'kind':
      return { kind: value as Finding['kind'], ...resource };
    case 'tool':
      return { sourceTool: value, ...resource };
  }
}

/**
 * Returns the first matching row of each practice, computed from `matchFinding` with a set, as a
 * reference. A single open finding counts once: `<row id> x1`.
 */
function firstRowsByPractice(finding: Finding): Map<PracticeId, string> {
  const first = new Map<PracticeId, string>();
  for (const match of matchFinding(finding)) if (!first.has(match.practice)) first.set(match.practice, `${match.rule.id} x1`);
  return first;
}

/** Returns the row each practice reports for a single open finding, and how often it counted it. */
function evaluatedRows(finding: Finding): Map<PracticeId, string> {
  const rows = new Map<PracticeId, string>();
  for (const result of evaluateWalledGarden([finding])) {
    const [entry] = result.openFindings;
    if (entry) rows.set(result.practice.id, `${entry.rule.id} x${result.open}`);
  }
  return rows;
}

describe('walled-garden matching', () => {
  it('tool and product on one row count once', () => {
    const finding = testFinding({ sourceTool: 'IAM Access Analyzer', hints: { productName: 'IAM Access Analyzer' } });
    const ids = matchFinding(finding).map((match) => match.rule.id);
    expect(ids).toEqual([...new Set(ids)]);
    expect(ids.length).toBeGreaterThan(0);
  });

  it('two rows of one practice report the first', () => {
    const finding = testFinding({ controlId: 'EC2.8', checkId: 'ec2_instance_imdsv2_enabled' });
    expect(evaluatedRows(finding).get('instance-metadata')).toBe('control:EC2.8 x1');
  });

  it('evaluation agrees with the reference for every pair of rows', () => {
    // Fields of two rows together, so that a finding matches rows of one practice or of several.
    const rules = Object.values(PRACTICE_RULES).flat();
    let pairs = 0;
    for (let first = 0; first < rules.length; first++) {
      for (let second = first; second < rules.length; second += 7) {
        const a = fieldsFor(rules[first]);
        const b = fieldsFor(rules[second]);
        const finding = testFinding({ ...b, ...a, hints: { ...b.hints, ...a.hints } });
        expect(evaluatedRows(finding), `${rules[first].id} with ${rules[second].id}`).toEqual(firstRowsByPractice(finding));
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(rules.length);
  });

  it('same value, other resource type', () => {
    const bucket = testFinding({ sourceTool: 'IAM Access Analyzer', resourceType: 'AwsS3Bucket' });
    const role = testFinding({ sourceTool: 'IAM Access Analyzer', resourceType: 'AwsIamRole' });
    expect(evaluatedRows(bucket).has('private-s3')).toBe(true);
    expect(evaluatedRows(role).has('private-s3')).toBe(false);
    expect(evaluatedRows(bucket).has('private-s3')).toBe(true);
  });
});
