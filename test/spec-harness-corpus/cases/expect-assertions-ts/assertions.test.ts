import { describe, expect, test } from '@jest/globals';
import { visit, visitSome } from './solution.js';

describe('expect.assertions', () => {
  test('every callback asserted', () => {
    expect.assertions(3);
    visit([1, 2, 3], (n) => expect(n).toBeGreaterThan(0));
  });
  test('a callback skipped', () => {
    expect.assertions(3);
    visitSome([1, 2, 3], (n) => expect(n).toBeGreaterThan(0));
  });
  test('hasAssertions satisfied', () => {
    expect.hasAssertions();
    visit([1], (n) => expect(n).toBe(1));
  });
  test('hasAssertions with none', () => {
    expect.hasAssertions();
    visit([], (n) => expect(n).toBe(1));
  });
  test('async callbacks counted', async () => {
    expect.assertions(1);
    await Promise.resolve().then(() => expect(1).toBe(1));
  });
});
