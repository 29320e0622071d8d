import { describe, expect, it } from 'vitest';
import { severityFromWord } from './normalise';

describe('severityFromWord', () => {
  it('maps words of several tools', () => {
    expect(severityFromWord('HIGH')).toBe('high');
    expect(severityFromWord(' Danger ')).toBe('high');
    expect(severityFromWord('moderate')).toBe('medium');
  });

  it('ignores prototype keys', () => {
    expect(severityFromWord('constructor')).toBeNull();
    expect(severityFromWord('__proto__')).toBeNull();
  });
});
