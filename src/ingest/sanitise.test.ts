import { describe, expect, it } from 'vitest';
import { makeFinding } from '../formats/record';
import { sanitiseFinding } from './sanitise';

const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('sanitiseFinding', () => {
  it('masks keys in every text field', () => {
    const finding = makeFinding({
      id: 'f1',
      title: `Key ${ACCESS_KEY} found`,
      description: `aws_secret_access_key = ${SECRET_KEY}`,
      remediation: `Rotate ${ACCESS_KEY}`,
      status: 'open',
      severity: 'high',
      sourceTool: 'test',
      tags: { note: `AWS_SECRET_ACCESS_KEY=${SECRET_KEY}` },
      raw: JSON.stringify({ UserData: `export AWS_ACCESS_KEY_ID=${ACCESS_KEY}\nexport AWS_SECRET_ACCESS_KEY=${SECRET_KEY}` }),
    });
    const text = JSON.stringify(sanitiseFinding(finding));
    expect(text).not.toContain(ACCESS_KEY);
    expect(text).not.toContain(SECRET_KEY);
    expect(text).toContain('AKIA************MPLE');
  });

  it('leaves ordinary text alone', () => {
    const finding = makeFinding({
      id: 'f2',
      title: 'S3 buckets should block public access',
      resourceId: 'arn:aws:s3:::my-bucket',
      status: 'open',
      severity: 'medium',
      sourceTool: 'test',
      raw: '{"Id": "arn:aws:securityhub:us-east-1:123456789012:subscription/aws-foundational-security-best-practices/v/1.0.0/S3.8/finding/0b1d"}',
    });
    const before = structuredClone(finding);
    expect(sanitiseFinding(finding)).toEqual(before);
  });
});
