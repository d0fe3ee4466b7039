import { describe, expect, test } from '@jest/globals';
import { index, letters, deadline, pattern, nested } from './solution';

describe('Map, Set, Date, RegExp', () => {
  test('maps with the same entries', () => {
    expect(index(['a', 'b'])).toEqual(
      new Map([
        ['a', 0],
        ['b', 1],
      ]),
    );
  });
  test('maps in another order are equal', () => {
    expect(index(['a', 'b'])).toEqual(
      new Map([
        ['b', 1],
        ['a', 0],
      ]),
    );
  });
  test('maps with another value', () => {
    expect(index(['a', 'b'])).toEqual(
      new Map([
        ['a', 0],
        ['b', 2],
      ]),
    );
  });
  test('sets ignore order', () => {
    expect(letters('cab')).toEqual(new Set(['a', 'b', 'c']));
  });
  test('sets with another member', () => {
    expect(letters('cab')).toEqual(new Set(['a', 'b', 'd']));
  });
  test('dates by time value', () => {
    expect(deadline()).toEqual(new Date('2024-01-02T00:00:00.000Z'));
  });
  test('dates with another time', () => {
    expect(deadline()).toEqual(new Date('2024-01-03T00:00:00.000Z'));
  });
  test('regexps by source and flags', () => {
    expect(pattern()).toEqual(/ab+c/gi);
  });
  test('regexps with other flags', () => {
    expect(pattern()).toEqual(/ab+c/g);
  });
  test('map against a plain object', () => {
    expect(index(['a'])).toEqual({ a: 0 });
  });
  test('nested sets of objects', () => {
    expect(nested()).toEqual(new Set([{ id: 2 }, { id: 1 }]));
  });
  test('toStrictEqual on maps', () => {
    expect(index(['x'])).toStrictEqual(new Map([['x', 0]]));
  });
});
