import {
  liveStream,
  type LiveEnvelope,
  type LiveEventMap,
  type LiveEventType,
  type SessionItemStatus,
} from '@app/contracts';
import type { EntityManager } from 'typeorm';
import { liveEvent, recordLiveEvents, type NewLiveEvent } from './live-event.store.js';

/** Session events go to the session's own stream and to its assessment's stream (staff). */
export type SessionEventType = 'session.updated' | 'draft.updated' | 'session.finished';

interface SessionRow {
  assessmentId: string;
  status: 'in_progress' | 'finished';
  deadline: Date;
}

/** Where each item stands, as SQL over the session `$1` and an `item` row (one place for both queries that need it). */
const ITEM_STATUS_SQL = `CASE
         WHEN EXISTS (SELECT 1 FROM submissions s
                      WHERE s."sessionId" = $1 AND s."assessmentItemId" = item.id AND s.kind = 'final') THEN 'submitted'
         WHEN EXISTS (SELECT 1 FROM drafts d WHERE d."sessionId" = $1 AND d."assessmentItemId" = item.id) THEN 'draft_saved'
         ELSE 'not_started'
       END`;

/**
 * Where an item stands, in one place for the API's session view and for `session.updated`:
 * `submitted` once a final submission was accepted, `draft_saved` once work was autosaved.
 */
export async function itemStatuses(
  manager: EntityManager,
  sessionId: string,
  assessmentId: string,
): Promise<{ id: string; status: SessionItemStatus }[]> {
  return manager.query<{ id: string; status: SessionItemStatus }[]>(
    `SELECT item.id, ${ITEM_STATUS_SQL} AS status
     FROM assessment_items item WHERE item."assessmentId" = $2 ORDER BY item.position`,
    [sessionId, assessmentId],
  );
}

/** The `session.updated` payload as the session stands now, in the caller's transaction (one query). */
export async function sessionUpdate(
  manager: EntityManager,
  sessionId: string,
  now = new Date(),
): Promise<{ assessmentId: string; payload: LiveEventMap['session.updated'] } | undefined> {
  const [session] = await manager.query<(SessionRow & { items: { id: string; status: SessionItemStatus }[] })[]>(
    `SELECT session."assessmentId", session.status, session.deadline,
       COALESCE((SELECT json_agg(json_build_object('id', item.id, 'status', ${ITEM_STATUS_SQL})
                                 ORDER BY item.position)
                 FROM assessment_items item WHERE item."assessmentId" = session."assessmentId"), '[]') AS items
     FROM candidate_sessions session WHERE session.id = $1`,
    [sessionId],
  );
  if (!session) return undefined;
  const remainingSeconds =
    session.status === 'finished' ? 0 : Math.max(0, Math.floor((session.deadline.getTime() - now.getTime()) / 1000));
  return {
    assessmentId: session.assessmentId,
    payload: {
      sessionId,
      status: session.status,
      deadline: session.deadline.toISOString(),
      remainingSeconds,
      items: session.items,
    },
  };
}

/** A session event for the session's own stream and for its assessment's stream (staff), in that order. */
export function sessionEvents<T extends SessionEventType>(
  session: { id: string; assessmentId: string },
  type: T,
  payload: LiveEventMap[T],
): NewLiveEvent[] {
  return [
    liveEvent(liveStream.session(session.id), type, payload),
    liveEvent(liveStream.assessment(session.assessmentId), type, payload),
  ];
}

/** `session.updated` for the session as it stands, for both streams; none for an unknown session. */
export async function sessionUpdatedEvents(
  manager: EntityManager,
  sessionId: string,
  now = new Date(),
): Promise<NewLiveEvent[]> {
  const update = await sessionUpdate(manager, sessionId, now);
  if (!update) return [];
  return sessionEvents({ id: sessionId, assessmentId: update.assessmentId }, 'session.updated', update.payload);
}

/** Records a session event on the session's stream and on its assessment's stream, in that order. */
export function appendSessionEvent<T extends SessionEventType>(
  manager: EntityManager,
  session: { id: string; assessmentId: string },
  type: T,
  payload: LiveEventMap[T],
): Promise<LiveEnvelope<LiveEventType>[]> {
  return recordLiveEvents(manager, sessionEvents(session, type, payload));
}

/** `session.updated` for the session as it stands, on both streams; nothing for an unknown session. */
export async function appendSessionUpdated(
  manager: EntityManager,
  sessionId: string,
  now = new Date(),
): Promise<LiveEnvelope[]> {
  return recordLiveEvents(manager, await sessionUpdatedEvents(manager, sessionId, now));
}
