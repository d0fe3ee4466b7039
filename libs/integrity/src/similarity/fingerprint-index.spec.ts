import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { readIntegrityCorpus } from '../evaluation/integrity-corpus.js';
import { SubmissionMutator } from '../evaluation/submission-mutator.js';
import { FingerprintIndex } from './fingerprint-index.js';
import { pairSimilarity } from './pair-similarity.js';
import { SimilarityDetector } from './similarity-detector.js';

const corpus = readIntegrityCorpus(join(process.cwd(), 'test', 'integrity-corpus'));

/** 60 submissions of one challenge: the lru-cache entries and mutations of them, so that pairs range from copies to strangers. */
function lruSubmissions(): { id: string; source: string }[] {
  const problem = corpus.find((candidate) => candidate.id === 'lru-cache')!;
  const mutator = new SubmissionMutator(
    42,
    corpus.flatMap((other) => other.entries.map((entry) => entry.source)),
  );
  return Array.from({ length: 60 }, (_, index) => {
    const base = problem.entries[index % problem.entries.length].source;
    return { id: `s${index}`, source: index < problem.entries.length ? base : mutator.mutate(base) };
  });
}

describe('FingerprintIndex', () => {
  it('finds the same flagged pairs, with the same scores, as comparing every pair', () => {
    const detector = new SimilarityDetector();
    const submissions = lruSubmissions();

    const viaIndex = detector
      .flagAll(submissions)
      .map((flag) => `${[flag.a, flag.b].sort().join('~')} ${flag.score.toFixed(6)}`);

    const fingerprints = submissions.map((submission) => detector.fingerprint(submission.source));
    const bruteForce: string[] = [];
    for (let i = 0; i < submissions.length; i++) {
      for (let j = i + 1; j < submissions.length; j++) {
        const similarity = pairSimilarity(fingerprints[i], fingerprints[j]);
        const { threshold, minSharedFingerprints } = detector.parameters;
        if (similarity.score >= threshold && similarity.shared >= minSharedFingerprints) {
          bruteForce.push(`${[submissions[i].id, submissions[j].id].sort().join('~')} ${similarity.score.toFixed(6)}`);
        }
      }
    }
    expect(bruteForce.length).toBeGreaterThan(100);
    expect(bruteForce.length).toBeLessThan((60 * 59) / 2);
    expect(viaIndex.sort()).toEqual(bruteForce.sort());
  });

  it('counts shared distinct fingerprints exactly, and only for submissions sharing enough', () => {
    const detector = new SimilarityDetector();
    const submissions = lruSubmissions().slice(0, 10);
    const fingerprints = submissions.map((submission) => detector.fingerprint(submission.source));
    const sut = new FingerprintIndex<number>();
    fingerprints.slice(1).forEach((fingerprint, index) => sut.add(index + 1, fingerprint));

    const found = new Map(sut.candidates(fingerprints[0], 5).map((candidate) => [candidate.id, candidate.shared]));
    for (let id = 1; id < fingerprints.length; id++) {
      const shared = pairSimilarity(fingerprints[0], fingerprints[id]).shared;
      expect(found.get(id)).toBe(shared >= 5 ? shared : undefined);
    }
    expect(sut.size).toBe(9);
    expect(() => sut.add(1, fingerprints[1])).toThrow(/already indexed/);
  });
});
