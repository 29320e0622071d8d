import { describe, expect, it } from 'vitest';
import { arnAccount, arnRegion, at, safeUrl, tagsOf } from './fields';

describe('at', () => {
  it('reads dotted paths of own properties', () => {
    expect(at({ Compliance: { Status: 'PASSED' } }, 'Compliance.Status')).toBe('PASSED');
    expect(at({ Compliance: null }, 'Compliance.Status')).toBeUndefined();
    expect(at({}, 'constructor.name')).toBeUndefined();
  });

  it('reads array indexes', () => {
    expect(at({ Resources: [{ Id: 'a' }, { Id: 'b' }] }, 'Resources.1.Id')).toBe('b');
    expect(at({ Resources: [{ Id: 'a' }] }, 'Resources.x.Id')).toBeUndefined();
  });

  it('gives each record its own value for one path', () => {
    const path = 'Remediation.Recommendation.Text';
    expect(at({ Remediation: { Recommendation: { Text: 'first' } } }, path)).toBe('first');
    expect(at({ Remediation: { Recommendation: { Text: 'second' } } }, path)).toBe('second');
  });

  it('reads paths beyond the cache size', () => {
    for (let index = 0; index < 600; index++) {
      expect(at({ [`key${index}`]: { text: index } }, `key${index}.text`)).toBe(index);
    }
  });
});

describe('tagsOf', () => {
  it('reads a map', () => {
    expect(tagsOf({ Team: 'payments', Empty: null })).toEqual({ Team: 'payments', Empty: '' });
  });

  it('reads a list of pairs', () => {
    expect(tagsOf([{ Key: 'Team', Value: 'payments' }, { key: 'env', value: 'prod' }, { Value: 'no key' }])).toEqual({
      Team: 'payments',
      env: 'prod',
    });
  });

  it('keeps __proto__ as a tag', () => {
    const tags = tagsOf(JSON.parse('{"__proto__": "value", "Team": "a"}'));
    expect(Object.getOwnPropertyDescriptor(tags, '__proto__')?.value).toBe('value');
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
    expect(Object.keys(tags)).toEqual(['__proto__', 'Team']);
  });

  it('keeps __proto__ from a list as a tag', () => {
    const tags = tagsOf([{ Key: '__proto__', Value: 'value' }]);
    expect(Object.getOwnPropertyDescriptor(tags, '__proto__')?.value).toBe('value');
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
  });
});

describe('arnAccount and arnRegion', () => {
  const cases: [string | null, string | null, string | null][] = [
    ['arn:aws:ec2:us-east-1:111122223333:instance/i-1', '111122223333', 'us-east-1'],
    ['arn:aws:s3:::bucket', null, null],
    ['arn:aws:iam::111122223333:role/a:b', '111122223333', null],
    ['arn:aws:securityhub:eu-west-1::product/aws/guardduty', null, 'eu-west-1'],
    ['arn:aws:ec2:us-east-1', null, 'us-east-1'],
    ['arn:aws:ec2', null, null],
    ['arn:', null, null],
    ['i-0123456789abcdef0', null, null],
    [null, null, null],
  ];

  it.each(cases)('%s', (arn, account, region) => {
    expect(arnAccount(arn)).toBe(account);
    expect(arnRegion(arn)).toBe(region);
  });
});

describe('safeUrl', () => {
  it('keeps http and https links, normalised', () => {
    expect(safeUrl(' HTTPS://Docs.AWS.amazon.com/x ')).toBe('https://docs.aws.amazon.com/x');
    expect(safeUrl('http://example.com')).toBe('http://example.com/');
  });

  it('rejects other schemes and text', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(safeUrl(42)).toBeNull();
  });

  it('repeats give the same result', () => {
    for (let round = 0; round < 3; round++) {
      expect(safeUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
      expect(safeUrl('data:text/html,x')).toBeNull();
    }
  });

  it('works beyond the cache size', () => {
    for (let index = 0; index < 5000; index++) {
      expect(safeUrl(`https://example.com/${index}`)).toBe(`https://example.com/${index}`);
    }
    expect(safeUrl('https://example.com/0')).toBe('https://example.com/0');
  });
});
