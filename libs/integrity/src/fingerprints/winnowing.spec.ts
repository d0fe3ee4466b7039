import { describe, expect, it } from '@jest/globals';
import { seededRandom } from '../evaluation/submission-mutator.js';
import { kgramHashes, winnow } from './winnowing.js';

describe('kgramHashes', () => {
  it('hashes every k-gram, equal k-grams alike wherever they occur', () => {
    const sut = kgramHashes(Int32Array.from([1, 2, 3, 9, 1, 2, 3]), 3);
    expect(sut).toHaveLength(5);
    expect(sut[0]).toBe(sut[4]);
    expect(new Set(sut).size).toBe(4);
  });

  it('yields nothing for a stream shorter than k', () => {
    expect(kgramHashes(Int32Array.from([1, 2]), 3)).toHaveLength(0);
  });
});

describe('winnow', () => {
  it('selects the minimum of every window, so each window holds a selected hash (the winnowing guarantee)', () => {
    const random = seededRandom(7);
    for (let run = 0; run < 50; run++) {
      const hashes = Int32Array.from({ length: 200 }, () => Math.floor(random() * 50) - 25);
      const window = 1 + Math.floor(random() * 8);
      const sut = new Set(winnow(hashes, window));
      for (let start = 0; start + window <= hashes.length; start++) {
        const inWindow = Array.from(hashes.subarray(start, start + window));
        const minimum = Math.min(...inWindow);
        const picked = inWindow.map((_, offset) => start + offset).filter((position) => sut.has(position));
        expect(picked.length).toBeGreaterThan(0);
        expect(picked.some((position) => hashes[position] === minimum)).toBe(true);
      }
    }
  });

  it('keeps a fingerprint already taken across a run of equal hashes (robust winnowing)', () => {
    expect(Array.from(winnow(Int32Array.from([5, 5, 5, 5, 5, 5, 5, 5]), 4))).toEqual([3, 7]);
  });

  it('keeps the minimum of a stream shorter than one window', () => {
    expect(Array.from(winnow(Int32Array.from([4, 2, 8]), 6))).toEqual([1]);
  });
});
