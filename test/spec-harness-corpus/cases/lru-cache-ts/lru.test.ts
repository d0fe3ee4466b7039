import { beforeEach, describe, expect, test } from '@jest/globals';
import { LruCache } from './solution.js';

describe('LruCache', () => {
  let cache: LruCache<string, number>;
  beforeEach(() => {
    cache = new LruCache(2);
  });
  test('stores and reads', () => {
    cache.set('a', 1);
    expect(cache.get('a')).toBe(1);
  });
  test('misses are undefined', () => {
    expect(cache.get('zzz')).toBeUndefined();
  });
  test('evicts the least recently used', () => {
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
  });
  test('updating refreshes recency', () => {
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 10);
    cache.set('c', 3);
    expect(cache.keys()).toEqual(['a', 'c']);
  });
  test('size never exceeds capacity', () => {
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, i);
    expect(cache.size).toBe(2);
  });
});
