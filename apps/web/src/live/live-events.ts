/**
 * The live events of issue 6 as the browser reads them. The contracts library will own the event
 * map; until the gateway exists this parser accepts the documented envelope and rejects the rest,
 * since anything arriving over the socket is untrusted.
 */
export const LIVE_EVENT_TYPES = [
  'submission.queued',
  'submission.running',
  'test.finished',
  'submission.finished',
  'session.updated',
  'draft.updated',
  'session.finished',
] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

export type LiveTarget = { submissionId: string } | { sessionId: string } | { assessmentId: string };

export interface LiveEvent {
  type: LiveEventType;
  seq: number;
  /** `submission:<id>`, `session:<id>` or `assessment:<id>`. */
  stream: string;
  data: Record<string, unknown>;
}

export function streamOf(target: LiveTarget): string {
  if ('submissionId' in target) return `submission:${target.submissionId}`;
  if ('sessionId' in target) return `session:${target.sessionId}`;
  return `assessment:${target.assessmentId}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads one `event` message; undefined for anything that is not a well-formed event. */
export function parseLiveEvent(raw: unknown): LiveEvent | undefined {
  if (!isRecord(raw)) return undefined;
  const type = raw.type ?? raw.event ?? raw.name;
  if (typeof type !== 'string' || !(LIVE_EVENT_TYPES as readonly string[]).includes(type)) return undefined;
  const seq = raw.seq;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq)) return undefined;
  const data = isRecord(raw.data) ? raw.data : isRecord(raw.payload) ? raw.payload : {};
  let stream = typeof raw.stream === 'string' ? raw.stream : undefined;
  if (!stream) {
    const id = (key: string) => (typeof raw[key] === 'string' ? raw[key] : data[key]);
    const submissionId = id('submissionId');
    const sessionId = id('sessionId');
    const assessmentId = id('assessmentId');
    if (type.startsWith('submission.') || type === 'test.finished') {
      if (typeof submissionId === 'string') stream = `submission:${submissionId}`;
    } else if (typeof sessionId === 'string') {
      stream = `session:${sessionId}`;
    } else if (typeof assessmentId === 'string') {
      stream = `assessment:${assessmentId}`;
    }
  }
  if (!stream) return undefined;
  return { type: type as LiveEventType, seq, stream, data };
}
