import { describe, expect, it } from 'vitest';
import type { Finding, FindingKind } from '../model/finding';
import { STATUSES, type Status } from '../model/vocabulary';
import {
  PRACTICES,
  PRACTICE_IDS,
  evaluateWalledGarden,
  isPracticeId,
  matchFinding,
  matchesPractice,
  patternToRegExp,
  practiceStatus,
  walledGardenSummary,
  withSummaryCounts,
  type PracticeId,
  type PracticeResult,
  type PracticeRule,
} from './walled-garden';
import { RULE_SOURCES } from './walled-garden-rules';
import { testFinding } from '../model/test-finding';

/** Builds a value the pattern matches by replacing every `*` with a short word. */
function sampleValue(pattern: string): string {
  return pattern.replaceAll('*', 'sample');
}

/** Builds a synthetic finding that carries the rule's pattern in the field the rule reads. */
function findingFor(rule: PracticeRule): Finding {
  const value = sampleValue(rule.pattern);
  const resource = rule.resourceType ? { resourceType: sampleValue(rule.resourceType) } : {};
  switch (rule.source) {
    case 'control':
      return testFinding({ controlId: value, ...resource });
    case 'cis': {
      const [version, controlId] = value.split('/');
      return testFinding({ controlId, standards: [`ruleset/cis-aws-foundations-benchmark/v/${version}`], ...resource });
    }
    case 'check':
      return testFinding({ checkId: value, ...resource });
    case 'threat':
      return testFinding({ hints: { threatType: value }, ...resource });
    case 'iac':
      return testFinding({ kind: 'iac', checkId: value, ...resource });
    case 'iac_title':
      return testFinding({ kind: 'iac', title: value, ...resource });
    case 'kind':
      return testFinding({ kind: value as FindingKind, ...resource });
    case 'tool':
      return testFinding({ sourceTool: value, ...resource });
  }
}

function practicesOf(finding: Finding): PracticeId[] {
  return [...new Set(matchFinding(finding).map((match) => match.practice))];
}

function resultOf(results: PracticeResult[], id: PracticeId): PracticeResult {
  const result = results.find((entry) => entry.practice.id === id);
  if (!result) throw new Error(`no result for ${id}`);
  return result;
}

const ROWS = PRACTICES.flatMap((practice) => practice.rules.map((rule) => ({ practice: practice.id, rule })));

