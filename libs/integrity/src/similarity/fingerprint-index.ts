import type { SubmissionFingerprints } from '../fingerprints/submission-fingerprinter.js';

/** A submission the index shares fingerprints with, and how many. */
export interface IndexCandidate<Id> {
  id: Id;
  fingerprints: SubmissionFingerprints;
  shared: number;
}

/**
 * An inverted index, fingerprint -> submissions, over the submissions of one challenge. Looking a
 * submission up costs the length of the postings of its own fingerprints, not the number of indexed
 * submissions: unrelated answers share few fingerprints and are never touched.
 */
export class FingerprintIndex<Id = string> {
  private readonly postings = new Map<number, number[]>();
  private readonly entries: { id: Id; fingerprints: SubmissionFingerprints }[] = [];
  private readonly numbers = new Map<Id, number>();
  /** Scratch counters, one per indexed submission, reused across lookups. */
  private counts = new Int32Array(64);

  get size(): number {
    return this.entries.length;
  }

  has(id: Id): boolean {
    return this.numbers.has(id);
  }

  get(id: Id): SubmissionFingerprints | undefined {
    const number = this.numbers.get(id);
    return number === undefined ? undefined : this.entries[number].fingerprints;
  }

  add(id: Id, fingerprints: SubmissionFingerprints): void {
    if (this.numbers.has(id)) throw new Error(`submission ${String(id)} is already indexed`);
    const number = this.entries.length;
    this.entries.push({ id, fingerprints });
    this.numbers.set(id, number);
    for (const hash of fingerprints.distinct) {
      const posting = this.postings.get(hash);
      if (posting) posting.push(number);
      else this.postings.set(hash, [number]);
    }
  }

  /** Indexed submissions sharing at least `minShared` distinct fingerprints with `fingerprints`. */
  candidates(fingerprints: SubmissionFingerprints, minShared = 1): IndexCandidate<Id>[] {
    if (this.counts.length < this.entries.length) this.counts = new Int32Array(this.entries.length * 2);
    const counts = this.counts;
    const touched: number[] = [];
    for (const hash of fingerprints.distinct) {
      const posting = this.postings.get(hash);
      if (!posting) continue;
      for (const number of posting) {
        if (counts[number] === 0) touched.push(number);
        counts[number]++;
      }
    }
    const found: IndexCandidate<Id>[] = [];
    for (const number of touched) {
      if (counts[number] >= minShared) {
        const entry = this.entries[number];
        found.push({ id: entry.id, fingerprints: entry.fingerprints, shared: counts[number] });
      }
      counts[number] = 0;
    }
    return found;
  }
}
