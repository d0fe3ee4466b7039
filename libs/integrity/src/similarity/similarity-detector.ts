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
  k: 12,
  window: 6,
  threshold: 0.5,
  minSharedFingerprints: 8,
});

/** A pair of submissions similar enough for a person to look at. Never a verdict. */
export interface SimilarityFlag<Id = string> extends PairSimilarity {
  a: Id;
  b: Id;
  regions: MatchedRegion[];
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
      flags.push({
        a: id,
        b: candidate.id,
        ...similarity,
        regions: matchedRegions(fingerprints, candidate.fingerprints),
      });
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
