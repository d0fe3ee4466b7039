import { describe, expect, test } from '@jest/globals';
import { add, isPalindrome } from './solution';

test.each([
  [1, 1, 2],
  [1, 2, 3],
  [2, 2, 5],
])('add(%i, %i) -> %i', (a, b, expected) => {
  expect(add(a, b)).toBe(expected);
});

test.each([
  { word: 'level', expected: true },
  { word: 'abc', expected: false },
  { word: 'Noon', expected: true },
])('isPalindrome($word) is $expected', ({ word, expected }) => {
  expect(isPalindrome(word)).toBe(expected);
});

test.each(['a', 'bb', 'xyz'])('single value %s', (word) => {
  expect(isPalindrome(word)).toBe(true);
});

test.each([[{ a: 1 }], [[1, 2]]])('pretty %p #%#', (value) => {
  expect(value).toBeDefined();
});

describe.each([
  [1, 2],
  [3, 4],
])('describe.each %i + %i', (a, b) => {
  test('is positive', () => {
    expect(add(a, b)).toBeGreaterThan(0);
  });
  test('is odd', () => {
    expect(add(a, b) % 2).toBe(1);
  });
});
