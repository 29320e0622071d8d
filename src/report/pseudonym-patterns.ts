/**
 * Patterns that pseudonymisation looks for in text: ARNs, IPv4 and IPv6 addresses, 12-digit AWS account ids and EC2-style
 * resource ids. The scanner walks a string once and hands every match to a callback, so replaced text is never
 * scanned again.
 */

/** An ARN with any account field. Its resource part runs to white space, a quote or a bracket. */
const ARN_SOURCE = String.raw`(?<![\w-])arn:aws(?:-[a-z]+)*:[a-z0-9-]*:[a-z0-9-]*:[a-z0-9-]*:[^\s"'<>\`,;()[\]{}\\|]+`;

export const ARN_IN_TEXT = new RegExp(ARN_SOURCE, 'g');

/** A run of the characters that bucket, role and function names are made of, ended by `/`, `:` or white space. */
export const TOKEN = /[\w.+=@-]+/g;

/**
 * One pass over text. Alternatives are tried in order at each position: an ARN, then an IPv6 candidate (to be
 * validated, because times such as 12:30:45 look alike), then a token that may contain an IPv4 address, an
 * account id or a resource name.
 */
export const SCAN = new RegExp(
  `(${ARN_SOURCE})|(?<![\\w:.-])((?:[0-9A-Fa-f]{0,4}:){2,7}(?:\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9A-Fa-f]{1,4})?)(?![\\w:]|\\.\\d)|(${TOKEN.source})`,
  'g',
);

/**
 * Patterns inside one token: an IPv4 address, an EC2 host name with a dashed IPv4 address, an account id, an
 * EC2-style id. NOTE: a four-part version number such as 1.2.3.4 is indistinguishable from an address and is
 * replaced too.
 */
export const TOKEN_PARTS =
  /(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d]|\.\d)|(?<![\w-])(ip|ec2)-(\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3})(?![\d-])|(?<!\d)(\d{12})(?!\d)|(?<![\w-])([a-z]{1,12}-(?:[0-9a-f]{17}|[0-9a-f]{8}))(?![\w-])/g;

export const ACCOUNT_ID = /^\d{12}$/;

/** AWS Region names (us-east-1, us-gov-west-1, cn-north-1), which are never treated as resource names. */
const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d$/;

export function isIpv4(text: string): boolean {
  const octets = text.split('.');
  return octets.length === 4 && octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255 && !/^0\d/.test(octet));
}

const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** Checks the full IPv6 text form (RFC 4291, 2.2), including `::` and a trailing dotted IPv4 address. */
export function isIpv6(text: string): boolean {
  let body = text;
  let trailingGroups = 0;
  const dotted = /(?:^|:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(body);
  if (dotted) {
    if (!isIpv4(dotted[1])) return false;
    body = body.slice(0, body.length - dotted[1].length);
    if (!body.endsWith(':')) return false;
    // The dotted address counts as two groups, and a `::` before it keeps both colons.
    body = body.endsWith('::') ? body : body.slice(0, -1);
    trailingGroups = 2;
  }

  const halves = body.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  if (halves.length === 1) {
    const all = groups(body);
    return all.length + trailingGroups === 8 && all.every((group) => HEX_GROUP.test(group));
  }
  const all = [...groups(halves[0]), ...groups(halves[1])];
  return all.length + trailingGroups <= 7 && all.every((group) => HEX_GROUP.test(group));
}

/** Parsed parts of an ARN: `arn:partition:service:region:account:resource`. */
export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

export function parseArn(text: string): Arn | null {
  const match = /^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.+)$/s.exec(text);
  if (!match) return null;
  const [, partition, service, region, account, resource] = match;
  return { partition, service, region, account, resource };
}

/** One piece of an ARN resource: a name to replace, or text kept as it is (a resource type, a separator). */
export interface ResourcePiece {
  text: string;
  name: boolean;
}

/** Segments kept in ARN resources: wildcards, Lambda `$LATEST`, the IAM `root` user and version numbers. */
const KEPT_SEGMENT = /^(?:\*|\$LATEST|root|\d{1,6})$/;

/** A leading resource type (`role/`, `function:`, `log-group:`) is kept. S3 resources have none. */
const RESOURCE_TYPE = /^([A-Za-z][A-Za-z0-9-]*)([/:])(.+)$/s;

/**
 * Splits an ARN resource into the resource type and the names after it. The names are each path or colon
 * segment, so that `role/service-role/MyRole` keeps its shape with both segments replaced.
 */
export function splitArnResource(service: string, resource: string): ResourcePiece[] {
  const typed = service === 's3' ? null : RESOURCE_TYPE.exec(resource);
  const pieces: ResourcePiece[] = [];
  let rest = resource;
  if (typed) {
    pieces.push({ text: typed[1] + typed[2], name: false });
    rest = typed[3];
  }
  for (const segment of rest.split(/([/:])/)) {
    if (segment === '') continue;
    const isSeparator = segment === '/' || segment === ':';
    pieces.push({ text: segment, name: !isSeparator && !KEPT_SEGMENT.test(segment) });
  }
  return pieces;
}

/**
 * Tests whether a resource name is distinctive enough to be replaced wherever it appears as a word, outside
 * ARNs too. It must have at least 4 characters, not only digits, not be a Region, and be marked as an identifier
 * by a digit, `-`, `_`, `.` or an upper-case letter after the first character. Plain words such as `default` or
 * `logs` stay readable.
 */
// NOTE: a plain-word name (a role called `Admin`, a bucket called `payments`) is replaced inside ARNs and as a
// whole field value only, so it stays readable in titles, descriptions and raw records.
export function isDistinctiveName(name: string): boolean {
  if (name.length < 4 || /^\d+$/.test(name) || REGION.test(name)) return false;
  return /[\d\-_.]/.test(name) || /[A-Z]/.test(name.slice(1));
}
