import { readdirSync } from 'node:fs';
import { isIPv4, isIPv6 } from 'node:net';
import { describe, expect, it } from 'vitest';
import { testFinding } from '../model/test-finding';
import { ingest } from '../ingest/dataset';
import type { Finding } from '../model/finding';
import { FIXTURES_DIR, describeWithFixtures, fixturesIn, readFixture } from '../test-support/fixtures';
import { isDistinctiveName, parseArn, splitArnResource } from './pseudonym-patterns';
import { Pseudonymiser, pseudonymKeyFromText, randomPseudonymKey } from './pseudonymise';

const ACCOUNT = '123456789012';
const OTHER_ACCOUNT = '210987654321';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/service-role/PaymentsDeployRole`;
const BUCKET_ARN = 'arn:aws:s3:::acme-payments-logs';
const INSTANCE_ID = 'i-0a1b2c3d4e5f60718';
const INSTANCE_ARN = `arn:aws:ec2:eu-west-1:${OTHER_ACCOUNT}:instance/${INSTANCE_ID}`;
const PUBLIC_IP = '198.51.100.23';
const PRIVATE_IP = '10.20.30.40';
const IPV6 = '2a05:d018:1234:5678::42';

/** Builds a finding with an account id, ARNs, addresses and names in every kind of field. */
function plantedFinding(): Finding {
  return testFinding({
    id: `arn:aws:securityhub:eu-west-1:${ACCOUNT}:subscription/aws-foundational-security-best-practices/v/1.0.0/S3.1/finding/5e1f`,
    title: `Role ${ROLE_ARN} was used from ${PUBLIC_IP}`,
    description: `Instance ${INSTANCE_ID} (ip-10-20-30-40.eu-west-1.compute.internal) talked to ${IPV6}. Logs go to acme-payments-logs.s3.amazonaws.com and PaymentsDeployRole.`,
    resourceType: 'AwsIamRole',
    resourceId: ROLE_ARN,
    accountId: ACCOUNT,
    region: 'eu-west-1',
    remediation: `Remove the public grant on bucket acme-payments-logs in account ${OTHER_ACCOUNT}.`,
    remediationUrl: `https://console.aws.amazon.com/iam/home#/roles/PaymentsDeployRole?account=${ACCOUNT}`,
    tags: { [`owner-${ACCOUNT}`]: PRIVATE_IP, team: 'acme-payments-logs' },
    cves: ['CVE-2024-1234'],
    standards: ['standards/aws-foundational-security-best-practices/v/1.0.0'],
    hints: { resourceIds: [ROLE_ARN, BUCKET_ARN, INSTANCE_ARN], productName: 'GuardDuty', types: ['TTPs/Discovery'] },
    raw: JSON.stringify({
      AwsAccountId: ACCOUNT,
      Resources: [{ Id: INSTANCE_ARN }, { Id: BUCKET_ARN }],
      Network: { RemoteIpDetails: { IpAddressV4: PUBLIC_IP }, LocalIp: PRIVATE_IP, V6: IPV6 },
      Policy: 'arn:aws:iam::aws:policy/AdministratorAccess',
    }),
    sourceFile: `exports/${ACCOUNT}/findings.json`,
  });
}

function pseudonymise(findings: readonly Finding[], key = randomPseudonymKey()): Finding[] {
  const pseudonymiser = new Pseudonymiser(key);
  for (const finding of findings) pseudonymiser.learnFinding(finding);
  return findings.map((finding) => pseudonymiser.finding(finding));
}

