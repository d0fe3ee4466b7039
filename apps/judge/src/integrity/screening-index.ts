import type { CompactFingerprintIndex, SubmissionFingerprints } from '@app/integrity';

/** A screened submission as PostgreSQL holds it (`screened_submissions`), with its distinct fingerprints. */
export interface IndexedSubmission {
  submissionId: string;
  sessionId: string;
  organizationId: string;
  /** `screened_submissions.sequence`: within a challenge, a larger number was indexed later. */
  sequence: number;
  /** Ascending; their number is the denominator of the submission's scores. */
  distinct: Int32Array;
}

/** A submission in a judge's index: what screening needs of it besides its fingerprints. */
export interface IndexEntry {
  submissionId: string;
  sessionId: string;
  organizationId: string;
  sequence: number;
  /** Its distinct fingerprints: the denominator of its scores. */
  fingerprintCount: number;
}

/** An indexed submission sharing enough fingerprints with the one being screened. */
export interface IndexNeighbour {
  submission: IndexEntry;
  shared: number;
}

/**
 * One challenge's fingerprint index in a judge's memory, a copy of what PostgreSQL holds: every
 * submission of the challenge indexed up to `lastSequence`, less those removed since (which the
 * screener learns of as it meets them). Indexing is serialised per challenge by a lock, so catching up
 * means reading the rows numbered above `lastSequence`, whichever judge wrote them.
 */
export class ScreeningIndex {
  private applied = 0;
  private readonly entries: (IndexEntry | undefined)[] = [];
  private readonly slots = new Map<string, number>();

  constructor(private readonly postings: CompactFingerprintIndex) {}

  /** The highest sequence applied. */
  get lastSequence(): number {
    return this.applied;
  }

  get size(): number {
    return this.postings.size;
  }

  /**
   * Adds submissions indexed in PostgreSQL, in ascending sequence; those at or below `lastSequence`
   * are already here (another screening of this judge caught up first) and skipped.
   */
  apply(submissions: readonly IndexedSubmission[]): void {
    for (const submission of submissions) {
      if (submission.sequence <= this.applied) continue;
      const previous = this.slots.get(submission.submissionId);
      if (previous !== undefined) this.drop(previous);
      const slot = this.postings.add(submission.distinct);
      this.entries[slot] = {
        submissionId: submission.submissionId,
        sessionId: submission.sessionId,
        organizationId: submission.organizationId,
        sequence: submission.sequence,
        fingerprintCount: submission.distinct.length,
      };
      this.slots.set(submission.submissionId, slot);
      this.applied = submission.sequence;
    }
  }

  /** Forgets a submission that left PostgreSQL's index as row `sequence` (a newer row of it stays). */
  remove(submissionId: string, sequence: number): void {
    const slot = this.slots.get(submissionId);
    if (slot !== undefined && this.entries[slot]!.sequence <= sequence) this.drop(slot);
  }

  /**
   * Indexed submissions sharing at least `minShared` distinct fingerprints with `distinct`, except
   * those of the screened submission's own session, and of other organisations unless its own allows
   * cross-organisation screening (whether theirs does too is for PostgreSQL to say).
   */
  neighbours(
    distinct: Int32Array,
    query: { minShared: number; sessionId: string; organizationId: string; crossOrganization: boolean },
  ): IndexNeighbour[] {
    const found: IndexNeighbour[] = [];
    for (const { slot, shared } of this.postings.shared(distinct, query.minShared)) {
      const entry = this.entries[slot]!;
      if (entry.sessionId === query.sessionId) continue;
      if (entry.organizationId !== query.organizationId && !query.crossOrganization) continue;
      found.push({ submission: entry, shared });
    }
    return found;
  }

  private drop(slot: number): void {
    this.slots.delete(this.entries[slot]!.submissionId);
    this.entries[slot] = undefined;
    this.postings.remove(slot);
  }
}

/** Screened submissions a judge keeps in memory across challenges (about 2.5 KB each: 125 MB). */
export const MAX_INDEXED_SUBMISSIONS = 50_000;

/**
 * The challenges' indexes a judge holds, the least recently screened dropped first beyond
 * MAX_INDEXED_SUBMISSIONS (a dropped one is read again from PostgreSQL when next needed).
 */
export class ScreeningIndexes {
  private readonly byChallenge = new Map<string, ScreeningIndex>();

  constructor(private readonly maxSubmissions = MAX_INDEXED_SUBMISSIONS) {}

  of(challengeId: string, create: () => CompactFingerprintIndex): ScreeningIndex {
    const index = this.byChallenge.get(challengeId) ?? new ScreeningIndex(create());
    // Map order is insertion order: re-inserting makes it the most recently used.
    this.byChallenge.delete(challengeId);
    this.byChallenge.set(challengeId, index);
    let total = 0;
    for (const other of this.byChallenge.values()) total += other.size;
    for (const [otherId, other] of this.byChallenge) {
      if (total <= this.maxSubmissions) break;
      if (other === index) continue;
      this.byChallenge.delete(otherId);
      total -= other.size;
    }
    return index;
  }
}

/** Bytes of decoded fingerprints a judge keeps for matched regions (about 6 KB a submission: 11,000). */
export const FINGERPRINT_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Decoded fingerprints of screened submissions, by id, the least recently used dropped first beyond
 * a byte budget: the regions of a flag read the other side's, and reading them from PostgreSQL again
 * for every flag would cost more than the comparison. A submission's fingerprints never change.
 */
export class FingerprintCache {
  private readonly byId = new Map<string, SubmissionFingerprints>();
  private bytes = 0;

  constructor(private readonly maxBytes = FINGERPRINT_CACHE_BYTES) {}

  get(submissionId: string): SubmissionFingerprints | undefined {
    const fingerprints = this.byId.get(submissionId);
    if (fingerprints) {
      // Map order is insertion order: re-inserting makes it the most recently used.
      this.byId.delete(submissionId);
      this.byId.set(submissionId, fingerprints);
    }
    return fingerprints;
  }

  set(submissionId: string, fingerprints: SubmissionFingerprints): void {
    const previous = this.byId.get(submissionId);
    if (previous) {
      this.byId.delete(submissionId);
      this.bytes -= weight(previous);
    }
    this.byId.set(submissionId, fingerprints);
    this.bytes += weight(fingerprints);
    for (const [id, oldest] of this.byId) {
      if (this.bytes <= this.maxBytes || id === submissionId) break;
      this.byId.delete(id);
      this.bytes -= weight(oldest);
    }
  }
}

function weight(fingerprints: SubmissionFingerprints): number {
  const { hashes, positions, tokenOrder, distinct, tokenLines } = fingerprints;
  return hashes.byteLength + positions.byteLength + tokenOrder.byteLength + distinct.byteLength + tokenLines.byteLength;
}
