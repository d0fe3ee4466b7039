import { describe, expect, test } from '@jest/globals';
import { range, withExtra, tree } from './solution';

describe('nulls', () => {
  test('nested nulls', () => {
    expect(tree()).toEqual({ value: 1, left: null, right: { value: 2, left: null, right: null } });
  });
  test('nested nulls strictly', () => {
    expect(tree()).toStrictEqual({ value: 1, left: null, right: { value: 2, left: null, right: null } });
  });
  test('null is not undefined', () => {
    expect({ a: null }).toEqual({ a: undefined });
  });
  test('null inside arrays', () => {
    expect([null, [null]]).toEqual([null, [null]]);
  });
  test('objectContaining with a null', () => {
    expect(tree()).toEqual(expect.objectContaining({ left: null }));
  });
});

describe('array keys', () => {
  test('a trailing undefined is ignored by toEqual', () => {
    expect([1, undefined]).toEqual([1]);
  });
  test('a trailing undefined is not ignored by toStrictEqual', () => {
    expect([1, undefined]).toStrictEqual([1]);
  });
  test('a hole equals undefined for toEqual', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect([, 1]).toEqual([undefined, 1]);
  });
  test('holes on both sides are strictly equal', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect([, 1]).toStrictEqual([, 1]);
  });
  test('an extra property fails toEqual', () => {
    expect(withExtra(1)).toEqual([1, 2, 3]);
  });
  test('an extra undefined property is ignored by toEqual', () => {
    expect(withExtra(undefined)).toEqual([1, 2, 3]);
  });
  test('an asymmetric matcher where the received array ends', () => {
    expect([1]).toEqual([1, expect.anything()]);
  });
  test('a negated asymmetric matcher where the received array ends', () => {
    expect([1]).toEqual([1, expect.not.stringContaining('x')]);
  });
  test('objects in arrays with asymmetric matchers', () => {
    expect([{ id: 1, tag: null }]).toEqual([{ id: expect.any(Number), tag: null }]);
  });
});

describe('large arrays', () => {
  test('equal', () => {
    expect(range(50000)).toEqual(Array.from({ length: 50000 }, (_, i) => i));
  });
  test('the last element differs', () => {
    const expected = Array.from({ length: 50000 }, (_, i) => i);
    expected[49999] = -1;
    expect(range(50000)).toEqual(expected);
  });
  test('of objects', () => {
    expect(range(5000).map((i) => ({ i }))).toStrictEqual(Array.from({ length: 5000 }, (_, i) => ({ i })));
  });
  test('contains', () => {
    expect(range(50000)).toContain(49999);
  });
  test('arrayContaining', () => {
    expect(range(2000)).toEqual(expect.arrayContaining([1999, 0, 1000]));
  });
});
