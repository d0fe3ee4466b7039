import type { SubmissionFingerprints } from '../fingerprints/submission-fingerprinter.js';

/** Source lines, 1-based, both ends included. */
export interface LineRange {
  start: number;
  end: number;
}

/** A stretch of A that matches a stretch of B, for a side-by-side view. */
export interface MatchedRegion {
  a: LineRange;
  b: LineRange;
  /** Shared fingerprints supporting the region: more is stronger evidence. */
  fingerprints: number;
}

export interface RegionOptions {
  /**
   * Largest distance, in tokens, between two fingerprints of one region on either side (default 6k):
   * a few edited or inserted lines do not split a region.
   */
  maxGap?: number;
  /** Fewest fingerprints a region needs (default 3): a stray shared k-gram or two is too little to show. */
  minFingerprints?: number;
}

/** When a fingerprint occurs many times on one side (repeated code), the first few places are enough. */
const MAX_PLACES_PER_HASH = 4;

/**
 * Chains live in reused typed arrays (struct of arrays) rather than objects: an all-pairs run builds
 * millions of them, and allocation, not arithmetic, was the cost.
 */
class ChainStore {
  aFirst = new Int32Array(256);
  aLast = new Int32Array(256);
  bFirst = new Int32Array(256);
  bLast = new Int32Array(256);
  fingerprints = new Int32Array(256);
  count = 0;

  start(positionA: number, positionB: number): number {
    if (this.count === this.aFirst.length) {
      for (const field of ['aFirst', 'aLast', 'bFirst', 'bLast', 'fingerprints'] as const) {
        const grown = new Int32Array(this[field].length * 2);
        grown.set(this[field]);
        this[field] = grown;
      }
    }
    const chain = this.count++;
    this.aFirst[chain] = this.aLast[chain] = positionA;
    this.bFirst[chain] = this.bLast[chain] = positionB;
    this.fingerprints[chain] = 1;
    return chain;
  }
}

const chains = new ChainStore();
let openChains = new Int32Array(256);
/** Scratch buffer reused across calls (the function is synchronous, so calls never overlap). */
let runStarts = new Int32Array(1024);

/**
 * The regions two submissions share: chains of shared fingerprints that advance together on both
 * sides, read in A's order. A chain survives small edits (up to `maxGap` tokens between fingerprints);
 * moved code (reordered functions) becomes a region of its own.
 */
export function matchedRegions(
  a: SubmissionFingerprints,
  b: SubmissionFingerprints,
  options: RegionOptions = {},
): MatchedRegion[] {
  const k = a.k;
  const maxGap = options.maxGap ?? 6 * k;
  const minFingerprints = options.minFingerprints ?? 3;
  const matchIn = matchRuns(a, b);
  chains.count = 0;
  let openCount = 0;
  for (const fingerprint of a.tokenOrder) {
    const runStart = matchIn[fingerprint];
    if (runStart < 0) continue;
    const positionA = a.positions[fingerprint];
    // Close the chains this fingerprint is too far from (swap-remove from the open list).
    for (let slot = openCount - 1; slot >= 0; slot--) {
      if (positionA - chains.aLast[openChains[slot]] > maxGap) openChains[slot] = openChains[--openCount]!;
    }
    const hash = b.hashes[runStart];
    const runEnd = Math.min(b.hashes.length, runStart + MAX_PLACES_PER_HASH);
    // One fingerprint of A may match several places of B: extend a chain if any place continues one,
    // and start chains only when none does, so repeated code does not multiply chains.
    let extended = false;
    for (let place = runStart; place < runEnd && b.hashes[place] === hash; place++) {
      const positionB = b.positions[place];
      const chain = bestChain(openCount, positionA, positionB, maxGap);
      if (chain < 0) continue;
      chains.aLast[chain] = positionA;
      chains.bLast[chain] = positionB;
      chains.fingerprints[chain]++;
      extended = true;
    }
    if (extended) continue;
    for (let place = runStart; place < runEnd && b.hashes[place] === hash; place++) {
      if (openCount === openChains.length) {
        const grown = new Int32Array(openChains.length * 2);
        grown.set(openChains);
        openChains = grown;
      }
      openChains[openCount++] = chains.start(positionA, b.positions[place]);
    }
  }
  const regions: MatchedRegion[] = [];
  for (let chain = 0; chain < chains.count; chain++) {
    if (chains.fingerprints[chain] < minFingerprints) continue;
    regions.push({
      a: lineRange(a, chains.aFirst[chain], chains.aLast[chain] + k - 1),
      b: lineRange(b, chains.bFirst[chain], chains.bLast[chain] + k - 1),
      fingerprints: chains.fingerprints[chain],
    });
  }
  return regions.sort((x, y) => x.a.start - y.a.start || x.b.start - y.b.start);
}

/**
 * For each fingerprint of A (by index), where its hash's run starts in B's sorted hashes, or -1:
 * one merge of the two sorted arrays.
 */
function matchRuns(a: SubmissionFingerprints, b: SubmissionFingerprints): Int32Array {
  if (runStarts.length < a.hashes.length) runStarts = new Int32Array(a.hashes.length * 2);
  const result = runStarts.subarray(0, a.hashes.length).fill(-1);
  let j = 0;
  for (let i = 0; i < a.hashes.length; i++) {
    const hash = a.hashes[i];
    while (j < b.hashes.length && b.hashes[j] < hash) j++;
    if (j < b.hashes.length && b.hashes[j] === hash) result[i] = j;
  }
  return result;
}

/** The open chain that (positionA, positionB) continues most nearly on its diagonal, or -1. */
function bestChain(openCount: number, positionA: number, positionB: number, maxGap: number): number {
  let best = -1;
  let bestSkew = Infinity;
  for (let slot = 0; slot < openCount; slot++) {
    const chain = openChains[slot];
    const stepA = positionA - chains.aLast[chain];
    const stepB = positionB - chains.bLast[chain];
    if (stepA <= 0 || stepB <= 0 || stepB > maxGap) continue;
    const skew = Math.abs(stepA - stepB);
    if (skew < bestSkew) {
      best = chain;
      bestSkew = skew;
    }
  }
  return best;
}

function lineRange(side: SubmissionFingerprints, firstToken: number, lastToken: number): LineRange {
  const last = Math.min(lastToken, side.tokenLines.length - 1);
  return { start: side.tokenLines[firstToken], end: side.tokenLines[last] };
}
