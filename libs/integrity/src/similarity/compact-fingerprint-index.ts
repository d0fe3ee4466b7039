import { sharedCount } from './pair-similarity.js';

/** A slot of the index sharing fingerprints with a looked-up submission, and how many. */
export interface SharedFingerprints {
  slot: number;
  shared: number;
}

/** Slots must fit in 21 bits: a posting is sorted as one float64, hash in the high 32 bits. */
const MAX_SLOTS = 1 << 21;
const SLOT_FACTOR = MAX_SLOTS;
const HASH_OFFSET = 2 ** 31;
/** Submissions added since the last merge, each compared by a walk of two sorted arrays. */
const PENDING_LIMIT = 32;

/**
 * An inverted index, fingerprint -> submissions, like FingerprintIndex, but in sorted typed arrays (8
 * bytes a posting, where a Map of arrays costs several times more) and with removal: the index a judge
 * keeps per challenge for as long as it runs. Submissions are numbered by slot, in the order added;
 * the caller keeps what a slot stands for. Looking up costs a binary search per fingerprint of the
 * looked-up submission plus the postings it shares, never a walk of the whole index.
 */
export class CompactFingerprintIndex {
  /** Postings merged so far, sorted by hash then slot; removed slots are dropped at the next merge. */
  private hashes = new Int32Array(0);
  private slots = new Int32Array(0);
  /** Submissions added since the last merge, each with its distinct fingerprints (ascending). */
  private pending: { slot: number; distinct: Int32Array }[] = [];
  private removed = new Uint8Array(64);
  private lengths = new Int32Array(64);
  private slotCount = 0;
  private liveCount = 0;
  /** Postings of removed slots still in `hashes`: a merge drops them once they are half the index. */
  private deadPostings = 0;
  /** Scratch counters, one per slot, reused across lookups. */
  private counts = new Int32Array(64);

  /** Submissions in the index (added and not removed). */
  get size(): number {
    return this.liveCount;
  }

  /** Postings held, removed slots' included until the next merge: what the index weighs (8 bytes each). */
  get postings(): number {
    return this.hashes.length + this.pending.reduce((total, entry) => total + entry.distinct.length, 0);
  }

  has(slot: number): boolean {
    return slot >= 0 && slot < this.slotCount && this.removed[slot] === 0;
  }

  /** Adds a submission's distinct fingerprints, strictly ascending (`SubmissionFingerprints.distinct`); returns its slot. */
  add(distinct: Int32Array): number {
    for (let index = 1; index < distinct.length; index++) {
      if (distinct[index] <= distinct[index - 1]) throw new RangeError('fingerprints must be distinct and ascending');
    }
    if (this.slotCount === MAX_SLOTS) throw new RangeError(`an index holds at most ${MAX_SLOTS} submissions`);
    const slot = this.slotCount++;
    if (slot === this.removed.length) {
      const removed = new Uint8Array(slot * 2);
      removed.set(this.removed);
      this.removed = removed;
      const lengths = new Int32Array(slot * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.lengths[slot] = distinct.length;
    this.liveCount++;
    this.pending.push({ slot, distinct });
    if (this.pending.length >= PENDING_LIMIT) this.merge();
    return slot;
  }

  remove(slot: number): void {
    if (!this.has(slot)) return;
    this.removed[slot] = 1;
    this.liveCount--;
    const pendingAt = this.pending.findIndex((entry) => entry.slot === slot);
    if (pendingAt >= 0) this.pending.splice(pendingAt, 1);
    else this.deadPostings += this.lengths[slot];
    if (this.deadPostings * 2 > this.hashes.length) this.merge();
  }

  /** Slots sharing at least `minShared` distinct fingerprints with `distinct` (ascending), in no order. */
  shared(distinct: Int32Array, minShared = 1): SharedFingerprints[] {
    if (this.counts.length < this.slotCount) this.counts = new Int32Array(this.slotCount * 2);
    const { counts, hashes, slots, removed } = this;
    const touched: number[] = [];
    const end = hashes.length;
    let from = 0;
    for (const hash of distinct) {
      let low = from;
      let high = end;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (hashes[middle] < hash) low = middle + 1;
        else high = middle;
      }
      for (; low < end && hashes[low] === hash; low++) {
        const slot = slots[low];
        if (removed[slot] === 1) continue;
        if (counts[slot]++ === 0) touched.push(slot);
      }
      from = low;
    }
    for (const entry of this.pending) {
      const count = sharedCount(distinct, entry.distinct);
      if (count > 0) {
        counts[entry.slot] = count;
        touched.push(entry.slot);
      }
    }
    const found: SharedFingerprints[] = [];
    for (const slot of touched) {
      if (counts[slot] >= minShared) found.push({ slot, shared: counts[slot] });
      counts[slot] = 0;
    }
    return found;
  }

  /** Sorts the pending postings into the merged ones, dropping those of removed slots. */
  private merge(): void {
    let pendingPostings = 0;
    for (const entry of this.pending) pendingPostings += entry.distinct.length;
    // Sorting packed numbers natively (hash, then slot) is several times faster than a comparator.
    const keys = new Float64Array(pendingPostings);
    let at = 0;
    for (const { slot, distinct } of this.pending) {
      for (const hash of distinct) keys[at++] = (hash + HASH_OFFSET) * SLOT_FACTOR + slot;
    }
    keys.sort();
    const live = this.hashes.length - this.deadPostings + pendingPostings;
    const hashes = new Int32Array(live);
    const slots = new Int32Array(live);
    let out = 0;
    let old = 0;
    let added = 0;
    while (old < this.hashes.length || added < keys.length) {
      let hash: number;
      let slot: number;
      const takeOld =
        added === keys.length ||
        (old < this.hashes.length && (this.hashes[old] + HASH_OFFSET) * SLOT_FACTOR + this.slots[old] < keys[added]);
      if (takeOld) {
        hash = this.hashes[old];
        slot = this.slots[old++];
        if (this.removed[slot] === 1) continue;
      } else {
        const key = keys[added++];
        slot = key % SLOT_FACTOR;
        hash = Math.floor(key / SLOT_FACTOR) - HASH_OFFSET;
      }
      hashes[out] = hash;
      slots[out++] = slot;
    }
    this.hashes = hashes;
    this.slots = slots;
    this.pending = [];
    this.deadPostings = 0;
  }
}
