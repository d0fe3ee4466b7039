import { describe, expect, it } from '@jest/globals';
import { allocate } from './solution';

describe('allocate', () => {
  it('splits 100 cents in three without losing one', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
  });

  it('gives the cent to the earlier share when remainders are equal', () => {
    expect(allocate(5, [3, 7])).toEqual([2, 3]);
  });

  it('refuses ratios that are all zero', () => {
    expect(() => allocate(100, [0, 0])).toThrow(RangeError);
  });
});
