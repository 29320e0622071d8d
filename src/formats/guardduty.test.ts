import { describe, expect, it } from 'vitest';
import { describeWithFixtures, expectedRecords, fixturesIn } from '../test-support/fixtures';
import { parseFixture, parseText, recordCount } from '../test-support/parse-fixture';
import { guardDutyFormat } from './guardduty';

describeWithFixtures('guardduty fixtures', () => {
  it.each(fixturesIn('guardduty'))('%s: record count', async (file) => {
    const entry = await parseFixture(file);
    expect(entry.format?.id, entry.tried.map((attempt) => `${attempt.id}: ${attempt.reason}`).join('\n')).toBe('guardduty');
    expect(recordCount(entry)).toBe(expectedRecords(file));
    expect(entry.problems).toEqual([]);
  });

  it('edited alertchain file: type, severity, instance', async () => {
    const entry = await parseFixture('guardduty/alertchain-get-findings-edited-test.json');
    const only = entry.findings[0];
    // alertchain titles its alert with the finding type; the finding's own Title is kept as the title here.
    expect(only.hints.threatType).toBe('Trojan:EC2/DriveBySourceTraffic!DNS');
    expect(only.title).toBe('Unprotected port on EC2 instance i-99999999 is being probed.');
    // Severity 8 is high (7.0-8.9).
    expect(only.severity).toBe('high');
    expect(only.kind).toBe('threat');
    expect(only.resourceType).toBe('Instance');
    expect(only.resourceId).toBe('i-99999999');
    expect(only.accountId).toBe('783957204773');
    expect(only.region).toBe('ap-northeast-1');
    expect(only.tags.GeneratedFindingInstanceTag1).toBe('GeneratedFindingInstanceValue1');
    expect(only.status).toBe('open');
  });

  it('aws cli example: access key finding', async () => {
    const entry = await parseFixture('guardduty/awscli-doc-get-findings.json');
    const only = entry.findings[0];
    expect(only.id).toBe('1ab92989eaf0e742df4a014d5example');
    expect(only.severity).toBe('medium');
    expect(only.resourceType).toBe('AccessKey');
    expect(only.resourceId).toBe('testuser');
    expect(only.hints.resourceRole).toBe('TARGET');
    expect(only.firstSeen).toBe('2020-05-26T22:02:24.000Z');
    expect(only.lastUpdated).toBe('2020-05-26T22:55:21.703Z');
  });

  it('event envelope: the finding account wins', async () => {
    const entry = await parseFixture('guardduty/gdsoar-eventbridge-IAM-AnomalousBehavior.json');
    // The envelope's account is 1234567891234 and the finding's own account is 057372331974.
    expect(entry.findings[0].accountId).toBe('057372331974');
    expect(entry.findings[0].hints.threatType).toBe('CredentialAccess:IAMUser/AnomalousBehavior');
  });

  it('event wrapper: Trojan drop point', async () => {
    const entry = await parseFixture('guardduty/gdsoar-eventbridge-Trojan-EC2-DropPoint.json');
    expect(entry.findings[0].checkId).toBe('Trojan:EC2/DropPoint');
    expect(entry.findings[0].resourceId).toBe('i-99999999');
  });
});

/** Builds a GuardDuty finding as EventBridge delivers it, with camelCase keys. */
function camelFinding(overrides: Record<string, unknown> = {}) {
  return {
    schemaVersion: '2.0',
    accountId: '222222222222',
    region: 'eu-west-1',
    partition: 'aws',
    id: 'cafe0001',
    arn: 'arn:aws:guardduty:eu-west-1:222222222222:detector/d1/finding/cafe0001',
    type: 'CryptoCurrency:EC2/BitcoinTool.B!DNS',
    resource: {
      resourceType: 'Instance',
      instanceDetails: {
        instanceId: 'i-0123456789abcdef0',
        tags: [{ key: 'eks:cluster-name', value: 'prod' }],
      },
    },
    service: { serviceName: 'guardduty', archived: true, resourceRole: 'TARGET', eventFirstSeen: '2024-01-01T00:00:00Z' },
    severity: 8.5,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-02T00:00:00.000Z',
    title: 'EC2 instance is querying a domain name associated with Bitcoin activity.',
    description: 'The instance queried a Bitcoin domain.',
    ...overrides,
  };
}

function event(detail: unknown) {
  return { version: '0', id: 'e1', 'detail-type': 'GuardDuty Finding', source: 'aws.guardduty', account: '222222222222', region: 'eu-west-1', detail };
}

describe('guardduty synthetic', () => {
  it('reads camelCase events', async () => {
    const entry = await parseText('events.json', JSON.stringify([event(camelFinding()), event(camelFinding({ id: 'cafe0002' }))]));
    expect(entry.format?.id).toBe('guardduty');
    expect(entry.findings).toHaveLength(2);
    const first = entry.findings[0];
    expect(first.id).toBe('cafe0001');
    expect(first.status).toBe('resolved');
    expect(first.severity).toBe('high');
    expect(first.resourceId).toBe('i-0123456789abcdef0');
    expect(first.accountId).toBe('222222222222');
    expect(first.hints.eksNode).toBe(true);
    expect(first.hints.resourceRole).toBe('TARGET');
    expect(first.firstSeen).toBe('2024-01-01T00:00:00.000Z');
  });

  it('reads JSON Lines of findings', async () => {
    const lines = [camelFinding(), camelFinding({ id: 'cafe0002' })].map((item) => JSON.stringify(item)).join('\n');
    const entry = await parseText('findings.jsonl', lines);
    expect(entry.findings.map((item) => item.id)).toEqual(['cafe0001', 'cafe0002']);
  });

  it('explains a list-findings file', async () => {
    const entry = await parseText('ids.json', JSON.stringify({ FindingIds: ['1ab92989eaf0e742df4a014d5example'] }));
    expect(entry.format?.id).toBe('guardduty');
    expect(entry.findings).toEqual([]);
    expect(recordCount(entry)).toBe(0);
    expect(entry.problems.map((problem) => problem.code)).toEqual(['not_findings']);
    expect(entry.problems[0].detail).toContain('get-findings');
  });

  it('rejects bad findings next to good ones', async () => {
    const page = {
      Findings: [camelFinding(), camelFinding({ id: undefined }), camelFinding({ severity: 'severe' }), null, camelFinding({ id: 'cafe0003' })],
    };
    const entry = await parseText('page.json', JSON.stringify(page));
    expect(entry.findings.map((item) => item.id)).toEqual(['cafe0001', 'cafe0003']);
    expect(entry.problems.map((problem) => [problem.record, problem.code, problem.path])).toEqual([
      [1, 'missing_field', 'Id'],
      [2, 'invalid_record', 'Severity'],
      [3, 'wrong_type', undefined],
    ]);
  });

  it('leaves ASFF findings alone', () => {
    const asff = { ...camelFinding(), ProductArn: 'arn:aws:securityhub:eu-west-1::product/aws/guardduty', GeneratorId: 'x' };
    const detection = guardDutyFormat.detect({ fileName: 'x.json', doc: { kind: 'json', value: { Findings: [asff] } } });
    expect(detection.match).toBe(false);
  });
});
