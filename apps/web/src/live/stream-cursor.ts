/** What to do with an event of a stream, given the last sequence number already applied. */
export type CursorDecision = 'apply' | 'duplicate' | 'gap';

/**
 * Keeps a stream's events exactly once and in order. The server replays everything after
 * `afterSeq` on (re)subscribe, so a duplicate is dropped and a gap asks for a replay.
 */
export class StreamCursor {
  constructor(private lastSeq: number | null = null) {}

  /** The last applied sequence number; null before the first event. */
  get last(): number | null {
    return this.lastSeq;
  }

  decide(seq: number): CursorDecision {
    if (!Number.isSafeInteger(seq) || seq < 0) return 'duplicate';
    if (this.lastSeq === null) return 'apply';
    if (seq <= this.lastSeq) return 'duplicate';
    return seq === this.lastSeq + 1 ? 'apply' : 'gap';
  }

  /** Records an applied event; call only after `decide` said `apply`. */
  advance(seq: number): void {
    this.lastSeq = seq;
  }
}