describe('walled-garden rule tables', () => {
  it('lists the six practices in order', () => {
    expect(PRACTICES.map((practice) => practice.id)).toEqual([...PRACTICE_IDS]);
  });

  it.each(PRACTICE_IDS)('%s has rules and texts', (id) => {
    const practice = PRACTICES.find((entry) => entry.id === id);
    expect(practice?.rules.length).toBeGreaterThan(0);
    expect(practice?.title).not.toBe('');
    expect(practice?.rationale).toMatch(/\.$/);
    expect(practice?.checkedBy).toMatch(/\.$/);
  });

  it.each(PRACTICE_IDS)('%s has unique rule ids', (id) => {
    const ids = PRACTICES.find((entry) => entry.id === id)?.rules.map((rule) => rule.id) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('builds each id from source and pattern', () => {
    for (const { rule } of ROWS) {
      expect(rule.id.startsWith(`${rule.source}:${rule.pattern}`)).toBe(true);
      expect(RULE_SOURCES).toContain(rule.source);
    }
  });

  it.each(ROWS.map((row) => [row.practice, row.rule.id, row] as const))('%s row %s matches', (_p, _id, row) => {
    const matches = matchFinding(findingFor(row.rule));
    expect(matches).toContainEqual({ practice: row.practice, rule: row.rule });
  });
});

describe('matchFinding', () => {
  it('matches nothing for an unrelated finding', () => {
    expect(matchFinding(testFinding({ controlId: 'RDS.3', checkId: 'rds_instance_storage_encrypted' }))).toEqual([]);
  });

  it('ignores case of control ids', () => {
    expect(practicesOf(testFinding({ controlId: 's3.1' }))).toEqual(['private-s3']);
  });

  it('anchors patterns at both ends', () => {
    expect(practicesOf(testFinding({ checkId: 'ec2_instance_imdsv2_enabled_extra' }))).toEqual([]);
    expect(practicesOf(testFinding({ controlId: 'EC2.80' }))).toEqual([]);
  });

  it('reads CIS numbers with their version', () => {
    const cis120 = testFinding({ controlId: '1.4', standards: ['ruleset/cis-aws-foundations-benchmark/v/1.2.0'] });
    const cis140 = testFinding({ controlId: '1.4', standards: ['standards/cis-aws-foundations-benchmark/v/1.4.0'] });
    const noStandard = testFinding({ controlId: '1.4' });
    expect(practicesOf(cis120)).toEqual(['roles-not-keys']);
    expect(practicesOf(cis140)).toEqual([]);
    expect(practicesOf(noStandard)).toEqual([]);
  });

  it('strips the prowler- prefix of check ids', () => {
    expect(practicesOf(testFinding({ checkId: 'prowler-s3_bucket_public_access' }))).toEqual(['private-s3']);
  });

  it('reads GuardDuty types from ASFF Types', () => {
    const types = ['TTPs/Initial Access/UnauthorizedAccess:IAMUser-InstanceCredentialExfiltration.OutsideAWS'];
    expect(practicesOf(testFinding({ hints: { types } }))).toEqual(['instance-metadata']);
  });

  it('matches GuardDuty S3 policy types by wildcard', () => {
    const finding = testFinding({ hints: { threatType: 'Policy:S3/BucketAnonymousAccessGranted' } });
    expect(practicesOf(finding)).toEqual(['private-s3']);
  });

  it('reads IaC ids only from IaC findings', () => {
    expect(practicesOf(testFinding({ kind: 'configuration', checkId: 'CKV_AWS_79' }))).toEqual([]);
    expect(practicesOf(testFinding({ kind: 'iac', checkId: 'CKV_AWS_79' }))).toEqual([
      'build-pipeline',
      'instance-metadata',
    ]);
  });

  it('matches KICS query names by title', () => {
    const finding = testFinding({ kind: 'iac', title: 'Instance Uses Metadata Service IMDSv1' });
    expect(practicesOf(finding)).toContain('instance-metadata');
  });

  it('puts every secret finding in secrets-out-of-code', () => {
    expect(practicesOf(testFinding({ kind: 'secret', checkId: 'generic-api-key' }))).toEqual(['secrets-out-of-code']);
  });

  it('checks the resource type of Access Analyzer findings', () => {
    const role = testFinding({ sourceTool: 'IAM Access Analyzer', resourceType: 'AWS::IAM::Role' });
    const bucket = testFinding({ sourceTool: 'IAM Access Analyzer', resourceType: 'AWS::S3::Bucket' });
    const asffBucket = testFinding({ hints: { productName: 'IAM Access Analyzer', resourceTypes: ['AwsS3Bucket'] } });
    expect(practicesOf(role)).toEqual(['least-privilege']);
    expect(practicesOf(bucket)).toEqual(['least-privilege', 'private-s3']);
    expect(practicesOf(asffBucket)).toEqual(['least-privilege', 'private-s3']);
  });

  it('returns matches in table order without repeats', () => {
    const finding = testFinding({ controlId: 'EC2.8', checkId: 'ec2_instance_imdsv2_enabled' });
    expect(matchFinding(finding).map((match) => match.rule.id)).toEqual([
      'control:EC2.8',
      'check:ec2_instance_imdsv2_enabled',
    ]);
  });

  it('matchesPractice agrees with matchFinding', () => {
    const finding = testFinding({ controlId: 'CodeBuild.2' });
    expect(matchesPractice(finding, 'build-pipeline')).toBe(true);
    expect(matchesPractice(finding, 'secrets-out-of-code')).toBe(true);
    expect(matchesPractice(finding, 'private-s3')).toBe(false);
  });
});

describe('patternToRegExp', () => {
  it('treats dots literally', () => {
    expect(patternToRegExp('EC2.8').test('EC2x8')).toBe(false);
    expect(patternToRegExp('EC2.8').test('ec2.8')).toBe(true);
  });

  it('lets a star match any run', () => {
    const pattern = patternToRegExp('iam_*_no_administrative_privileges');
    expect(pattern.test('iam_inline_policy_no_administrative_privileges')).toBe(true);
    expect(pattern.test('iam_no_administrative_privileges')).toBe(false);
  });
});

describe('practiceStatus', () => {
  it.each([
    [0, 0, 'no_evidence'],
    [0, 3, 'ok'],
    [1, 0, 'at_risk'],
    [2, 5, 'at_risk'],
  ] as const)('open %i, passed %i is %s', (open, passed, status) => {
    expect(practiceStatus(open, passed)).toBe(status);
  });
});

describe('evaluateWalledGarden', () => {
  const imds = (status: Status, extra: Partial<Finding> = {}) =>
    testFinding({ controlId: 'EC2.8', status, ...extra });

  it('reports no evidence for no findings', () => {
    const results = evaluateWalledGarden([]);
    expect(results.map((result) => result.status)).toEqual(PRACTICE_IDS.map(() => 'no_evidence'));
    for (const result of results) {
      expect(result.open).toBe(0);
      expect(result.passed).toBe(0);
      expect(result.unsettled).toBe(0);
    }
  });

  it('is at risk with one open finding', () => {
    const result = resultOf(evaluateWalledGarden([imds('open'), imds('passed', { id: 'p' })]), 'instance-metadata');
    expect(result.status).toBe('at_risk');
    expect(result.open).toBe(1);
    expect(result.passed).toBe(1);
  });

  it('is ok with only passed findings', () => {
    const result = resultOf(evaluateWalledGarden([imds('passed'), imds('passed', { id: 'b' })]), 'instance-metadata');
    expect(result.status).toBe('ok');
    expect(result.passed).toBe(2);
    expect(result.openFindings).toEqual([]);
  });

  it('counts suppressed, resolved and unknown apart', () => {
    const findings = [imds('suppressed'), imds('resolved', { id: 'r' }), imds('unknown', { id: 'u' })];
    const result = resultOf(evaluateWalledGarden(findings), 'instance-metadata');
    expect(result.status).toBe('no_evidence');
    expect(result.open).toBe(0);
    expect(result.passed).toBe(0);
    expect(result.unsettled).toBe(3);
  });

  it('counts every status exactly once', () => {
    const findings = STATUSES.map((status, index) => imds(status, { id: `f${index}` }));
    const result = resultOf(evaluateWalledGarden(findings), 'instance-metadata');
    expect(result.open + result.passed + result.unsettled).toBe(STATUSES.length);
  });

  it('counts a finding once per practice', () => {
    const finding = imds('open', { checkId: 'ec2_instance_imdsv2_enabled' });
    const result = resultOf(evaluateWalledGarden([finding]), 'instance-metadata');
    expect(result.open).toBe(1);
    expect(result.openFindings[0].rule.id).toBe('control:EC2.8');
  });

  it('counts one finding in several practices', () => {
    const results = evaluateWalledGarden([testFinding({ kind: 'iac', checkId: 'CKV_AWS_79' })]);
    expect(resultOf(results, 'build-pipeline').open).toBe(1);
    expect(resultOf(results, 'instance-metadata').open).toBe(1);
    expect(resultOf(results, 'private-s3').open).toBe(0);
  });

  it('orders open findings worst first', () => {
    const findings = [
      imds('open', { id: 'low', severity: 'low' }),
      imds('open', { id: 'high-1', severity: 'high' }),
      imds('open', { id: 'critical', severity: 'critical' }),
      imds('open', { id: 'high-2', severity: 'high' }),
    ];
    const result = resultOf(evaluateWalledGarden(findings), 'instance-metadata');
    expect(result.openFindings.map((entry) => entry.finding.id)).toEqual(['critical', 'high-1', 'high-2', 'low']);
  });
});

describe('walledGardenSummary', () => {
  it('has exactly the summary fields', () => {
    const summary = walledGardenSummary([testFinding({ controlId: 'S3.1' })]);
    expect(summary.practices.map((practice) => practice.id)).toEqual([...PRACTICE_IDS]);
    for (const practice of summary.practices) {
      expect(Object.keys(practice).sort()).toEqual(['id', 'open', 'passed', 'status', 'title']);
    }
  });

  it('carries status and counts', () => {
    const summary = walledGardenSummary([
      testFinding({ controlId: 'S3.1' }),
      testFinding({ id: 'b', controlId: 'S3.8', status: 'passed' }),
    ]);
    const privateS3 = summary.practices.find((practice) => practice.id === 'private-s3');
    expect(privateS3).toEqual({
      id: 'private-s3',
      title: 'S3 buckets private, served through CloudFront',
      status: 'at_risk',
      open: 1,
      passed: 1,
    });
  });

  it('survives JSON serialisation unchanged', () => {
    const summary = walledGardenSummary([testFinding({ kind: 'secret' })]);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});

describe('isPracticeId', () => {
  it('accepts practice ids only', () => {
    expect(isPracticeId('private-s3')).toBe(true);
    expect(isPracticeId('public-s3')).toBe(false);
    expect(isPracticeId(undefined)).toBe(false);
  });
});

describe('withSummaryCounts', () => {
  it('takes passed counts from the summary', () => {
    const open = testFinding({ status: 'open', checkId: 'ec2_instance_imdsv2_enabled', title: 'IMDSv2' });
    const results = evaluateWalledGarden([open]);
    const summary = walledGardenSummary([open, { ...open, id: 'x', status: 'passed' }]);
    const merged = withSummaryCounts(results, summary);
    const before = results.find((result) => result.open > 0)!;
    const after = merged.find((result) => result.practice.id === before.practice.id)!;
    expect(before.passed).toBe(0);
    expect(after.passed).toBe(1);
    expect(after.open).toBe(before.open);
  });

  it('turns no evidence into ok', () => {
    const passed = testFinding({ status: 'passed', checkId: 'ec2_instance_imdsv2_enabled', title: 'IMDSv2' });
    const merged = withSummaryCounts(evaluateWalledGarden([]), walledGardenSummary([passed]));
    expect(merged.some((result) => result.status === 'ok')).toBe(true);
  });
});
