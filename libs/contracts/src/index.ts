export {
  CHALLENGE_VERIFICATION_QUEUE,
  JUDGE_JOB_RETRY_LIMIT,
  JUDGE_QUEUE,
  type ChallengeVerificationJobData,
  type JudgeJobData,
} from './judge-job.js';
export {
  CANDIDATE_EVENT_TYPES,
  LIVE_NAMESPACE,
  hiddenTestName,
  liveStream,
  type LiveClientToServer,
  type LiveEnvelope,
  type LiveEventMap,
  type LiveEventType,
  type LiveServerSideEvents,
  type LiveServerToClient,
  type ResultTablePayload,
  type SampleDetailsPayload,
  type SessionFinishReason,
  type SessionItemStatus,
  type SessionStatusValue,
  type SubscribeMessage,
} from './live-events.js';
export {
  SUBMISSION_KINDS,
  SUBMISSION_STATUSES,
  VERDICTS,
  type SubmissionKind,
  type SubmissionStatus,
  type Verdict,
} from './verdict.js';
export {
  ACTIVITY_EVENT_KINDS,
  INTEGRITY_QUEUE,
  RECORDING_NOTICE,
  type ActivityEventKind,
  type IntegrityJobData,
} from './integrity.js';
