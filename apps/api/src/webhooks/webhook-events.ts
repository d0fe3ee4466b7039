import type { SessionFinishReason } from '@app/contracts';

/** What an organisation can subscribe to, and what each event's `data` holds (docs/api.md). */
export const WEBHOOK_EVENTS = ['session.completed', 'review.submitted', 'score.overridden'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

interface Person {
  id: string;
  name: string;
}

export interface WebhookEventData {
  'session.completed': {
    sessionId: string;
    assessmentId: string;
    candidateName: string;
    candidateEmail: string;
    startedAt: string;
    finishedAt: string;
    reason: SessionFinishReason;
  };
  'review.submitted': {
    sessionId: string;
    assessmentId: string;
    reviewId: string;
    reviewer: Person;
    decision: string;
  };
  'score.overridden': {
    sessionId: string;
    assessmentId: string;
    itemId: string;
    from: number | null;
    to: number | null;
    reason: string;
    by: Person;
  };
}

/** The body of every delivery. */
export interface WebhookBody<E extends WebhookEvent = WebhookEvent> {
  id: string;
  type: E;
  createdAt: string;
  organizationId: string;
  data: WebhookEventData[E];
}
