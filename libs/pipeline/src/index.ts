export { JUDGE_JOB_EXPIRY_SECONDS, JudgeQueue, type JudgeQueueOptions } from './judge-queue.js';
export { LivePublisher } from './live-publisher.js';
export { REPLAY_LIMIT, appendLiveEvent, replayLiveEvents } from './live-event.store.js';
export {
  appendSessionEvent,
  appendSessionUpdated,
  itemStatuses,
  sessionUpdate,
  type SessionEventType,
} from './session-events.js';
