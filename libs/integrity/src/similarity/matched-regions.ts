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
  /** Largest distance, in tokens, between two fingerprints of one region on either side. */
  maxGap?: number;
  /** Fewest fingerprints a region needs: one shared k-gram alone is too little to show. */
  minFingerprints?: number;
}

/** When a fingerprint occurs many times on one side (repeated code), the first few places are enough. */
const MAX_PLACES_PER_HASH = 4;

interface Chain {
  aFirst: number;
  aLast: number;
  bFirst: number;
  bLast: number;
  fingerprints: number;
}

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
  const maxGap = options.maxGap ?? 3 * k;
  const minFingerprints = options.minFingerprints ?? 2;
  const placesInB = new Map<number, number[]>();
  for (let index = 0; index < b.hashes.length; index++) {
    const places = placesInB.get(b.hashes[index]);
    if (!places) placesInB.set(b.hashes[index], [b.positions[index]]);
    else if (places.length < MAX_PLACES_PER_HASH) places.push(b.positions[index]);
  }
  const done: Chain[] = [];
  let open: Chain[] = [];
  for (let index = 0; index < a.hashes.length; index++) {
    const places = placesInB.get(a.hashes[index]);
    if (!places) continue;
    const positionA = a.positions[index];
    const stillOpen: Chain[] = [];
    for (const chain of open) (positionA - chain.aLast > maxGap ? done : stillOpen).push(chain);
    open = stillOpen;
    let extended = false;
    for (const positionB of places) {
      const chain = bestChain(open, positionA, positionB, maxGap);
      if (chain) {
        chain.aLast = positionA;
        chain.bLast = positionB;
        chain.fingerprints++;
        extended = true;
      }
    }
    if (!extended) {
      for (const positionB of places) {
        open.push({ aFirst: positionA, aLast: positionA, bFirst: positionB, bLast: positionB, fingerprints: 1 });
      }
    }
  }
  done.push(...open);
  return done
    .filter((chain) => chain.fingerprints >= minFingerprints)
    .map((chain) => ({
      a: lineRange(a, chain.aFirst, chain.aLast + k - 1),
      b: lineRange(b, chain.bFirst, chain.bLast + k - 1),
      fingerprints: chain.fingerprints,
    }))
    .sort((x, y) => x.a.start - y.a.start || x.b.start - y.b.start);
}

/** The open chain that (positionA, positionB) continues most nearly on its diagonal, if any. */
function bestChain(open: Chain[], positionA: number, positionB: number, maxGap: number): Chain | undefined {
  let best: Chain | undefined;
  let bestSkew = Infinity;
  for (const chain of open) {
    const stepA = positionA - chain.aLast;
    const stepB = positionB - chain.bLast;
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
