import type { LiveEnvelope, LiveEventMap, LiveEventType } from '@app/contracts';
import { LiveEventEntity } from '@app/db';
import type { EntityManager } from 'typeorm';

/** Events replayed to one subscriber at most; a stream is one submission or one session. */
export const REPLAY_LIMIT = 5000;

/**
 * Appends events to a stream with the stream's next sequence number, inside the caller's
 * transaction: the row lock on `live_streams` orders concurrent writers of one stream.
 */
export async function appendLiveEvent<T extends LiveEventType>(
  manager: EntityManager,
  stream: string,
  type: T,
  payload: LiveEventMap[T],
): Promise<LiveEnvelope<T>> {
  const [counter] = await manager.query<{ lastSeq: number }[]>(
    `INSERT INTO live_streams (stream, "lastSeq") VALUES ($1, 1)
     ON CONFLICT (stream) DO UPDATE SET "lastSeq" = live_streams."lastSeq" + 1
     RETURNING "lastSeq"`,
    [stream],
  );
  const seq = counter.lastSeq;
  const row = await manager.getRepository(LiveEventEntity).save({ stream, seq, type, payload });
  return { stream, seq, type, payload, at: row.at.toISOString() };
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
