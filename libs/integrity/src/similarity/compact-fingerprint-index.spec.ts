import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { readIntegrityCorpus } from '../evaluation/integrity-corpus.js';
import { SubmissionMutator } from '../evaluation/submission-mutator.js';
import type { SubmissionFingerprints } from '../fingerprints/submission-fingerprinter.js';
import { CompactFingerprintIndex } from './compact-fingerprint-index.js';
import { FingerprintIndex } from './fingerprint-index.js';
import { sharedCount } from './pair-similarity.js';
import { SimilarityDetector } from './similarity-detector.js';

const corpus = readIntegrityCorpus(join(process.cwd(), 'test', 'integrity-corpus'));

/**
 * 90 submissions of two challenges (entries and mutations of them): pairs range from copies to
 * strangers, and 90 is past the index's merges of pending submissions (every 32).
 */
function fingerprints(): SubmissionFingerprints[] {
  const detector = new SimilarityDetector();
  const mutator = new SubmissionMutator(
    7,
    corpus.flatMap((problem) => problem.entries.map((entry) => entry.source)),
  );
  const entries = corpus
    .filter((problem) => problem.id === 'lru-cache' || problem.id === 'token-bucket')
    .flatMap((problem) => problem.entries);
  return Array.from({ length: 90 }, (_, index) => {
    const base = entries[index % entries.length].source;
    return detector.fingerprint(index < entries.length ? base : mutator.mutate(base));
  });
}

const counted = (found: { slot: number; shared: number }[]) => new Map(found.map(({ slot, shared }) => [slot, shared]));

describe('CompactFingerprintIndex', () => {
  const submissions = fingerprints();

  it('counts exactly the distinct fingerprints each indexed submission shares, as FingerprintIndex does', () => {
    const sut = new CompactFingerprintIndex();
    const reference = new FingerprintIndex<number>();
    let compared = 0;
    for (const [number, submission] of submissions.entries()) {
      const expected = new Map(
        reference.candidates(submission, 3).map((candidate) => [candidate.id, candidate.shared]),
      );
      expect(counted(sut.shared(submission.distinct, 3))).toEqual(expected);
      compared += expected.size;
      expect(sut.add(submission.distinct)).toBe(number);
      reference.add(number, submission);
    }
    expect(compared).toBeGreaterThan(500);
    expect(sut.size).toBe(submissions.length);
    expect(sut.postings).toBe(submissions.reduce((total, submission) => total + submission.distinct.length, 0));
  });

  it('never counts a removed submission, whether it was merged or still pending, and drops its postings', () => {
    const sut = new CompactFingerprintIndex();
    for (const submission of submissions.slice(0, 40)) sut.add(submission.distinct); // 32 merged, 8 pending
    const removed = new Set([0, 5, 31, 33, 39]);
    for (const slot of removed) sut.remove(slot);
    sut.remove(5); // twice is harmless
    const expectLookups = (indexed: number) => {
      for (const probe of [0, 5, 33, 60, 89]) {
        const expected = new Map<number, number>();
        for (const [slot, other] of submissions.slice(0, indexed).entries()) {
          const shared = sharedCount(submissions[probe].distinct, other.distinct);
          if (!removed.has(slot) && shared > 0) expected.set(slot, shared);
        }
        expect(counted(sut.shared(submissions[probe].distinct))).toEqual(expected);
      }
    };
    expectLookups(40); // before any merge: the removed ones' postings are still there
    for (const submission of submissions.slice(40)) sut.add(submission.distinct);

    expect(sut.size).toBe(submissions.length - removed.size);
    for (const slot of removed) expect(sut.has(slot)).toBe(false);
    expectLookups(submissions.length);
    const live = submissions.reduce(
      (total, submission, slot) => total + (removed.has(slot) ? 0 : submission.distinct.length),
      0,
    );
    expect(sut.postings).toBe(live); // merged since: the removed ones' postings are gone
  });

  it('compacts once removed postings are half the index, even without new submissions', () => {
    const sut = new CompactFingerprintIndex();
    for (const submission of submissions.slice(0, 64)) sut.add(submission.distinct);
    const before = sut.postings;
    for (let slot = 0; slot < 40; slot++) sut.remove(slot);
    expect(sut.postings).toBeLessThan(before * 0.7);
    expect(sut.shared(submissions[0].distinct).some(({ slot }) => slot < 40)).toBe(false);
  });

  it('refuses fingerprints that are not distinct and ascending', () => {
    const sut = new CompactFingerprintIndex();
    expect(() => sut.add(Int32Array.from([5, 3]))).toThrow(RangeError);
    expect(() => sut.add(Int32Array.from([3, 3]))).toThrow(RangeError);
    expect(sut.size).toBe(0);
    expect(sut.add(Int32Array.from([-2147483648, 0, 2147483647]))).toBe(0);
    expect(counted(sut.shared(Int32Array.from([-2147483648, 2147483647])))).toEqual(new Map([[0, 2]]));
  });
});
