import {
  liveStream,
  type LiveEnvelope,
  type LiveEventMap,
  type LiveEventType,
  type SessionItemStatus,
} from '@app/contracts';
import type { EntityManager } from 'typeorm';
import { appendLiveEvent } from './live-event.store.js';

/** Session events go to the session's own stream and to its assessment's stream (staff). */
export type SessionEventType = 'session.updated' | 'draft.updated' | 'session.finished';

interface SessionRow {
  assessmentId: string;
  status: 'in_progress' | 'finished';
  deadline: Date;
}

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
    `SELECT item.id,
       CASE
         WHEN EXISTS (SELECT 1 FROM submissions s
                      WHERE s."sessionId" = $1 AND s."assessmentItemId" = item.id AND s.kind = 'final') THEN 'submitted'
         WHEN EXISTS (SELECT 1 FROM drafts d WHERE d."sessionId" = $1 AND d."assessmentItemId" = item.id) THEN 'draft_saved'
         ELSE 'not_started'
       END AS status
     FROM assessment_items item WHERE item."assessmentId" = $2 ORDER BY item.position`,
    [sessionId, assessmentId],
  );
}

/** The `session.updated` payload as the session stands now, in the caller's transaction. */
export async function sessionUpdate(
  manager: EntityManager,
  sessionId: string,
  now = new Date(),
): Promise<{ assessmentId: string; payload: LiveEventMap['session.updated'] } | undefined> {
  const [session] = await manager.query<SessionRow[]>(
    `SELECT "assessmentId", status, deadline FROM candidate_sessions WHERE id = $1`,
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
      items: await itemStatuses(manager, sessionId, session.assessmentId),
    },
  };
}

/** Records a session event on the session's stream and on its assessment's stream, in that order. */
export async function appendSessionEvent<T extends SessionEventType>(
  manager: EntityManager,
  session: { id: string; assessmentId: string },
  type: T,
  payload: LiveEventMap[T],
): Promise<LiveEnvelope<LiveEventType>[]> {
  return [
    await appendLiveEvent(manager, liveStream.session(session.id), type, payload),
    await appendLiveEvent(manager, liveStream.assessment(session.assessmentId), type, payload),
  ];
}

/** `session.updated` for the session as it stands, on both streams; nothing for an unknown session. */
export async function appendSessionUpdated(
  manager: EntityManager,
  sessionId: string,
  now = new Date(),
): Promise<LiveEnvelope[]> {
  const update = await sessionUpdate(manager, sessionId, now);
  if (!update) return [];
  return appendSessionEvent(
    manager,
    { id: sessionId, assessmentId: update.assessmentId },
    'session.updated',
    update.payload,
  );
}
