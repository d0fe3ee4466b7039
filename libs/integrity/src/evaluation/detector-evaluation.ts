import { SimilarityDetector, type SimilarityParameters } from '../similarity/similarity-detector.js';
import { pairSimilarity } from '../similarity/pair-similarity.js';
import type { CorpusEntry, CorpusProblem } from './integrity-corpus.js';

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
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let trueNegatives = 0;
  for (const pair of pairs) {
    const flagged = pair.score >= threshold && pair.shared >= minShared;
    if (pair.copied && flagged) truePositives++;
    else if (pair.copied) falseNegatives++;
    else if (flagged) falsePositives++;
    else trueNegatives++;
  }
  return {
    threshold,
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
