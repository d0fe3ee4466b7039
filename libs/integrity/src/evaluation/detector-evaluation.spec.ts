import { describe, expect, it } from '@jest/globals';
import type { ScoredPair } from './detector-evaluation.js';
import {
  areaUnderCurve,
  crossValidatedMetrics,
  detectionMetrics,
  thresholdForFalsePositiveRate,
} from './detector-evaluation.js';

function pair(problem: string, copied: boolean, score: number): ScoredPair {
  const entry = { problem, file: 'x', author: 'a', source: '' };
  return { a: entry, b: entry, copied, score, shared: 100 };
}

describe('detector evaluation', () => {
  const pairs = [
    pair('p', true, 0.9),
    pair('p', true, 0.6),
    pair('p', true, 0.3),
    pair('p', false, 0.5),
    pair('p', false, 0.2),
    pair('p', false, 0.1),
    pair('q', true, 0.8),
    pair('q', false, 0.4),
  ];

  it('counts a pair as flagged from the threshold up, and only with enough shared fingerprints', () => {
    const sut = detectionMetrics(pairs, 0.5, 10);
    expect(sut).toEqual(
      expect.objectContaining({ truePositives: 3, falsePositives: 1, falseNegatives: 1, trueNegatives: 3 }),
    );
    expect(sut.precision).toBeCloseTo(0.75);
    expect(sut.recall).toBeCloseTo(0.75);
    expect(sut.falsePositiveRate).toBeCloseTo(0.25);
    expect(detectionMetrics(pairs, 0.5, 101).truePositives).toBe(0);
  });

  it('picks the lowest threshold that keeps false positives within the bound', () => {
    expect(thresholdForFalsePositiveRate(pairs, 0.25, 1)).toBe(0.5);
    expect(thresholdForFalsePositiveRate(pairs, 0, 1)).toBe(0.6);
  });

  it('cross-validates the threshold: each problem is judged with the threshold chosen on the others', () => {
    const sut = crossValidatedMetrics(pairs, 0, 1);
    // p is judged with q's threshold (0.8: only q's copy is above q's negative), q with p's (0.6).
    expect(sut.thresholds).toEqual({ p: 0.8, q: 0.6 });
    expect(sut).toEqual(expect.objectContaining({ truePositives: 2, falsePositives: 0, falseNegatives: 2 }));
  });

  it('measures the area under the ROC curve', () => {
    expect(areaUnderCurve([pair('p', true, 0.9), pair('p', false, 0.1)])).toBe(1);
    expect(areaUnderCurve([pair('p', true, 0.1), pair('p', false, 0.9)])).toBe(0);
    expect(areaUnderCurve([pair('p', true, 0.5), pair('p', false, 0.5)])).toBe(0.5);
  });
});
