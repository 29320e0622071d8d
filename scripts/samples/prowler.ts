/**
 * Prowler scan results in its OCSF JSON output (Detection Finding, OCSF 1.4.0, as Prowler v5 writes it):
 * one object per check and resource, with PASS, FAIL and MANUAL results and muted findings.
 */
import type { SampleCheck, SampleSeverity } from './catalog';
import type { Resource } from './estate';
import type { Random } from './random';

type Json = Record<string, unknown>;

const PROWLER_VERSION = '5.7.2';
const SEVERITY: Record<SampleSeverity, { label: string; id: number }> = {
  CRITICAL: { label: 'Critical', id: 5 },
  HIGH: { label: 'High', id: 4 },
  MEDIUM: { label: 'Medium', id: 3 },
  LOW: { label: 'Low', id: 2 },
  INFORMATIONAL: { label: 'Informational', id: 1 },
};

interface CheckOutcome {
  code: 'PASS' | 'FAIL' | 'MANUAL';
  muted: boolean;
}

function checkOutcome(check: SampleCheck, random: Random): CheckOutcome {
  if (check.kind === 'account' && random.chance(0.25)) return { code: 'MANUAL', muted: false };
  if (random.chance(check.failRate)) return { code: 'FAIL', muted: random.chance(0.1) };
  return { code: 'PASS', muted: random.chance(0.03) };
}

function statusDetail(check: SampleCheck, resource: Resource, code: CheckOutcome['code']): string {
  switch (code) {
    case 'PASS':
      return `${resource.name} passes: ${check.title}.`;
    case 'FAIL':
      return `${resource.name} fails: ${check.title}.`;
    case 'MANUAL':
      return `Check ${check.id} needs a manual review for account ${resource.account.id}.`;
  }
}

function tagList(tags: Record<string, string>): Json[] {
  return Object.entries(tags).map(([key, value]) => ({ key, value }));
}

export function prowlerFinding(check: SampleCheck, resource: Resource, random: Random, now: Date): Json {
  const outcome = checkOutcome(check, random);
  const severity = SEVERITY[check.severity];
  const detail = statusDetail(check, resource, outcome.code);
  const time = Math.floor(now.getTime() / 1000) - random.int(0, 3600);
  const timeDt = new Date(time * 1000).toISOString().replace('Z', '');
  const resourceUid = resource.kind === 'account' ? `arn:aws:iam::${resource.account.id}:root` : resource.arn;
  const compliance: Record<string, string[]> = {};
  if (check.fsbp.length > 0) compliance['AWS-Foundational-Security-Best-Practices'] = check.fsbp;

  return {
    message: detail,
    metadata: {
      event_code: check.id,
      product: { name: 'Prowler', uid: 'prowler', vendor_name: 'Prowler', version: PROWLER_VERSION },
      profiles: ['cloud', 'datetime'],
      tenant_uid: '',
      version: '1.4.0',
    },
    severity_id: severity.id,
    severity: severity.label,
    status: outcome.muted ? 'Suppressed' : 'New',
    status_code: outcome.code,
    status_detail: detail,
    status_id: outcome.muted ? 3 : 1,
    unmapped: {
      related_url: '',
      categories: check.categories,
      depends_on: [],
      related_to: [],
      additional_urls: [],
      notes: '',
      compliance,
    },
    activity_name: 'Create',
    activity_id: 1,
    finding_info: {
      created_time: time,
      created_time_dt: timeDt,
      desc: check.title,
      product_uid: 'prowler',
      title: check.title,
      types: check.categories.length > 0 ? check.categories : ['Software and Configuration Checks'],
      uid: `prowler-aws-${check.id}-${resource.account.id}-${resource.region}-${resource.name}`,
    },
    resources: [
      {
        cloud_partition: 'aws',
        region: resource.region,
        data: { details: '', metadata: { arn: resourceUid, name: resource.name } },
        group: { name: check.service },
        labels: [],
        name: resource.name,
        type: check.resourceType,
        uid: resourceUid,
        tags: tagList(resource.tags),
      },
    ],
    category_name: 'Findings',
    category_uid: 2,
    class_name: 'Detection Finding',
    class_uid: 2004,
    cloud: {
      account: { name: resource.account.name, type: 'AWS Account', type_id: 10, uid: resource.account.id, labels: [] },
      org: { name: '', uid: '' },
      provider: 'aws',
      region: resource.region,
    },
    remediation: {
      desc: `Change the configuration so that this holds: ${check.title}.`,
      references: [`https://hub.prowler.com/check/${check.id}`],
    },
    risk_details: `Failing "${check.title}" weakens the security of ${resource.name}.`,
    time,
    time_dt: timeDt,
    type_uid: 200401,
    type_name: 'Detection Finding: Create',
  };
}
