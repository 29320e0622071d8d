/**
 * Helpers for formats whose findings point at code (IaC and secret scanners): resource types from
 * Terraform addresses and CloudFormation names, line numbers, and the `file:line` resource id.
 */

const CLOUDFORMATION_TYPE = /^(?:AWS|Alexa)::[A-Za-z0-9]+::[A-Za-z0-9]+(?:::[A-Za-z0-9]+)?/;
const TERRAFORM_TYPE = /^[a-z][a-z0-9]*_[a-z0-9_]+$/;
const MODULE_PREFIX = /^(?:module\.[^.]+\.)+/;

/**
 * Returns the resource type of a Terraform address (`aws_s3_bucket.data`, `module.vpc.aws_subnet.public[0]`,
 * tfsec's `module.A:module.B:aws_eks_cluster.this`, `data.aws_iam_policy_document.x`) or of a
 * CloudFormation name (`AWS::S3::Bucket.MyBucket`). Null when the text is neither.
 */
export function iacResourceType(address: string | null): string | null {
  if (!address) return null;
  const cloudFormation = CLOUDFORMATION_TYPE.exec(address);
  if (cloudFormation) return cloudFormation[0];
  const lastModulePart = address.slice(address.lastIndexOf(':') + 1);
  const segments = lastModulePart.replace(MODULE_PREFIX, '').replace(/^data\./, '').split('.');
  const type = segments[0].replace(/\[.*$/, '');
  return segments.length >= 2 && TERRAFORM_TYPE.test(type) ? type : null;
}

/** Finds the quoted resource address in messages such as "Resource 'aws_s3_bucket.x' has ..." (tfsec). */
export function addressInText(text: string | null): string | null {
  if (!text) return null;
  const match = /\b(?:Resource|Block) '([^']{1,512})'/.exec(text);
  return match ? match[1] : null;
}

/** Formats `file:line`, or the file alone when the line is unknown. */
export function codeLocation(file: string | null, line: number | null): string | null {
  if (!file) return null;
  return line !== null ? `${file}:${line}` : file;
}

/** Reads a line number from a number or numeric string. Zero and negative numbers mean unknown. */
export function lineNumber(value: unknown): number | null {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : null;
}