describe('Pseudonymiser', () => {
  it('leaves no planted value in any field', () => {
    const [output] = pseudonymise([plantedFinding()]);
    const serialized = JSON.stringify(output);
    for (const original of [ACCOUNT, OTHER_ACCOUNT, PUBLIC_IP, PRIVATE_IP, IPV6, INSTANCE_ID, 'PaymentsDeployRole', 'acme-payments-logs', '10-20-30-40']) {
      expect(serialized, original).not.toContain(original);
    }
  });

  it('gives one value one pseudonym everywhere', () => {
    const [output] = pseudonymise([plantedFinding()]);
    const account = output.accountId;
    expect(account).toMatch(/^\d{12}$/);
    expect(output.resourceId).toContain(`::${account}:role/`);
    expect(output.sourceFile).toBe(`exports/${account}/findings.json`);
    expect(JSON.parse(output.raw).AwsAccountId).toBe(account);

    const role = /role\/[^/]+\/([^\s]+)/.exec(output.resourceId ?? '')?.[1];
    expect(output.description).toContain(`and ${role}.`);
    const bucket = /arn:aws:s3:::(\S+?)"/.exec(output.raw)?.[1];
    expect(output.tags.team).toBe(bucket);
    expect(output.description).toContain(`${bucket}.s3.amazonaws.com`);
  });

  it('keeps the same pseudonyms across findings', () => {
    const [first, second] = pseudonymise([plantedFinding(), plantedFinding()]);
    expect(second.accountId).toBe(first.accountId);
    expect(second.title).toBe(first.title);
    expect(second.raw).toBe(first.raw);
  });

  it('repeats pseudonyms with a fixed key', () => {
    const key = pseudonymKeyFromText('shared team key');
    const [first] = pseudonymise([plantedFinding()], key);
    const [second] = pseudonymise([plantedFinding()], pseudonymKeyFromText('shared team key'));
    expect(second).toEqual(first);
  });

  it('changes pseudonyms with a random key', () => {
    const [first] = pseudonymise([plantedFinding()]);
    const [second] = pseudonymise([plantedFinding()]);
    expect(second.accountId).not.toBe(first.accountId);
  });

  it('keeps the shape of each value', () => {
    const [output] = pseudonymise([plantedFinding()]);
    const raw = JSON.parse(output.raw);
    const publicIp = raw.Network.RemoteIpDetails.IpAddressV4;
    expect(isIPv4(publicIp)).toBe(true);
    expect(Number(publicIp.split('.')[0])).toBeGreaterThanOrEqual(240);
    expect(raw.Network.LocalIp).toMatch(/^10\.\d+\.\d+\.\d+$/);
    expect(isIPv6(raw.Network.V6)).toBe(true);
    expect(raw.Network.V6).toMatch(/^2001:db8:/);
    const instance = /instance\/(i-[0-9a-f]+)/.exec(output.raw)?.[1] ?? '';
    expect(instance).toHaveLength(INSTANCE_ID.length);
    expect(output.description).toContain(instance);
    expect(output.description).toMatch(/ip-10-\d+-\d+-\d+\.eu-west-1\.compute\.internal/);
  });

  it('keeps AWS-defined names and own fields', () => {
    const planted = plantedFinding();
    const [output] = pseudonymise([planted]);
    expect(JSON.parse(output.raw).Policy).toBe('arn:aws:iam::aws:policy/AdministratorAccess');
    expect(output.id).toMatch(/^arn:aws:securityhub:eu-west-1:\d{12}:subscription\/aws-foundational-security-best-practices\/v\/1\.0\.0\/S3\.1\/finding\/5e1f$/);
    expect(output.standards).toEqual(planted.standards);
    expect(output.region).toBe('eu-west-1');
    expect(output.cves).toEqual(['CVE-2024-1234']);
    expect(output.hints.productName).toBe('GuardDuty');
    for (const field of ['status', 'severity', 'category', 'layer', 'owner', 'service', 'rule', 'sourceFormat'] as const) {
      expect(output[field], field).toBe(planted[field]);
    }
  });

  it('leaves times, versions and special addresses', () => {
    const pseudonymiser = new Pseudonymiser(randomPseudonymKey());
    const text = 'At 2024-05-01T12:30:45Z, 12:30:45, openssl 1.1.1 asked 169.254.169.254 and 127.0.0.1 via ::1 for 0.0.0.0/0';
    expect(pseudonymiser.text(text)).toBe(text);
  });

  it('keeps plain words that name resources', () => {
    const pseudonymiser = new Pseudonymiser(randomPseudonymKey());
    pseudonymiser.learn(`arn:aws:events:us-east-1:${ACCOUNT}:event-bus/default`);
    expect(pseudonymiser.text('Uses the default event bus')).toBe('Uses the default event bus');
    expect(pseudonymiser.text('default')).toMatch(/^name-[0-9a-f]{10}$/);
  });
});

