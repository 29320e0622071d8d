/**
 * Writes a Prowler JSON-OCSF export: a top-level array of OCSF 1.4 Detection Findings (class_uid 2004) as
 * Prowler 5 writes them, with real check ids from the Prowler checks table. Muted results carry the OCSF
 * status "Suppressed" (status_id 3). Each finding is about 2 KB of compact JSON.
 */
import type { Severity, Status } from '../../src/model/vocabulary';
import { REGIONS, isoTime, makeAccounts } from '../lib/places';
import { Random } from '../lib/random';
import { readChecks, type CheckRow } from '../lib/reference';
import { countProduct, countSource, emptyTally, type Tally } from '../lib/tally';
import type { FileWriter } from '../lib/writer';
import type { GenerateOptions } from './asff';

/** Intended status mix of a full Prowler run: most checks pass, some are muted. */
const STATUS_WEIGHTS: Record<Exclude<Status, 'resolved'>, number> = { open: 38, passed: 52, suppressed: 5, unknown: 5 };

const SEVERITY_WEIGHTS: Record<Severity, number> = { critical: 5, high: 20, medium: 45, low: 20, informational: 10 };

/** OCSF severity_id and caption for each severity. */
const OCSF_SEVERITY: Record<Severity, { id: number; caption: string }> = {
  critical: { id: 5, caption: 'Critical' },
  high: { id: 4, caption: 'High' },
  medium: { id: 3, caption: 'Medium' },
  low: { id: 2, caption: 'Low' },
  informational: { id: 1, caption: 'Informational' },
};

/** Prowler status_code for each intended status. A muted result keeps its FAIL code. */
const STATUS_CODES: Record<Exclude<Status, 'resolved'>, string> = { open: 'FAIL', passed: 'PASS', suppressed: 'FAIL', unknown: 'MANUAL' };

/** Writes `options.count` findings to `out` and returns the tally. Only one finding is in memory at a time. */
export function generateProwlerOcsf(options: GenerateOptions, out: FileWriter): Tally {
  const random = new Random(options.seed);
  const accounts = makeAccounts(random, options.accounts ?? 12);
  const checks = readChecks();
  const tally = emptyTally('prowler-ocsf', options.seed, accounts.length, REGIONS.length);

  out.write('[\n');
  for (let index = 0; index < options.count; index++) {
    const status = random.weighted(STATUS_WEIGHTS);
    const severity = random.weighted(SEVERITY_WEIGHTS);
    const finding = ocsfFinding(random, random.pick(checks), random.pick(accounts), status, severity);
    out.write(index === 0 ? '  ' : ',\n  ');
    out.write(JSON.stringify(finding));

    tally.records++;
    tally.byStatus[status]++;
    tally.bySeverity[severity]++;
    countProduct(tally, 'prowler');
    countSource(tally, 'status_code', STATUS_CODES[status]);
    countSource(tally, 'status', status === 'suppressed' ? 'Suppressed' : 'New');
  }
  out.write('\n]\n');
  return tally;
}

function ocsfFinding(
  random: Random,
  check: CheckRow,
  account: string,
  status: Exclude<Status, 'resolved'>,
  severity: Severity,
): Record<string, unknown> {
  const region = random.pick(REGIONS);
  const time = isoTime(random);
  const epoch = Math.floor(Date.parse(time) / 1000);
  const resourceName = `${check.serviceName}-${random.hex(10)}`;
  const resourceArn = `arn:aws:${check.serviceName}:${region}:${account}:${resourceName}`;
  const code = STATUS_CODES[status];
  const detail = `${check.title}: ${code === 'PASS' ? 'passed' : code === 'FAIL' ? 'failed' : 'needs a manual review'} for ${resourceName}.`;
  const muted = status === 'suppressed';
  return {
    message: detail,
    metadata: {
      event_code: check.checkId,
      product: { name: 'Prowler', uid: 'prowler', vendor_name: 'Prowler', version: '5.7.2' },
      profiles: ['cloud', 'datetime'],
      tenant_uid: '',
      version: '1.4.0',
    },
    severity_id: OCSF_SEVERITY[severity].id,
    severity: OCSF_SEVERITY[severity].caption,
    status: muted ? 'Suppressed' : 'New',
    status_code: code,
    status_detail: detail,
    status_id: muted ? 3 : 1,
    unmapped: {
      related_url: `https://docs.aws.amazon.com/${check.serviceName}/latest/userguide/`,
      categories: check.categories,
      depends_on: [],
      related_to: [],
      additional_urls: [],
      notes: '',
      compliance: { 'CIS-3.0': [`${random.int(1, 5)}.${random.int(1, 20)}`], 'SOC2': ['cc_6_1'] },
    },
    activity_name: 'Create',
    activity_id: 1,
    finding_info: {
      created_time: epoch,
      created_time_dt: time,
      desc: `${check.title}.`,
      product_uid: 'prowler',
      title: check.title,
      types: ['Software and Configuration Checks/AWS Security Best Practices'],
      uid: `prowler-aws-${check.checkId}-${account}-${region}-${random.hex(12)}`,
    },
    resources: [
      {
        cloud_partition: 'aws',
        region,
        data: { details: '', metadata: { arn: resourceArn, name: resourceName, region } },
        group: { name: check.serviceName },
        labels: [`Environment:${random.pick(['prod', 'staging', 'dev'])}`],
        name: resourceName,
        type: check.resourceType,
        uid: resourceArn,
      },
    ],
    category_name: 'Findings',
    category_uid: 2,
    class_name: 'Detection Finding',
    class_uid: 2004,
    cloud: {
      account: { name: `account-${account.slice(-4)}`, type: 'AWS Account', type_id: 10, uid: account, labels: [] },
      org: { name: '', uid: '' },
      provider: 'aws',
      region,
    },
    remediation: {
      desc: `Follow the remediation for ${check.checkId} in the Prowler documentation.`,
      references: [`https://hub.prowler.com/check/${check.checkId}`],
    },
    risk_details: `If ${check.title.toLowerCase()} does not hold, the resource is more exposed than intended.`,
    time: epoch,
    time_dt: time,
    type_uid: 200401,
    type_name: 'Detection Finding: Create',
  };
}
