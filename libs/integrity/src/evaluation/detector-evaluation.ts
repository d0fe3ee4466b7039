import { SimilarityDetector, type SimilarityParameters } from '../similarity/similarity-detector.js';
import { pairSimilarity } from '../similarity/pair-similarity.js';
import { DISGUISE_KINDS, type CorpusEntry, type CorpusProblem, type DisguiseKind } from './integrity-corpus.js';

/** A pair of entries of one problem, its label and its score. */
export interface ScoredPair {
  a: CorpusEntry;
  b: CorpusEntry;
  /** Ground truth: one is a copy of the other (same author). */
  copied: boolean;
  score: number;
  shared: number;
}

export interface DetectionMetrics {
  threshold: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number;
  recall: number;
  falsePositiveRate: number;
}

/**
 * Scores every pair of entries within each problem (the detector only ever compares submissions of
 * one challenge), with the problem's starter code excluded. Copies of the same original are all
 * positives (copy vs original and copy vs copy); any pair with an independent solution is a negative.
 */
export function scoreCorpusPairs(
  problems: readonly CorpusProblem[],
  parameters: Partial<SimilarityParameters>,
): ScoredPair[] {
  const pairs: ScoredPair[] = [];
  for (const problem of problems) {
    const detector = new SimilarityDetector({
      parameters,
      starterSources: problem.starter === undefined ? [] : [problem.starter],
    });
    const fingerprints = problem.entries.map((entry) => detector.fingerprint(entry.source));
    for (let i = 0; i < problem.entries.length; i++) {
      for (let j = i + 1; j < problem.entries.length; j++) {
        const similarity = pairSimilarity(fingerprints[i], fingerprints[j]);
        pairs.push({
          a: problem.entries[i],
          b: problem.entries[j],
          copied: problem.entries[i].author === problem.entries[j].author,
          score: similarity.score,
          shared: similarity.shared,
        });
      }
    }
  }
  return pairs;
}

/** Confusion counts of the detector's decision (score >= threshold and enough shared fingerprints). */
export function detectionMetrics(pairs: readonly ScoredPair[], threshold: number, minShared: number): DetectionMetrics {
  return { threshold, ...confusion(pairs, (pair) => pair.score >= threshold && pair.shared >= minShared) };
}

function confusion(
  pairs: readonly ScoredPair[],
  isFlagged: (pair: ScoredPair) => boolean,
): Omit<DetectionMetrics, 'threshold'> {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let trueNegatives = 0;
  for (const pair of pairs) {
    const flagged = isFlagged(pair);
    if (pair.copied && flagged) truePositives++;
    else if (pair.copied) falseNegatives++;
    else if (flagged) falsePositives++;
    else trueNegatives++;
  }
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    trueNegatives,
    precision: ratio(truePositives, truePositives + falsePositives),
    recall: ratio(truePositives, truePositives + falseNegatives),
    falsePositiveRate: ratio(falsePositives, falsePositives + trueNegatives),
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/**
 * The lowest threshold whose false-positive rate stays within `maxFalsePositiveRate`: the most
 * recall the detector can have under that constraint on these pairs.
 */
export function thresholdForFalsePositiveRate(
  pairs: readonly ScoredPair[],
  maxFalsePositiveRate: number,
  minShared: number,
): number {
  const candidates = [...new Set(pairs.map((pair) => pair.score))].sort((x, y) => x - y);
  for (const threshold of candidates) {
    if (detectionMetrics(pairs, threshold, minShared).falsePositiveRate <= maxFalsePositiveRate) return threshold;
  }
  return Infinity;
}

/**
 * Leave-one-problem-out cross-validation of the threshold: for each problem, the threshold is chosen
 * on the other problems (at most `maxFalsePositiveRate`) and applied to this one. The pooled counts
 * estimate how the detector does on a challenge it was not tuned on.
 */
export function crossValidatedMetrics(
  pairs: readonly ScoredPair[],
  maxFalsePositiveRate: number,
  minShared: number,
): Omit<DetectionMetrics, 'threshold'> & { thresholds: Record<string, number> } {
  const thresholds: Record<string, number> = {};
  for (const problem of new Set(pairs.map((pair) => pair.a.problem))) {
    const training = pairs.filter((pair) => pair.a.problem !== problem);
    thresholds[problem] = thresholdForFalsePositiveRate(training, maxFalsePositiveRate, minShared);
  }
  const metrics = confusion(pairs, (pair) => pair.score >= thresholds[pair.a.problem] && pair.shared >= minShared);
  return { ...metrics, thresholds };
}

/** Probability that a random copied pair scores above a random independent pair (ROC area). */
export function areaUnderCurve(pairs: readonly ScoredPair[]): number {
  const positives = pairs.filter((pair) => pair.copied).map((pair) => pair.score);
  const negatives = pairs.filter((pair) => !pair.copied).map((pair) => pair.score);
  if (positives.length === 0 || negatives.length === 0) return NaN;
  let wins = 0;
  for (const positive of positives) {
    for (const negative of negatives) wins += positive > negative ? 1 : positive === negative ? 0.5 : 0;
  }
  return wins / (positives.length * negatives.length);
}

export interface DisguiseRecall {
  disguise: DisguiseKind;
  /** Copies with this disguise against the undisguised original. */
  againstOriginal: { detected: number; total: number };
  /** Every copied pair that involves a copy with this disguise (against the original or another copy). */
  allPairs: { detected: number; total: number };
}

export function recallByDisguise(pairs: readonly ScoredPair[], threshold: number, minShared: number): DisguiseRecall[] {
  return DISGUISE_KINDS.map((disguise) => {
    const againstOriginal = { detected: 0, total: 0 };
    const allPairs = { detected: 0, total: 0 };
    for (const pair of pairs) {
      if (!pair.copied || (pair.a.disguise !== disguise && pair.b.disguise !== disguise)) continue;
      const detected = pair.score >= threshold && pair.shared >= minShared ? 1 : 0;
      allPairs.total++;
      allPairs.detected += detected;
      if (pair.a.disguise === undefined || pair.b.disguise === undefined) {
        againstOriginal.total++;
        againstOriginal.detected += detected;
      }
    }
    return { disguise, againstOriginal, allPairs };
  });
}
