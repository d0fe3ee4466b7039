/* eslint-disable @typescript-eslint/no-require-imports -- this case is CommonJS on purpose */
/* global require */
const { expect, test } = require('@jest/globals');
const solution = require('./solution');

test('named export through require', () => {
  expect(solution.triple(3)).toBe(9);
});
test('default export through require', () => {
  expect(solution.default('x')).toBe('x!');
});
test('wrong value', () => {
  expect(solution.triple(2)).toBe(5);
});
