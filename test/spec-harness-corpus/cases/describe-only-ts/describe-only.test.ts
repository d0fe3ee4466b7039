import { describe, expect, test } from '@jest/globals';
import { inc } from './solution.js';

describe.only('focused block', () => {
  test('runs', () => {
    expect(inc(1)).toBe(2);
  });
  test('runs and fails', () => {
    expect(inc(1)).toBe(3);
  });
  describe('nested in the focused block', () => {
    test('runs too', () => {
      expect(inc(0)).toBe(1);
    });
  });
  test.skip('skip wins inside a focused block', () => {
    expect(inc(0)).toBe(1);
  });
});

describe('not focused', () => {
  test('skipped', () => {
    expect(inc(1)).toBe(2);
  });
});

describe.only('focused block with a focused test', () => {
  test('skipped: a sibling test is focused', () => {
    expect(inc(1)).toBe(2);
  });
  test.only('the focused one runs', () => {
    expect(inc(41)).toBe(42);
  });
});

describe.skip('skipped block', () => {
  test.only('focused inside a skipped block still skips', () => {
    expect(inc(1)).toBe(2);
  });
});
