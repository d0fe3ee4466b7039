import type { SubmissionKind, Verdict } from './verdict.js';

/**
 * The events of the live pipeline, one map for the API, the judge and the clients. Every event
 * belongs to a stream (`submission:<id>`, `session:<id>`) and carries the stream's next sequence
 * number; events are persisted, so a late or reconnecting client replays what it missed.
 */
/** A result set as the SQL grader previews it (capped rows, cells as text). */
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
  'submission.running': { submissionId: string; attempt: number };
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
  'session.updated': {
    sessionId: string;
    remainingSeconds: number;
    items: { itemId: string; status: string }[];
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
  /** Staff only. */
  'session.finished': { sessionId: string; finishedAt: string };
}

export type LiveEventType = keyof LiveEventMap;

/** Events a candidate may receive; the others are for staff only. */
export const CANDIDATE_EVENT_TYPES: readonly LiveEventType[] = [
  'submission.queued',
  'submission.running',
  'test.finished',
  'submission.finished',
  'session.updated',
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
  /** Staff: session lifecycle events of every session of an assessment. */
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
  event: (envelope: LiveEnvelope) => void;
  subscribed: (ack: { stream: string; replayed: number; lastSeq: number }) => void;
  error: (error: { code: string; message: string }) => void;
}

export interface LiveClientToServer {
  subscribe: (message: SubscribeMessage) => void;
  unsubscribe: (message: SubscribeMessage) => void;
}

/** Between server processes (judge -> every API node) through the PostgreSQL adapter. */
export interface LiveServerSideEvents {
  'live:event': (envelope: LiveEnvelope) => void;
}
