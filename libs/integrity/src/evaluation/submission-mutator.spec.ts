import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';
import { SimilarityDetector } from '../similarity/similarity-detector.js';
import { SubmissionMutator } from './submission-mutator.js';

const source = `export function mean(values) {
  let total = 0;
  for (const value of values) {
    total += value;
  }
  return values.length === 0 ? 0 : total / values.length;
}

export function variance(values) {
  const average = mean(values);
  let sum = 0;
  for (const value of values) {
    sum += (value - average) ** 2;
  }
  return values.length === 0 ? 0 : sum / values.length;
}
`;
const donor = 'export function clamp(x, low, high) {\n  return Math.min(high, Math.max(low, x));\n}\n';

describe('SubmissionMutator', () => {
  it('is deterministic for a seed', () => {
    expect(new SubmissionMutator(3, [donor]).mutate(source)).toBe(new SubmissionMutator(3, [donor]).mutate(source));
    expect(new SubmissionMutator(3, [donor]).mutate(source)).not.toBe(new SubmissionMutator(4, [donor]).mutate(source));
  });

  it('renames local names but not members or globals, and keeps the code parseable', () => {
    const sut = new SubmissionMutator(5).renameIdentifiers(source);
    expect(sut).not.toContain('function mean(');
    expect(sut).toContain('.length');
    const { diagnostics } = ts.transpileModule(sut, { reportDiagnostics: true });
    expect(diagnostics).toEqual([]);
  });

  it('produces disguised copies that the detector still flags', () => {
    const detector = new SimilarityDetector();
    const mutator = new SubmissionMutator(11, [donor]);
    for (let run = 0; run < 10; run++) {
      const comparison = detector.compare(detector.fingerprint(source), detector.fingerprint(mutator.mutate(source)));
      expect(comparison.flagged).toBe(true);
    }
  });
});
