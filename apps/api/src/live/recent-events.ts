import type { LiveEnvelope } from '@app/contracts';

/** Submission streams a node keeps the events of, newest first out; and events per stream at most. */
export const RECENT_STREAMS_KEPT = 2000;
export const RECENT_EVENTS_PER_STREAM = 64;

/**
 * The events of recent submission streams, as this node received them (its own commits and every NOTIFY),
 * kept only while they are complete from the stream's first event: a candidate subscribes to each submission
 * right after submitting it, and is then replayed from memory instead of from the database. A stream whose
 * events did not all arrive here in order (one lost or late NOTIFY, too many events) is forgotten, and its
 * subscribers are replayed from the database as before.
 *
 * A replay from here can lack only events still on their way (they are delivered live once they arrive) or
 * lost with a NOTIFY (found by the hub's periodic resync, as for any subscriber).
 */
export class RecentEvents {
  /** By stream, oldest first; `null` once the stream is known to be incomplete here. */
  private readonly streams = new Map<string, LiveEnvelope[] | null>();

  constructor(
    private readonly streamsKept = RECENT_STREAMS_KEPT,
    private readonly eventsPerStream = RECENT_EVENTS_PER_STREAM,
  ) {}

  add(envelope: LiveEnvelope): void {
    if (!envelope.stream.startsWith('submission:')) return;
    const events = this.streams.get(envelope.stream);
    if (events === null) return;
    if (events === undefined) {
      // Only a stream seen from its first event is complete here.
      this.keep(envelope.stream, envelope.seq === 1 ? [envelope] : null);
      return;
    }
    const last = events[events.length - 1].seq;
    if (envelope.seq <= last) return; // the same event again (this node's commit, then its NOTIFY)
    if (envelope.seq !== last + 1 || events.length >= this.eventsPerStream) this.streams.set(envelope.stream, null);
    else events.push(envelope);
  }

  /** The stream's events after `afterSeq`, when this node has them all; otherwise undefined. */
  after(stream: string, afterSeq: number): LiveEnvelope[] | undefined {
    const events = this.streams.get(stream);
    if (!events) return undefined;
    return events.slice(Math.max(0, afterSeq)); // events[i] has sequence number i + 1
  }

  private keep(stream: string, events: LiveEnvelope[] | null): void {
    if (this.streams.size >= this.streamsKept) this.streams.delete(this.streams.keys().next().value!);
    this.streams.set(stream, events);
  }
}
