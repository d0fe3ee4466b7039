import { describe, expect, it } from '@jest/globals';
import { compareVersions, maxSatisfying, satisfies } from './solution';

describe('compareVersions', () => {
  it('compares numbers, not text', () => {
    expect(compareVersions('1.10.0', '1.9.0')).toBe(1);
    expect(compareVersions('1.9.0', '1.10.0')).toBe(-1);
  });
});

describe('satisfies', () => {
  it('caret allows minor and patch updates', () => {
    expect(satisfies('2.4.1', '^2.3.0')).toBe(true);
    expect(satisfies('3.0.0', '^2.3.0')).toBe(false);
  });
});

describe('maxSatisfying', () => {
  it('picks the newest version in the range, as written', () => {
    expect(maxSatisfying(['1.2.0', 'v1.4.2', '2.0.0'], '~1.4.0 || >=3.0.0')).toBe('v1.4.2');
  });
});
