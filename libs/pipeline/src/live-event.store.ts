import type { LiveEnvelope, LiveEventMap, LiveEventType } from '@app/contracts';
import { LiveEventEntity } from '@app/db';
import type { EntityManager } from 'typeorm';

/** Events replayed to one subscriber at most; a stream is one submission or one session. */
export const REPLAY_LIMIT = 5000;

/** An event to record: its stream, its type and its payload; the store gives it its sequence number. */
export interface NewLiveEvent<T extends LiveEventType = LiveEventType> {
  stream: string;
  type: T;
  payload: LiveEventMap[T];
}

/** Builds a `NewLiveEvent`, checking that the payload belongs to the type. */
export function liveEvent<T extends LiveEventType>(stream: string, type: T, payload: LiveEventMap[T]): NewLiveEvent {
  return { stream, type, payload } as NewLiveEvent;
}

/**
 * A write made in the same statement as the events it goes with: common table expressions
 * (`name AS (...)`, separated by commas) whose parameters are numbered from $4, one of them named `guard`.
 * The events are recorded only when `guard` yields a row (say, the write's own `RETURNING`).
 */
export interface GuardedWrite {
  ctes: string;
  params: readonly unknown[];
}

/**
 * Records events of one or more streams inside the caller's transaction, in one statement whatever their
 * number: each stream's counter in `live_streams` is raised by its count of events (the row lock orders
 * concurrent writers of a stream; counters are taken in the order of their names, so two writers of the
 * same streams never deadlock), and each event gets the next number of its stream, in the order given.
 * The envelopes come back in that order too. A transaction should record its events in one call, as its
 * last statement: the counters stay locked until it commits.
 *
 * With a `write`, the change the events describe is made in the same statement, which is atomic by
 * itself: no transaction, one round trip. The events are recorded only when its `guard` yields a row.
 */
export async function recordLiveEvents(
  manager: EntityManager,
  events: readonly NewLiveEvent[],
  write?: GuardedWrite,
): Promise<LiveEnvelope[]> {
  if (events.length === 0) return [];
  const rows = await manager.query<{ stream: string; first: number; at: Date }[]>(
    `WITH ${write ? `${write.ctes},` : ''} input AS (
       SELECT e.stream, e.type, e.payload, e.ord
       FROM unnest($1::varchar[], $2::varchar[], $3::jsonb[]) WITH ORDINALITY AS e(stream, type, payload, ord)
       ${write ? 'WHERE EXISTS (SELECT 1 FROM guard)' : ''}
     ), counters AS (
       INSERT INTO live_streams AS counter (stream, "lastSeq")
       SELECT stream, count(*)::int FROM input GROUP BY stream ORDER BY stream
       ON CONFLICT (stream) DO UPDATE SET "lastSeq" = counter."lastSeq" + EXCLUDED."lastSeq"
       RETURNING counter.stream, counter."lastSeq"
     ), numbered AS (
       SELECT input.stream, input.type, input.payload,
         counters."lastSeq" - count(*) OVER stream_events + row_number() OVER (stream_events ORDER BY input.ord) AS seq
       FROM input JOIN counters ON counters.stream = input.stream
       WINDOW stream_events AS (PARTITION BY input.stream)
     ), inserted AS (
       INSERT INTO live_events (stream, seq, type, payload)
       SELECT stream, seq, type, payload FROM numbered
       RETURNING stream, seq, at
     )
     SELECT stream, min(seq)::int AS first, min(at) AS at FROM inserted GROUP BY stream`,
    [
      events.map((event) => event.stream),
      events.map((event) => event.type),
      events.map((event) => JSON.stringify(event.payload)),
      ...(write?.params ?? []),
    ],
  );
  if (rows.length === 0) return []; // the guard yielded nothing
  const next = new Map(rows.map((row) => [row.stream, row.first]));
  const at = rows[0].at.toISOString(); // one transaction, one now()
  return events.map((event) => {
    const seq = next.get(event.stream)!;
    next.set(event.stream, seq + 1);
    return { stream: event.stream, seq, type: event.type, payload: event.payload, at };
  });
}

/** Appends one event to a stream with the stream's next sequence number, inside the caller's transaction. */
export async function appendLiveEvent<T extends LiveEventType>(
  manager: EntityManager,
  stream: string,
  type: T,
  payload: LiveEventMap[T],
): Promise<LiveEnvelope<T>> {
  const [envelope] = await recordLiveEvents(manager, [liveEvent(stream, type, payload)]);
  return envelope as LiveEnvelope<T>;
}

/** Appends events to one stream, in order, with consecutive sequence numbers (see `recordLiveEvents`). */
export function appendLiveEvents(
  manager: EntityManager,
  stream: string,
  events: readonly { type: LiveEventType; payload: LiveEventMap[LiveEventType] }[],
): Promise<LiveEnvelope[]> {
  return recordLiveEvents(
    manager,
    events.map((event) => ({ stream, ...event })),
  );
}

/** Events of a stream after `afterSeq`, in order. */
export async function replayLiveEvents(
  manager: EntityManager,
  stream: string,
  afterSeq: number,
): Promise<LiveEnvelope[]> {
  const rows = await manager
    .getRepository(LiveEventEntity)
    .createQueryBuilder('event')
    .where('event.stream = :stream AND event.seq > :afterSeq', { stream, afterSeq })
    .orderBy('event.seq', 'ASC')
    .limit(REPLAY_LIMIT)
    .getMany();
  return rows.map((row) => ({
    stream: row.stream,
    seq: row.seq,
    type: row.type as LiveEventType,
    payload: row.payload as LiveEventMap[LiveEventType],
    at: row.at.toISOString(),
  }));
}
