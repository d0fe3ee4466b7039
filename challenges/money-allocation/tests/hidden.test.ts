import { describe, expect, it } from '@jest/globals';
import { allocate } from './solution';

const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);

describe('allocate', () => {
  it('splits exactly when the ratios divide the amount', () => {
    expect(allocate(1000, [0.2, 0.8])).toEqual([200, 800]);
    expect(allocate(900, [1, 2])).toEqual([300, 600]);
  });

  it('hands leftover cents to the largest remainders first', () => {
    // 10 * [0.45, 0.35, 0.2] = 4.5, 3.5, 2 -> floors 4, 3, 2 -> one cent left, remainders .5 .5 0
    expect(allocate(10, [45, 35, 20])).toEqual([5, 3, 2]);
    // 11 * [1, 2, 3] / 6 = 1.833, 3.667, 5.5 -> floors 1, 3, 5 -> two cents: .833 then .667
    expect(allocate(11, [1, 2, 3])).toEqual([2, 4, 5]);
    // the largest remainder is last
    expect(allocate(3, [1, 1, 8])).toEqual([0, 0, 3]);
    expect(allocate(2, [1, 4])).toEqual([0, 2]);
  });

  it('breaks ties between equal remainders by position', () => {
    expect(allocate(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(allocate(1, [1, 1, 1, 1])).toEqual([1, 0, 0, 0]);
    expect(allocate(3, [2, 1, 1, 2])).toEqual([1, 1, 0, 1]);
  });

  it('always adds up to the amount', () => {
    const cases: [number, number[]][] = [
      [99_999, [1, 1, 1, 1, 1, 1, 1]],
      [1, [3, 3, 3]],
      [123_457, [0.1, 0.2, 0.3, 0.4]],
      [10_000_000, [1, 3, 5, 7, 11, 13]],
    ];
    for (const [amount, ratios] of cases) {
      const shares = allocate(amount, ratios);
      expect(shares).toHaveLength(ratios.length);
      expect(sum(shares)).toBe(amount);
      for (const share of shares) expect(Number.isInteger(share)).toBe(true);
    }
  });

  it('gives nothing to a zero ratio', () => {
    expect(allocate(7, [0, 1, 1])).toEqual([0, 4, 3]);
    expect(allocate(5, [1, 0, 0])).toEqual([5, 0, 0]);
  });

  it('splits zero into zeros', () => {
    expect(allocate(0, [1, 2])).toEqual([0, 0]);
  });

  it('a single ratio takes everything', () => {
    expect(allocate(42, [0.3])).toEqual([42]);
  });

  it('splits a refund like its absolute value, negated', () => {
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(-5, [3, 7])).toEqual([-2, -3]);
  });

  it('never returns negative zero', () => {
    const shares = allocate(-1, [1, 1]);
    expect(shares).toEqual([-1, 0]);
    expect(Object.is(shares[1], 0)).toBe(true);
  });

  it('does not change the ratios it is given', () => {
    const ratios = [3, 1, 2];
    allocate(10, ratios);
    expect(ratios).toEqual([3, 1, 2]);
  });

  it('handles amounts in the billions without losing precision', () => {
    expect(allocate(9_007_199_254_740_991, [1, 1])).toEqual([4_503_599_627_370_496, 4_503_599_627_370_495]);
    expect(allocate(1_000_000_000_001, [1, 1, 1, 1, 1])).toEqual([
      200_000_000_001, 200_000_000_000, 200_000_000_000, 200_000_000_000, 200_000_000_000,
    ]);
  });

  it('refuses an amount that is not a safe integer', () => {
    expect(() => allocate(10.5, [1, 1])).toThrow(RangeError);
    expect(() => allocate(Number.NaN, [1])).toThrow(RangeError);
    expect(() => allocate(2 ** 53, [1])).toThrow(RangeError);
  });

  it('refuses missing, negative and non-finite ratios', () => {
    expect(() => allocate(100, [])).toThrow(RangeError);
    expect(() => allocate(100, [1, -1, 2])).toThrow(RangeError);
    expect(() => allocate(100, [1, Number.NaN])).toThrow(RangeError);
    expect(() => allocate(100, [1, Number.POSITIVE_INFINITY])).toThrow(RangeError);
    expect(() => allocate(100, [0])).toThrow(RangeError);
  });
});