describe('pseudonym patterns', () => {
  it('splits ARN resources into type and names', () => {
    const role = parseArn(ROLE_ARN);
    expect(role).not.toBeNull();
    expect(splitArnResource(role!.service, role!.resource)).toEqual([
      { text: 'role/', name: false },
      { text: 'service-role', name: true },
      { text: '/', name: false },
      { text: 'PaymentsDeployRole', name: true },
    ]);
    expect(splitArnResource('s3', 'bucket-a/logs/2024')).toEqual([
      { text: 'bucket-a', name: true },
      { text: '/', name: false },
      { text: 'logs', name: true },
      { text: '/', name: false },
      { text: '2024', name: false },
    ]);
    expect(splitArnResource('lambda', 'function:fn-a:$LATEST').map((piece) => piece.name)).toEqual([false, true, false, false]);
  });

  it('marks distinctive names', () => {
    expect(isDistinctiveName('PaymentsDeployRole')).toBe(true);
    expect(isDistinctiveName('acme-logs')).toBe(true);
    expect(isDistinctiveName('default')).toBe(false);
    expect(isDistinctiveName('logs')).toBe(false);
    expect(isDistinctiveName('eu-west-1')).toBe(false);
    expect(isDistinctiveName('2024')).toBe(false);
  });
});

/** Values the pseudonymiser must replace, found with patterns and validators independent of its own. */
function sensitiveValues(serialized: string): Set<string> {
  const found = new Set<string>();
  for (const match of serialized.matchAll(/(?<!\d)\d{12}(?!\d)/g)) found.add(match[0]);
  for (const match of serialized.matchAll(/(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d]|\.\d)/g)) {
    const keep = match[0] === '0.0.0.0' || /^(127|255)\./.test(match[0]) || match[0] === '169.254.169.254';
    if (isIPv4(match[0]) && !keep) found.add(match[0]);
  }
  for (const match of serialized.matchAll(/(?<![\w:.-])[0-9a-fA-F:]*:[0-9a-fA-F:]*:[0-9a-fA-F:.]*/g)) {
    if (isIPv6(match[0]) && match[0] !== '::' && match[0] !== '::1') found.add(match[0]);
  }
  for (const match of serialized.matchAll(/arn:aws[\w-]*:[\w-]*:[\w-]*:\d{12}:[^\s"',\\]+/g)) found.add(match[0]);
  return found;
}

/** Distinctive resource names inside customer ARNs: they must not stand as a word anywhere in the output. */
function resourceNames(serialized: string): Set<string> {
  const names = new Set<string>();
  for (const match of serialized.matchAll(/arn:aws[\w-]*:[\w-]*:[\w-]*:[\w-]*:[^\s"',\\]+/g)) {
    const arn = parseArn(match[0]);
    if (!arn || arn.service === 'securityhub' || !(arn.service === 's3' || /^\d{12}$/.test(arn.account))) continue;
    for (const piece of splitArnResource(arn.service, arn.resource)) {
      if (piece.name && isDistinctiveName(piece.text)) names.add(piece.text);
    }
  }
  return names;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describeWithFixtures('Pseudonymiser on fixtures', () => {
  const folders = readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  let replaced = 0;

  it.each(folders)('leaves no account, address or ARN in %s', async (folder) => {
    const dataset = await ingest(fixturesIn(folder).map((path) => ({ path, bytes: readFixture(path) })));
    const before = JSON.stringify(dataset.findings);
    const after = JSON.stringify(pseudonymise(dataset.findings));
    const originals = sensitiveValues(before);
    replaced += originals.size;
    const left = [...originals].filter((value) => after.includes(value));
    expect(left).toEqual([]);
    const names = [...resourceNames(before)].filter((name) => new RegExp(`(?<![\\w.+=@-])${escapeRegExp(name)}(?![\\w+=@-])`).test(after));
    expect(names).toEqual([]);
  });

  it('found values to replace', () => {
    // Several folders use placeholders such as <account_uid>; the real ids in the others must be found.
    expect(replaced).toBeGreaterThan(100);
  });

  it('keeps the finding count and classification', async () => {
    const dataset = await ingest(fixturesIn('asff').map((path) => ({ path, bytes: readFixture(path) })));
    const output = pseudonymise(dataset.findings);
    expect(output).toHaveLength(dataset.findings.length);
    expect(output.map((finding) => finding.layer)).toEqual(dataset.findings.map((finding) => finding.layer));
  });
});
