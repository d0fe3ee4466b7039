import {
  SubmissionFingerprinter,
  type FingerprintParameters,
  type SubmissionFingerprints,
} from '../fingerprints/submission-fingerprinter.js';
import { FingerprintIndex } from './fingerprint-index.js';
import { matchedRegions, type MatchedRegion } from './matched-regions.js';
import { pairSimilarity, similarityFromShared, type PairSimilarity } from './pair-similarity.js';

export interface SimilarityParameters extends FingerprintParameters {
  /** Score (0..1) from which a pair is flagged for review. */
  threshold: number;
  /** Fewest shared fingerprints a flag needs, so that two tiny answers are not flagged on a few lines. */
  minSharedFingerprints: number;
}

/** Chosen on the labelled corpus (docs/integrity.md, `npm run bench:plagiarism`). */
export const DEFAULT_SIMILARITY_PARAMETERS: Readonly<SimilarityParameters> = Object.freeze({
  k: 10,
  window: 6,
  threshold: 0.28,
  minSharedFingerprints: 8,
});

/** A pair of submissions similar enough for a person to look at. Never a verdict. */
export interface SimilarityFlag<Id = string> extends PairSimilarity {
  a: Id;
  b: Id;
  /**
   * The matched regions, for the side-by-side view. A getter, computed on first read and kept, so
   * that scoring a cohort does not pay for the evidence of every flag until someone stores or looks
   * at it. JSON.stringify includes it; an object spread (`{ ...flag }`) does not: read it by name.
   */
  readonly regions: MatchedRegion[];
}

export interface PairComparison extends PairSimilarity {
  flagged: boolean;
  regions: MatchedRegion[];
}

export interface SubmissionSource<Id = string> {
  id: Id;
  source: string;
}

/**
 * The plagiarism detector for the submissions of one challenge: fingerprints them (without the
 * challenge's starter code), scores pairs, and flags those at or above the threshold with the regions
 * they share. It flags; it never rejects.
 */
export class SimilarityDetector {
  readonly parameters: Readonly<SimilarityParameters>;
  private readonly fingerprinter: SubmissionFingerprinter;

  constructor(options: { parameters?: Partial<SimilarityParameters>; starterSources?: readonly string[] } = {}) {
    this.parameters = { ...DEFAULT_SIMILARITY_PARAMETERS, ...options.parameters };
    const { threshold, minSharedFingerprints } = this.parameters;
    if (!(threshold >= 0 && threshold <= 1)) throw new RangeError('threshold must be within 0..1');
    if (!Number.isInteger(minSharedFingerprints) || minSharedFingerprints < 1) {
      throw new RangeError('minSharedFingerprints must be a positive integer');
    }
    this.fingerprinter = new SubmissionFingerprinter(this.parameters, options.starterSources);
  }

  fingerprint(source: string): SubmissionFingerprints {
    return this.fingerprinter.fingerprint(source);
  }

  compare(a: SubmissionFingerprints, b: SubmissionFingerprints): PairComparison {
    const similarity = pairSimilarity(a, b);
    return { ...similarity, flagged: this.isFlagged(similarity), regions: matchedRegions(a, b) };
  }

  /**
   * Flags between a new submission (`a` in every flag) and the indexed earlier submissions of the same
   * challenge. The new submission is not added: the caller adds it once its flags are stored.
   */
  screen<Id>(id: Id, fingerprints: SubmissionFingerprints, index: FingerprintIndex<Id>): SimilarityFlag<Id>[] {
    const flags: SimilarityFlag<Id>[] = [];
    for (const candidate of index.candidates(fingerprints, this.parameters.minSharedFingerprints)) {
      const similarity = similarityFromShared(
        candidate.shared,
        fingerprints.distinct.length,
        candidate.fingerprints.distinct.length,
      );
      if (!this.isFlagged(similarity)) continue;
      flags.push(new LazySimilarityFlag(id, candidate.id, similarity, fingerprints, candidate.fingerprints));
    }
    return flags.sort((x, y) => y.score - x.score);
  }

  /** Every flagged pair among a set of submissions, through the index (each pair once). */
  flagAll<Id>(submissions: Iterable<SubmissionSource<Id>>): SimilarityFlag<Id>[] {
    const index = new FingerprintIndex<Id>();
    const flags: SimilarityFlag<Id>[] = [];
    for (const submission of submissions) {
      const fingerprints = this.fingerprint(submission.source);
      flags.push(...this.screen(submission.id, fingerprints, index));
      index.add(submission.id, fingerprints);
    }
    return flags;
  }

  private isFlagged(similarity: PairSimilarity): boolean {
    return similarity.score >= this.parameters.threshold && similarity.shared >= this.parameters.minSharedFingerprints;
  }
}

/** A flag whose regions are computed when first read (see SimilarityFlag.regions). */
class LazySimilarityFlag<Id> implements SimilarityFlag<Id> {
  readonly shared: number;
  readonly coverageA: number;
  readonly coverageB: number;
  readonly score: number;
  // ECMAScript private fields: neither enumerable nor serialised, so a flag carries no fingerprints out.
  readonly #fingerprintsA: SubmissionFingerprints;
  readonly #fingerprintsB: SubmissionFingerprints;
  #regions: MatchedRegion[] | undefined;

  constructor(
    readonly a: Id,
    readonly b: Id,
    similarity: PairSimilarity,
    fingerprintsA: SubmissionFingerprints,
    fingerprintsB: SubmissionFingerprints,
  ) {
    this.shared = similarity.shared;
    this.coverageA = similarity.coverageA;
    this.coverageB = similarity.coverageB;
    this.score = similarity.score;
    this.#fingerprintsA = fingerprintsA;
    this.#fingerprintsB = fingerprintsB;
  }

  get regions(): MatchedRegion[] {
    return (this.#regions ??= matchedRegions(this.#fingerprintsA, this.#fingerprintsB));
  }

  toJSON() {
    const { a, b, shared, coverageA, coverageB, score, regions } = this;
    return { a, b, shared, coverageA, coverageB, score, regions };
  }
}
