import type { SubmissionKind, Verdict } from './verdict.js';

/**
 * The events of the live pipeline, one map for the API, the judge and the clients. Every event
 * belongs to a stream (`submission:<id>`, `session:<id>`, `assessment:<id>`) and carries the
 * stream's next sequence number; events are persisted, so a late or reconnecting client replays
 * what it missed.
 */
/** A result set as the SQL grader previews it (capped rows, cells as text). */
/** Why a session ended: the candidate finished it, or its time ran out. */
export type SessionFinishReason = 'submitted' | 'time_up';

export interface ResultTablePayload {
  columns: { name: string; type: string }[];
  rows: (string | null)[][];
  totalRows: number;
}

/**
 * What a sample test shows the candidate: code tests carry text; SQL tests carry the sample
 * dataset's name as input and result tables, with the plan's scans when the test checks the plan.
 */
export interface SampleDetailsPayload {
  input: string;
  expected: string | ResultTablePayload;
  actual?: string | ResultTablePayload;
  planScans?: string[];
}

export interface LiveEventMap {
  'submission.queued': { submissionId: string; sessionId: string; itemId: string; kind: SubmissionKind };
  /** `judge` names the judge process (host:pid) running this attempt. */
  'submission.running': { submissionId: string; attempt: number; judge?: string };
  'test.finished': {
    submissionId: string;
    index: number;
    name: string;
    sample: boolean;
    verdict: Verdict;
    timeMs: number;
    message: string;
    details?: SampleDetailsPayload;
  };
  'submission.finished': {
    submissionId: string;
    kind: SubmissionKind;
    verdict: Verdict;
    score: number | null;
    message: string;
    /** From acceptance to the final verdict. */
    latencyMs?: number;
  };
  /**
   * The session's clock and its items' statuses: on start and resume, when an item's status
   * changes (first autosave, a final submission accepted), when a submission is judged, and at
   * the end. `remainingSeconds` is as of `at`; `deadline` lets a client count down itself.
   */
  'session.updated': {
    sessionId: string;
    status: SessionStatusValue;
    deadline: string;
    remainingSeconds: number;
    items: { id: string; status: SessionItemStatus }[];
  };
  /** Staff only: a candidate's autosave, for live watching. */
  'draft.updated': {
    sessionId: string;
    itemId: string;
    language: string | null;
    code: string | null;
    answer: unknown;
    at: string;
  };
  /**
   * The session ended: submitted by the candidate, or its time ran out (`reason`). Staff, and the
   * candidate of that session (their workspace closes on it).
   */
  'session.finished': { sessionId: string; finishedAt: string; reason: SessionFinishReason };
}

export type SessionStatusValue = 'in_progress' | 'finished';
export type SessionItemStatus = 'not_started' | 'draft_saved' | 'submitted';

export type LiveEventType = keyof LiveEventMap;

/**
 * Events a candidate may receive (on their own session's and submissions' streams); the others
 * (`draft.updated`) are for staff only, and are never sent on a candidate's socket.
 */
export const CANDIDATE_EVENT_TYPES: readonly LiveEventType[] = [
  'submission.queued',
  'submission.running',
  'test.finished',
  'submission.finished',
  'session.updated',
  'session.finished',
];

export interface LiveEnvelope<T extends LiveEventType = LiveEventType> {
  stream: string;
  seq: number;
  type: T;
  payload: LiveEventMap[T];
  /** ISO time the event was recorded. */
  at: string;
}

export const LIVE_NAMESPACE = '/live';

export const liveStream = {
  submission: (id: string) => `submission:${id}`,
  session: (id: string) => `session:${id}`,
  /** Staff: `session.updated`, `draft.updated` and `session.finished` of every session of an assessment. */
  assessment: (id: string) => `assessment:${id}`,
};

/** What clients send on the `/live` namespace. */
export interface SubscribeMessage {
  submissionId?: string;
  sessionId?: string;
  assessmentId?: string;
  /** The last sequence number the client saw on that stream; replay starts after it. */
  afterSeq?: number;
}

/** Socket.io event names of the `/live` namespace. */
export interface LiveServerToClient {
  /** One event. */
  event: (envelope: LiveEnvelope) => void;
  /**
   * Several events in one message, in the order a client would have received them as `event`s: what reached
   * the server together (a judge's batch of test results, a replay) leaves it together, in one frame.
   */
  events: (envelopes: LiveEnvelope[]) => void;
  subscribed: (ack: { stream: string; replayed: number; lastSeq: number }) => void;
  error: (error: { code: string; message: string }) => void;
}

export interface LiveClientToServer {
  subscribe: (message: SubscribeMessage) => void;
  unsubscribe: (message: SubscribeMessage) => void;
}

/** Between server processes (judge -> every API node) through the PostgreSQL adapter. */
export interface LiveServerSideEvents {
  /** Events recorded together (in one transaction), in sequence order. */
  'live:events': (envelopes: LiveEnvelope[]) => void;
}

/**
 * The name a hidden test goes by wherever a candidate can see it (live events, their results): its
 * position only. Its real name and its message (which may quote expected values) stay with staff.
 */
export function hiddenTestName(index: number): string {
  return `Hidden test ${index + 1}`;
}
