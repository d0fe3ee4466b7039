import { expect, test } from '@jest/globals';
import sum, { twice } from './solution';
import * as everything from './solution';

test('default import is module.exports', () => {
  expect(sum(2, 3)).toBe(5);
});
test('named import from a property', () => {
  expect(twice(4)).toBe(8);
});
test('namespace import has the named export', () => {
  expect(everything.twice(1)).toBe(2);
});
test('wrong expectation', () => {
  expect(twice(4)).toBe(9);
});
