/**
 * Resource id -> catalog key: ARNs (`arn:<partition>:<namespace>:<region>:<account>:<resource>`), the
 * account id form `AWS::::Account:<id>`, bare EC2-style ids (`i-0abc...`, `vol-...`, `sg-...`), access
 * key ids and Terraform addresses (`aws_s3_bucket.logs`).
 *
 * Several rows share a namespace: EBS volumes and every VPC object sit under `ec2`, Aurora, DocumentDB
 * and Neptune under `rds`. The resource part picks the row where it can (`volume/` is EBS,
 * `cluster:` is Aurora); otherwise the namespace's first catalog row is used.
 */
import { serviceForNamespace } from './catalog';
import { serviceForResourceType } from './resource-types';

export interface Arn {
  partition: string;
  /** ARN namespace, lower case, e.g. `s3`, `elasticloadbalancing`. */
  namespace: string;
  region: string;
  account: string;
  resource: string;
}

const ARN_PATTERN = /^arn:(aws[a-z-]*):([a-z0-9-]+):([^:]*):([^:]*):(.+)$/i;

export function parseArn(value: string): Arn | null {
  const match = ARN_PATTERN.exec(value.trim());
  if (!match) return null;
  const [, partition, namespace, region, account, resource] = match;
  return { partition, namespace: namespace.toLowerCase(), region, account, resource };
}

/** Resource-part prefixes that pick a row inside a shared namespace, most specific first. */
const RESOURCE_PARTS = new Map<string, ReadonlyArray<readonly [string, string]>>(Object.entries({
  ec2: [
    ['volume/', 'ebs'],
    ['snapshot/', 'ebs'],
    ['vpc-endpoint', 'privatelink'],
    ['vpc-flow-log/', 'vpc'],
    ['vpc-peering-connection/', 'vpc'],
    ['vpc/', 'vpc'],
    ['subnet/', 'vpc'],
    ['security-group', 'vpc'],
    ['network-acl/', 'vpc'],
    ['route-table/', 'vpc'],
    ['internet-gateway/', 'vpc'],
    ['egress-only-internet-gateway/', 'vpc'],
    ['natgateway/', 'vpc'],
    ['dhcp-options/', 'vpc'],
    ['prefix-list/', 'vpc'],
    ['transit-gateway', 'transit-gateway'],
    ['vpn-', 'vpn'],
    ['customer-gateway/', 'vpn'],
    ['client-vpn-endpoint/', 'vpn'],
  ],
  rds: [
    ['cluster:', 'aurora'],
    ['cluster-snapshot:', 'aurora'],
  ],
  ssm: [['managed-instance/', 'ec2']],
  iam: [['root', 'account']],
}));

/** Catalog key for a parsed ARN, or null when its namespace is not in the catalog. */
export function serviceForArn(arn: Arn): string | null {
  for (const [prefix, key] of RESOURCE_PARTS.get(arn.namespace) ?? []) {
    if (arn.resource.startsWith(prefix)) return key;
  }
  return serviceForNamespace(arn.namespace);
}

/** Bare EC2 API ids: the prefix before the hexadecimal part names the resource. */
const EC2_ID_PATTERN = /^([a-z]+(?:-[a-z]+)*)-[0-9a-f]{8,17}$/;
const EC2_ID_PREFIXES = new Map(Object.entries({
  i: 'ec2',
  ami: 'ec2',
  eni: 'ec2',
  eipalloc: 'ec2',
  lt: 'ec2',
  vol: 'ebs',
  snap: 'ebs',
  sg: 'vpc',
  vpc: 'vpc',
  subnet: 'vpc',
  acl: 'vpc',
  rtb: 'vpc',
  igw: 'vpc',
  eigw: 'vpc',
  nat: 'vpc',
  pcx: 'vpc',
  fl: 'vpc',
  dopt: 'vpc',
  vpce: 'privatelink',
  tgw: 'transit-gateway',
  'tgw-attach': 'transit-gateway',
  vgw: 'vpn',
  cgw: 'vpn',
  vpn: 'vpn',
  'cvpn-endpoint': 'vpn',
}));

/** IAM access key ids: AKIA (long-term) and ASIA (temporary) followed by 16 characters. */
const ACCESS_KEY_ID_PATTERN = /^(AKIA|ASIA)[A-Z0-9]{16}$/;
const ACCOUNT_ID_PATTERN = /^AWS::::Account:\d+$/i;
const TERRAFORM_ADDRESS_PATTERN = /(?:^|\.)(aws_[a-z0-9_]+)\.[^.]/;
/** Azure resource ids and Google Cloud resource names. */
const NON_AWS_ID_PATTERN = /^(\/subscriptions\/|\/\/[a-z]+\.googleapis\.com\/|projects\/[^/]+\/)/i;

export type ResourceIdMatch = { kind: 'service'; key: string } | { kind: 'non-aws' } | { kind: 'unknown' };

/** Matches a resource id to a catalog row, to `non-aws` for Azure and Google Cloud ids, or to `unknown`. */
export function matchResourceId(id: string): ResourceIdMatch {
  const value = id.trim();
  const arn = parseArn(value);
  if (arn) return found(serviceForArn(arn));
  if (ACCOUNT_ID_PATTERN.test(value)) return found('account');
  if (ACCESS_KEY_ID_PATTERN.test(value)) return found('iam');
  if (NON_AWS_ID_PATTERN.test(value)) return { kind: 'non-aws' };

  const ec2Id = EC2_ID_PATTERN.exec(value);
  if (ec2Id) return found(EC2_ID_PREFIXES.get(ec2Id[1]) ?? null);

  const terraform = TERRAFORM_ADDRESS_PATTERN.exec(value);
  if (terraform) return found(serviceForResourceType(terraform[1]));
  return { kind: 'unknown' };
}

function found(key: string | null): ResourceIdMatch {
  return key ? { kind: 'service', key } : { kind: 'unknown' };
}
