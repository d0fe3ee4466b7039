import { describe, expect, test } from '@jest/globals';
import { average, ratio, big } from './solution.js';

describe('numbers', () => {
  test('toBeCloseTo with default precision', () => {
    expect(ratio(1, 3)).toBeCloseTo(0.333);
  });
  test('toBeCloseTo fails beyond precision', () => {
    expect(ratio(1, 3)).toBeCloseTo(0.34, 3);
  });
  test('floating point sum', () => {
    expect(0.1 + 0.2).toBeCloseTo(0.3, 10);
  });
  test('toBe on floats fails', () => {
    expect(0.1 + 0.2).toBe(0.3);
  });
  test('greater than', () => {
    expect(average([1, 2, 3])).toBeGreaterThan(1.5);
  });
  test('greater than or equal at the boundary', () => {
    expect(average([2, 2])).toBeGreaterThanOrEqual(2);
  });
  test('less than fails at the boundary', () => {
    expect(average([2, 2])).toBeLessThan(2);
  });
  test('less than or equal', () => {
    expect(average([1, 2])).toBeLessThanOrEqual(1.5);
  });
  test('bigints compare', () => {
    expect(big()).toBeGreaterThan(10n);
  });
  test('average of nothing is NaN', () => {
    expect(average([])).toBeNaN();
  });
  test('not NaN', () => {
    expect(average([1])).not.toBeNaN();
  });
  test('toBeGreaterThan with a string fails as a matcher error', () => {
    expect(String(average([1]))).toBeGreaterThan(0);
  });
});
