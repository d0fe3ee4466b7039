import { describe, expect, test } from '@jest/globals';
import { makeUser, makePoint, Point, sparse, withUndefined } from './solution';

describe('toBe', () => {
  test('primitives', () => {
    expect(makeUser('ann').name).toBe('ann');
  });
  test('same object identity fails for copies', () => {
    expect(makeUser('ann')).toBe(makeUser('ann'));
  });
  test('NaN and -0', () => {
    expect(NaN).toBe(NaN);
    expect(0).not.toBe(-0);
  });
});

describe('toEqual', () => {
  test('deep objects', () => {
    expect(makeUser('bob')).toEqual({ name: 'bob', roles: ['user'], address: { city: 'Paris', zip: '75001' } });
  });
  test('deep objects, wrong nested value', () => {
    expect(makeUser('bob')).toEqual({ name: 'bob', roles: ['admin'], address: { city: 'Paris', zip: '75001' } });
  });
  test('ignores undefined properties', () => {
    expect(withUndefined()).toEqual({ a: 1 });
  });
  test('ignores class types', () => {
    expect(makePoint(1, 2)).toEqual({ x: 1, y: 2 });
  });
  test('treats sparse and undefined alike', () => {
    expect(sparse()).toEqual([undefined, 1]);
  });
  test('arrays of different length', () => {
    expect([1, 2, 3]).toEqual([1, 2]);
  });
});

describe('toStrictEqual', () => {
  test('rejects undefined properties', () => {
    expect(withUndefined()).toStrictEqual({ a: 1 });
  });
  test('rejects class type mismatch', () => {
    expect(makePoint(1, 2)).toStrictEqual({ x: 1, y: 2 });
  });
  test('accepts same class', () => {
    expect(makePoint(1, 2)).toStrictEqual(new Point(1, 2));
  });
  test('rejects sparseness mismatch', () => {
    expect(sparse()).toStrictEqual([undefined, 1]);
  });
  test('accepts equal plain data', () => {
    expect(makeUser('cy')).toStrictEqual({ name: 'cy', roles: ['user'], address: { city: 'Paris', zip: '75001' } });
  });
});
