import {
  liveStream,
  type LiveEnvelope,
  type LiveEventMap,
  type LiveEventType,
  type SessionItemStatus,
} from '@app/contracts';
import { preparedQuery } from '@app/db';
import type { EntityManager } from 'typeorm';
import { liveEvent, recordAndAnnounceLiveEvents, type NewLiveEvent } from './live-event.store.js';

/** Session events go to the session's own stream and to its assessment's stream (staff). */
export type SessionEventType = 'session.updated' | 'draft.updated' | 'session.finished';

interface SessionRow {
  assessmentId: string;
  status: 'in_progress' | 'finished';
  deadline: Date;
}

/** Where one item of a session stands, as `session.updated` and the session view give it. */
export type ItemStatus = LiveEventMap['session.updated']['items'][number];

/** Where each item stands, as SQL over the session `$1` and an `item` row (one place for every query that needs it). */
const ITEM_STATUS_SQL = `CASE
         WHEN EXISTS (SELECT 1 FROM submissions s
                      WHERE s."sessionId" = $1 AND s."assessmentItemId" = item.id AND s.kind = 'final') THEN 'submitted'
         WHEN EXISTS (SELECT 1 FROM drafts d WHERE d."sessionId" = $1 AND d."assessmentItemId" = item.id) THEN 'draft_saved'
         ELSE 'not_started'
       END`;

/**
 * Where every item of the session `$1` stands, in the assessment's order, as SQL over a `session` row
 * (`candidate_sessions`): a JSON array of `ItemStatus`.
 */
export const SESSION_ITEM_STATUSES_SQL = `COALESCE((SELECT json_agg(json_build_object('id', item.id, 'status', ${ITEM_STATUS_SQL})
                                 ORDER BY item.position)
                 FROM assessment_items item WHERE item."assessmentId" = session."assessmentId"), '[]')`;

/** Statuses only ever move forward: an autosave after a final submission leaves the item `submitted`. */
const STATUS_ORDER: readonly SessionItemStatus[] = ['not_started', 'draft_saved', 'submitted'];

/**
 * Where an item stands, in one place for the API's session view and for `session.updated`:
 * `submitted` once a final submission was accepted, `draft_saved` once work was autosaved.
 */
export async function itemStatuses(
  manager: EntityManager,
  sessionId: string,
  assessmentId: string,
): Promise<ItemStatus[]> {
  return manager.query<ItemStatus[]>(
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
  const [session] = await preparedQuery<SessionRow & { items: ItemStatus[] }>(
    manager,
    `SELECT session."assessmentId", session.status, session.deadline, ${SESSION_ITEM_STATUSES_SQL} AS items
     FROM candidate_sessions session WHERE session.id = $1`,
    [sessionId],
  );
  if (!session) return undefined;
  return { assessmentId: session.assessmentId, payload: sessionUpdatedPayload(sessionId, session, session.items, now) };
}

/** The `session.updated` payload of a session read with its items' statuses (`ITEM_STATUS_SQL`). */
export function sessionUpdatedPayload(
  sessionId: string,
  session: Pick<SessionRow, 'status' | 'deadline'>,
  items: ItemStatus[],
  now = new Date(),
): LiveEventMap['session.updated'] {
  const remainingSeconds =
    session.status === 'finished' ? 0 : Math.max(0, Math.floor((session.deadline.getTime() - now.getTime()) / 1000));
  return { sessionId, status: session.status, deadline: session.deadline.toISOString(), remainingSeconds, items };
}

/**
 * `session.updated` for a write that moves item `itemId` to `status` (an autosave to `draft_saved`, a final
 * submission to `submitted`), given where the items stood before it (`SESSION_ITEM_STATUSES_SQL`, read with
 * the session); none when the item stands there or further already.
 */
export function statusChangeEvents(
  session: { id: string; status: SessionRow['status']; deadline: Date },
  statuses: readonly ItemStatus[],
  itemId: string,
  status: SessionItemStatus,
  now = new Date(),
): NewLiveEvent[] {
  const before = statuses.find((entry) => entry.id === itemId);
  if (!before || STATUS_ORDER.indexOf(before.status) >= STATUS_ORDER.indexOf(status)) return [];
  const items = statuses.map((entry) => (entry.id === itemId ? { ...entry, status } : entry));
  return sessionEvents(session, 'session.updated', sessionUpdatedPayload(session.id, session, items, now));
}

/** A session event, for the session's own stream. */
export function sessionEvents<T extends SessionEventType>(
  session: { id: string },
  type: T,
  payload: LiveEventMap[T],
): NewLiveEvent[] {
  return [liveEvent(liveStream.session(session.id), type, payload)];
}

/** `session.updated` for the session as it stands, for its stream; none for an unknown session. */
export async function sessionUpdatedEvents(
  manager: EntityManager,
  sessionId: string,
  now = new Date(),
): Promise<NewLiveEvent[]> {
  const update = await sessionUpdate(manager, sessionId, now);
  if (!update) return [];
  return sessionEvents({ id: sessionId }, 'session.updated', update.payload);
}

const ASSESSMENT_EVENT_TYPES: ReadonlySet<LiveEventType> = new Set<SessionEventType>([
  'session.updated',
  'draft.updated',
  'session.finished',
]);

/**
 * Records, on the assessment's stream (staff watching every session of an assessment), copies of session
 * events already committed on their session streams: in one statement of its own, after the session's
 * transaction. Every writer of any session of the assessment takes that stream's counter; taken inside
 * the session's transaction it would stay locked for the transaction's remaining round trips, and a
 * cohort of candidates would queue behind one another. The statement announces them (see
 * `recordAndAnnounceLiveEvents`). A copy lost to a crash in between leaves no gap:
 * the assessment stream numbers only what it holds, and the event itself is on the session stream.
 */
export function recordAssessmentCopies(
  manager: EntityManager,
  assessmentId: string,
  envelopes: readonly LiveEnvelope[],
): Promise<{ envelopes: LiveEnvelope[]; announced: boolean }> {
  const stream = liveStream.assessment(assessmentId);
  return recordAndAnnounceLiveEvents(
    manager,
    envelopes
      .filter((envelope) => envelope.stream.startsWith('session:') && ASSESSMENT_EVENT_TYPES.has(envelope.type))
      .map((envelope) => ({ stream, type: envelope.type, payload: envelope.payload })),
  );
}
