import { describe, expect, it } from '@jest/globals';
import { twoSum } from './solution.js';

describe('twoSum', () => {
  it('finds the pair in the example', () => {
    expect(twoSum([2, 7, 11, 15], 9)).toEqual([0, 1]);
  });
  it('handles duplicates', () => {
    expect(twoSum([3, 3], 6)).toEqual([0, 1]);
  });
  it('handles negative numbers', () => {
    expect(twoSum([-1, -2, -3, -4, -5], -8)).toEqual([2, 4]);
  });
  it('returns null when there is no pair', () => {
    expect(twoSum([1, 2, 3], 100)).toBeNull();
  });
  it('returns indices in increasing order', () => {
    const pair = twoSum([5, 75, 25], 100);
    expect(pair).not.toBeNull();
    expect(pair![0]).toBeLessThan(pair![1]);
  });
});
