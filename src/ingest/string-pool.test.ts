import { describe, expect, it } from 'vitest';
import { testFinding } from '../model/test-finding';
import { StringPool } from './string-pool';

describe('StringPool', () => {
  it('keeps every value', () => {
    const pool = new StringPool();
    const finding = testFinding({ title: 'T', cves: ['CVE-1'], standards: ['S'], tags: { env: 'prod' }, controlId: null });
    const before = structuredClone(finding);
    pool.shareFinding(structuredClone(finding));
    expect(pool.shareFinding(finding)).toEqual(before);
  });

  it('passes null through', () => {
    expect(new StringPool().share(null)).toBeNull();
  });
});
