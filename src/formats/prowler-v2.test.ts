import { describe, expect, it } from 'vitest';
import { describeWithFixtures, expectedRecords, fixturesIn, readFixture } from '../test-support/fixtures';
import { parseFixture, parseText, recordCount, type ParsedEntry } from '../test-support/parse-fixture';
import { readInputs } from './read';

function finding(entry: ParsedEntry, index: number) {
  const found = entry.findings[index];
  if (!found) throw new Error(`no finding ${index} in ${entry.input.fileName}`);
  return found;
}

describeWithFixtures('prowler-v2 fixtures', () => {
  const files = fixturesIn('prowler-v2').filter((file) => file !== 'prowler-v2/dd-no_vuln.json');

  it.each(files)('%s: record count', async (file) => {
    const entry = await parseFixture(file);
    expect(entry.format?.id, entry.tried.map((attempt) => `${attempt.id}: ${attempt.reason}`).join('\n')).toBe('prowler-v2');
    expect(recordCount(entry)).toBe(expectedRecords(file));
    expect(entry.problems).toEqual([]);
  });

  it('empty JSON file is an empty_file problem', async () => {
    const [result] = await readInputs('dd-no_vuln.json', readFixture('prowler-v2/dd-no_vuln.json'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe('empty_file');
    expect(expectedRecords('prowler-v2/dd-no_vuln.json')).toBe(0);
  });

  it('many_vuln.csv: severities and fields', async () => {
    const entry = await parseFixture('prowler-v2/dd-many_vuln.csv');
    // DefectDojo reports Low for the fourth row; Prowler wrote "Informational" in CHECK_SEVERITY, kept here.
    expect(entry.findings.map((item) => item.severity)).toEqual(['high', 'medium', 'medium', 'informational']);
    const last = finding(entry, 3);
    expect(last.description.startsWith('eu-west-2: sg-01234567890qwerty is not being used!')).toBe(true);
    expect(last.checkId).toBe('extra75');
    expect(last.resourceType).toBe('AwsEc2SecurityGroup');
    expect(last.hints.serviceName).toBe('ec2');
    expect(last.region).toBe('eu-west-2');
    expect(last.standards).toEqual(['ens-mp.com.4.aws.sg.3']);
    const first = finding(entry, 0);
    expect(first.checkId).toBe('check11');
    expect(first.title).toBe('Avoid the use of the root account (Scored)');
    expect(first.accountId).toBe('012345678910');
    expect(first.standards).toEqual(['CIS AWS Foundations Benchmark 1.1']);
    expect(first.remediationUrl).toBe('http://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html');
  });

  it('many_vuln.json: statuses of all lines', async () => {
    const entry = await parseFixture('prowler-v2/dd-many_vuln.json');
    // DefectDojo asserts 4 findings because it drops the Pass and Info lines; every line is a record here.
    expect(entry.findings.map((item) => item.status)).toEqual(['passed', 'open', 'open', 'open', 'open', 'unknown']);
    const open = entry.findings.filter((item) => item.status === 'open');
    expect(open.map((item) => item.severity)).toEqual(['critical', 'high', 'medium', 'low']);
    expect(finding(entry, 2).checkId).toBe('extra796');
    expect(finding(entry, 2).hints.serviceName).toBe('eks');
    expect(finding(entry, 2).resourceId).toBe('prod-eksc');
  });

  it('many_vuln_plus_one.json: mixed-case Fail', async () => {
    const entry = await parseFixture('prowler-v2/dd-many_vuln_plus_one.json');
    // DefectDojo's 5 counts open findings after a reimport over many_vuln.json, not lines of this file.
    const added = finding(entry, 6);
    expect(added.status).toBe('open');
    expect(added.accountId).toBe('012345673312');
    expect(added.checkId).toBe('check12');
  });

  it('one_vuln.csv: message of the row', async () => {
    const entry = await parseFixture('prowler-v2/dd-one_vuln.csv');
    expect(finding(entry, 0).description).toContain("Root user in the account wasn't accessed in the last 1 days");
  });

  it('one_vuln.json: message, severity, date', async () => {
    const entry = await parseFixture('prowler-v2/dd-one_vuln.json');
    const only = finding(entry, 0);
    expect(only.description.startsWith('eu-central-1: Only Virtual MFA is enabled for root')).toBe(true);
    expect(only.severity).toBe('critical');
    expect(only.firstSeen).toBe('2021-08-23T06:38:46.000Z');
    expect(only.id).toBe('prowler-v2:check114:012345678912:eu-central-1:MFA');
  });
});

describe('prowler-v2 rejections', () => {
  const good = {
    'Account Number': '111111111111',
    Control: '[check21] Ensure CloudTrail is enabled in all regions',
    Message: 'us-east-1: trail is multi-region',
    Severity: 'High',
    Status: 'PASS',
    Region: 'us-east-1',
    Service: 'cloudtrail',
  };

  it('rejects bad lines and keeps good ones', async () => {
    const lines = [
      good,
      { ...good, Status: undefined },
      { ...good, Status: 'Maybe' },
      { ...good, Severity: 'constructor' },
      42,
      { ...good, Status: 'FAIL' },
    ].map((line) => JSON.stringify(line));
    const entry = await parseText('prowler.json', lines.join('\n'));
    expect(entry.format?.id).toBe('prowler-v2');
    expect(entry.findings.map((item) => item.status)).toEqual(['passed', 'open']);
    expect(entry.problems.map((problem) => [problem.record, problem.code, problem.path])).toEqual([
      [1, 'missing_field', 'Status'],
      [2, 'invalid_record', 'Status'],
      [3, 'invalid_record', 'Severity'],
      [4, 'wrong_type', undefined],
    ]);
  });

  it('rejects a CSV row with missing cells', async () => {
    const header = 'PROFILE,ACCOUNT_NUM,REGION,TITLE_ID,CHECK_RESULT,ITEM_SCORED,ITEM_LEVEL,TITLE_TEXT,CHECK_RESULT_EXTENDED';
    const rows = [
      ',111111111111,us-east-1,2.1,PASS,Scored,Level 1,[check21] Ensure CloudTrail is enabled,trail ok',
      ',111111111111,us-east-1,2.2,FAIL',
    ];
    const entry = await parseText('prowler.csv', [header, ...rows].join('\n'));
    expect(entry.format?.id).toBe('prowler-v2');
    expect(entry.findings).toHaveLength(1);
    expect(entry.findings[0].severity).toBe('medium');
    expect(entry.problems).toEqual([
      { code: 'invalid_record', record: 1, detail: 'line 3 has 5 cells but the header has 9 columns', path: undefined },
    ]);
  });
});
