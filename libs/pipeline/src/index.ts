export {
  JUDGE_JOB_EXPIRY_SECONDS,
  JUDGE_POLL_INTERVAL_MS,
  JUDGE_WAKE_CHANNEL,
  JudgeQueue,
  type JudgeQueueOptions,
  type TakenJob,
} from './judge-queue.js';
export { LivePublisher } from './live-publisher.js';
export {
  REPLAY_LIMIT,
  liveEvent,
  recordAndAnnounceLiveEvents,
  recordLiveEvents,
  replayLiveEvents,
  type GuardedWrite,
  type NewLiveEvent,
} from './live-event.store.js';
export {
  SESSION_ITEM_STATUSES_SQL,
  itemStatuses,
  recordAssessmentCopies,
  sessionEvents,
  sessionUpdatedEvents,
  sessionUpdate,
  sessionUpdatedPayload,
  statusChangeEvents,
  type ItemStatus,
  type SessionEventType,
} from './session-events.js';
export { ensureQueue } from './queue-setup.js';
