import type { SubmissionFingerprints } from '../fingerprints/submission-fingerprinter.js';

/** How much of two submissions' fingerprints they share. */
export interface PairSimilarity {
  /** Distinct fingerprints both submissions hold. */
  shared: number;
  /** Share of A's fingerprints found in B, 0..1. */
  coverageA: number;
  /** Share of B's fingerprints found in A, 0..1. */
  coverageB: number;
  /** The pair's score, 0..1: see similarityScore. */
  score: number;
}

/**
 * The score of a pair: the share of the smaller fingerprint set found in the larger one. Dead code
 * or extra helpers pad one side only, so dividing by the union (Jaccard) would let padding dilute
 * a copy; dividing by the smaller side does not.
 */
export function similarityScore(shared: number, sizeA: number, sizeB: number): number {
  const smaller = Math.min(sizeA, sizeB);
  return smaller === 0 ? 0 : shared / smaller;
}

/** Counts the values two ascending arrays of distinct values have in common. */
export function sharedCount(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) {
      i++;
    } else {
      j++;
    }
  }
  return shared;
}

export function pairSimilarity(a: SubmissionFingerprints, b: SubmissionFingerprints): PairSimilarity {
  const shared = sharedCount(a.distinct, b.distinct);
  return similarityFromShared(shared, a.distinct.length, b.distinct.length);
}

export function similarityFromShared(shared: number, sizeA: number, sizeB: number): PairSimilarity {
  return {
    shared,
    coverageA: sizeA === 0 ? 0 : shared / sizeA,
    coverageB: sizeB === 0 ? 0 : shared / sizeB,
    score: similarityScore(shared, sizeA, sizeB),
  };
}
