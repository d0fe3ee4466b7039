import { LIVE_NAMESPACE, type LiveEnvelope, type LiveEventMap, type LiveEventType } from '@app/contracts';
import { MessageType } from 'socket.io-adapter';
import { preparedQuery } from '@app/db';
import type { EntityManager } from 'typeorm';
import { EMITTER_UID, LIVE_CHANNEL, NOTIFY_PAYLOAD_LIMIT } from './live-publisher.js';

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
  return { stream, type, payload };
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
  return (await record(manager, events, write, false)).envelopes;
}

/**
 * `recordLiveEvents`, and the same statement also publishes the events to every API node: a NOTIFY in
 * the socket.io PostgreSQL adapter's format (see `LivePublisher`), which PostgreSQL sends when the
 * statement's transaction commits, so no event is published that was not recorded, and publishing costs
 * no round trip of its own. Events too large for one NOTIFY (8000 bytes) are not sent: `announced` is
 * false and the caller publishes them with `LivePublisher`, which has a way for those.
 */
export function recordAndAnnounceLiveEvents(
  manager: EntityManager,
  events: readonly NewLiveEvent[],
  write?: GuardedWrite,
): Promise<{ envelopes: LiveEnvelope[]; announced: boolean }> {
  return record(manager, events, write, true);
}

async function record(
  manager: EntityManager,
  events: readonly NewLiveEvent[],
  write: GuardedWrite | undefined,
  announce: boolean,
): Promise<{ envelopes: LiveEnvelope[]; announced: boolean }> {
  if (events.length === 0) return { envelopes: [], announced: true };
  const extra = write?.params ?? [];
  // The announcement's parameters come after the write's.
  const [channel, namespace, messageType, uid] = [4, 5, 6, 7].map((n) => `$${n + extra.length}`);
  const rows = await preparedQuery<{ stream: string; first: number; at: string; announced: boolean }>(
    manager,
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
       RETURNING stream, seq, type, payload, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
     )${
       announce
         ? `, message AS (
       SELECT json_build_object('uid', ${uid}::text, 'nsp', ${namespace}::text, 'type', ${messageType}::int,
         'data', json_build_object('packet', json_build_array('live:events',
           json_agg(json_build_object('stream', stream, 'seq', seq, 'type', type, 'payload', payload, 'at', at)
                    ORDER BY stream, seq))))::text AS text
       FROM inserted
     ), announcement AS MATERIALIZED (
       SELECT pg_notify(${channel}, text) IS NULL AS sent FROM message WHERE octet_length(text) <= ${NOTIFY_PAYLOAD_LIMIT}
     )`
         : ''
     }
     SELECT stream, min(seq)::int AS first, min(at) AS at,
       ${announce ? 'EXISTS (SELECT 1 FROM announcement)' : 'false'} AS announced
     FROM inserted GROUP BY stream`,
    [
      events.map((event) => event.stream),
      events.map((event) => event.type),
      events.map((event) => JSON.stringify(event.payload)),
      ...extra,
      ...(announce ? [LIVE_CHANNEL, LIVE_NAMESPACE, MessageType.SERVER_SIDE_EMIT, EMITTER_UID] : []),
    ],
  );
  if (rows.length === 0) return { envelopes: [], announced: true }; // the guard yielded nothing
  const next = new Map(rows.map((row) => [row.stream, row.first]));
  const at = rows[0].at; // one transaction, one now()
  const envelopes = events.map((event) => {
    const seq = next.get(event.stream)!;
    next.set(event.stream, seq + 1);
    return { stream: event.stream, seq, type: event.type, payload: event.payload, at };
  });
  return { envelopes, announced: rows[0].announced };
}

/** Events of a stream after `afterSeq`, in order. */
export async function replayLiveEvents(
  manager: EntityManager,
  stream: string,
  afterSeq: number,
): Promise<LiveEnvelope[]> {
  const rows = await preparedQuery<{
    seq: number;
    type: LiveEventType;
    payload: LiveEventMap[LiveEventType];
    at: Date;
  }>(manager, `SELECT seq, type, payload, at FROM live_events WHERE stream = $1 AND seq > $2 ORDER BY seq LIMIT $3`, [
    stream,
    afterSeq,
    REPLAY_LIMIT,
  ]);
  return rows.map((row) => ({ stream, seq: row.seq, type: row.type, payload: row.payload, at: row.at.toISOString() }));
}
