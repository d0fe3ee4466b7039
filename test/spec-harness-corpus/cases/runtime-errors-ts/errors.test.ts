import { describe, expect, test } from '@jest/globals';
import { parseConfig, lookup } from './solution.js';

describe('runtime errors', () => {
  test('a TypeError from the solution fails the test', () => {
    expect(lookup({}, 'a.b')).toBe(1);
  });
  test('a value that is fine', () => {
    expect(lookup({ a: { b: 1 } }, 'a.b')).toBe(1);
  });
  test('JSON parse errors', () => {
    expect(parseConfig('{bad json')).toEqual({});
  });
  test('expected parse error', () => {
    expect(() => parseConfig('{bad json')).toThrow(SyntaxError);
  });
  test('a test function that returns a non-promise value fails', () => {
    return 42 as unknown as void;
  });
  test('a describe inside a test fails it', () => {
    describe('nested', () => undefined);
  });
});
