/* eslint-disable @typescript-eslint/no-require-imports -- this case is CommonJS on purpose */
/* global require */
const { describe, expect, test } = require('@jest/globals');
const { find, flags } = require('./solution');

describe('truthiness', () => {
  test('toBeNull', () => {
    expect(find('missing')).toBeNull();
  });
  test('toBeUndefined fails for null', () => {
    expect(find('missing')).toBeUndefined();
  });
  test('toBeDefined', () => {
    expect(find('a')).toBeDefined();
  });
  test('not.toBeDefined', () => {
    expect(flags().nothing).not.toBeDefined();
  });
  test('toBeTruthy', () => {
    expect(flags().one).toBeTruthy();
  });
  test('toBeTruthy fails for empty string', () => {
    expect(flags().empty).toBeTruthy();
  });
  test('toBeFalsy for zero', () => {
    expect(flags().zero).toBeFalsy();
  });
  test('toBeFalsy fails for an empty array', () => {
    expect(flags().list).toBeFalsy();
  });
  test('not.toBeNull', () => {
    expect(find('a')).not.toBeNull();
  });
  test('toBeNull with an argument is a matcher error', () => {
    expect(find('missing')).toBeNull(null);
  });
});
