/**
 * Resource type name -> catalog key, for every vocabulary the formats carry: ASFF (`AwsS3Bucket`),
 * CloudFormation (`AWS::S3::Bucket`), Terraform (`aws_s3_bucket`), Inspector (`AWS_EC2_INSTANCE`) and
 * GuardDuty (`Instance`, `AccessKey`, `S3Bucket`).
 *
 * Names are compared in lower case with separators removed, so `AWS::EC2::Instance`, `AwsEc2Instance`
 * and `AWS_EC2_INSTANCE` are one name. ASFF is not a closed vocabulary (tools emit `AwsGlue`, `AwsEMR`,
 * `AwsLogsLogGroup`), so an unknown name takes the longest known prefix: `AwsEc2Volume` is EBS,
 * `AwsEc2Whatever` falls back to EC2.
 */
import { PREFERRED_ROWS, SERVICES, compactName } from './catalog';
import { BARE_TYPE_NAMES, KUBERNETES_KINDS, NON_AWS_TYPE_PREFIXES } from './resource-type-names';

export type ResourceTypeMatch =
  | { kind: 'service'; key: string }
  /** A resource outside AWS: Azure, Google Cloud, Kubernetes objects, code repositories. */
  | { kind: 'non-aws' }
  /** `Other`, `Container`, an empty or an unknown name, which names no service. */
  | { kind: 'unknown' };

/** Type names that carry no service: ASFF `Other`, the generic `Container`, placeholders. */
const GENERIC_TYPES = new Set(['', 'other', 'container', 'resource', 'unknown', 'none']);

/** Shortest prefix worth a lookup: `awsdb` (Terraform `aws_db_*`) has five characters. */
const MIN_PREFIX_LENGTH = 5;

const PREFIX_INDEX = buildPrefixIndex();

/** Type name -> key; the first row listing a name wins unless the catalog prefers another row. */
function buildPrefixIndex(): Map<string, string> {
  const index = new Map<string, string>();
  for (const service of SERVICES) {
    const names = [...service.asffTypes, ...service.cloudFormationTypes, ...service.terraformTypes];
    for (const name of names) {
      const compact = compactName(name);
      if (!index.has(compact)) index.set(compact, PREFERRED_ROWS[compact] ?? service.key);
    }
  }
  return index;
}

const NON_AWS_KINDS = new Set(KUBERNETES_KINDS);
/** A Map, not the object, so that input such as `constructor` cannot reach Object.prototype. */
const BARE_TYPES = new Map(Object.entries(BARE_TYPE_NAMES));

/** Results by raw name: real exports repeat a few dozen type names across all their findings. */
const cache = new Map<string, ResourceTypeMatch>();
const CACHE_LIMIT = 10_000;

export function matchResourceType(type: string): ResourceTypeMatch {
  let match = cache.get(type);
  if (match) return match;
  match = lookUp(compactName(type));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(type, match);
  return match;
}

function lookUp(compact: string): ResourceTypeMatch {
  if (GENERIC_TYPES.has(compact)) return { kind: 'unknown' };
  const bare = BARE_TYPES.get(compact);
  if (bare) return { kind: 'service', key: bare };
  if (NON_AWS_KINDS.has(compact) || NON_AWS_TYPE_PREFIXES.some((prefix) => compact.startsWith(prefix))) {
    return { kind: 'non-aws' };
  }
  for (let length = compact.length; length >= MIN_PREFIX_LENGTH; length--) {
    const key = PREFIX_INDEX.get(compact.slice(0, length));
    if (key) return { kind: 'service', key };
  }
  return { kind: 'unknown' };
}

/** Catalog key for a resource type name, or null when the name names no AWS service. */
export function serviceForResourceType(type: string): string | null {
  const match = matchResourceType(type);
  return match.kind === 'service' ? match.key : null;
}

/**
 * Words that pick an EC2-family row from the resource part of a rule id, in order: Prowler
 * `ec2_securitygroup_*`, ScoutSuite `ec2-ebs-volume-not-encrypted`, or a ScoutSuite collection name
 * such as `security_groups`. Compared against the compact text after the service word.
 */
const EC2_RESOURCE_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['securitygroup', 'vpc'],
  ['defaultsecuritygroup', 'vpc'],
  ['networkacl', 'vpc'],
  ['nacl', 'vpc'],
  ['vpcendpoint', 'privatelink'],
  ['vpc', 'vpc'],
  ['subnet', 'vpc'],
  ['routetable', 'vpc'],
  ['flowlog', 'vpc'],
  ['internetgateway', 'vpc'],
  ['natgateway', 'vpc'],
  ['ebs', 'ebs'],
  ['volume', 'ebs'],
  ['snapshot', 'ebs'],
  ['transitgateway', 'transit-gateway'],
  ['clientvpn', 'vpn'],
  ['vpn', 'vpn'],
];

/**
 * Picks the EC2-family row (EBS, VPC, VPN, Transit Gateway) a resource word names, for findings whose
 * tool files all of them under one `ec2` service. Returns `key` unchanged outside the EC2 family.
 */
export function refineEc2Family(key: string, resourceWords: string): string {
  if (key !== 'ec2') return key;
  const compact = compactName(resourceWords);
  for (const [word, row] of EC2_RESOURCE_WORDS) {
    if (compact.startsWith(word)) return row;
  }
  return key;
}
