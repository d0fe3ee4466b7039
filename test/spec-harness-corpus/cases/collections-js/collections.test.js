import { describe, expect, test } from '@jest/globals';
import { tags, inventory, uniq, pairs } from './solution';

describe('toContain and toContainEqual', () => {
  test('array contains a primitive', () => {
    expect(tags()).toContain('b');
  });
  test('array does not contain a primitive', () => {
    expect(tags()).toContain('z');
  });
  test('toContain uses identity for objects', () => {
    expect(inventory()).toContain({ id: 1, qty: 3 });
  });
  test('toContainEqual uses deep equality', () => {
    expect(inventory()).toContainEqual({ id: 1, qty: 3 });
  });
  test('toContainEqual fails', () => {
    expect(inventory()).toContainEqual({ id: 9, qty: 3 });
  });
  test('sets contain', () => {
    expect(uniq([1, 2, 2, 3])).toContain(3);
  });
  test('not.toContain', () => {
    expect(tags()).not.toContain('a');
  });
});

describe('lengths', () => {
  test('array length', () => {
    expect(tags()).toHaveLength(3);
  });
  test('wrong length', () => {
    expect(uniq([1, 1, 1])).toHaveLength(1);
  });
  test('toHaveLength on an object without length', () => {
    expect({ size: 2 }).toHaveLength(2);
  });
});

describe('asymmetric matchers', () => {
  test('arrayContaining', () => {
    expect(tags()).toEqual(expect.arrayContaining(['c', 'a']));
  });
  test('arrayContaining fails', () => {
    expect(tags()).toEqual(expect.arrayContaining(['c', 'x']));
  });
  test('objectContaining', () => {
    expect(inventory()[1]).toEqual(expect.objectContaining({ qty: 0 }));
  });
  test('objectContaining nested in arrays', () => {
    expect(inventory()).toEqual([expect.objectContaining({ id: 1 }), expect.objectContaining({ id: 2, qty: 0 })]);
  });
  test('objectContaining fails', () => {
    expect(inventory()[0]).toEqual(expect.objectContaining({ qty: 4 }));
  });
  test('expect.any', () => {
    expect(pairs()).toEqual([[expect.any(String), expect.any(Number)]]);
  });
  test('expect.any fails', () => {
    expect(pairs()).toEqual([[expect.any(Number), expect.any(Number)]]);
  });
  test('expect.anything', () => {
    expect({ a: 0 }).toEqual({ a: expect.anything() });
  });
  test('expect.anything fails for undefined', () => {
    expect({ a: undefined }).toEqual({ a: expect.anything() });
  });
  test('not.arrayContaining', () => {
    expect(tags()).toEqual(expect.not.arrayContaining(['q']));
  });
  test('arrayContaining of an empty array matches anything', () => {
    expect('not an array').toEqual(expect.arrayContaining([]));
  });
});
