import { AssessmentEntity, AssessmentItemEntity } from './assessment.entity.js';
import { CandidateSessionEntity, DraftEntity, InviteEntity, SnapshotEntity } from './candidate-session.entity.js';
import { ChallengeEntity, ChallengeVersionEntity } from './challenge.entity.js';
import { ActivityEventEntity, ScreenedSubmissionEntity, SimilarityFlagEntity } from './integrity.entity.js';
import { LiveEventEntity, LiveStreamEntity } from './live-event.entity.js';
import { OrganizationEntity } from './organization.entity.js';
import { RateLimitBucketEntity } from './rate-limit-bucket.entity.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { RejudgeEntity } from './rejudge.entity.js';
import { ReviewCommentEntity, ScoreAuditEntity, ScoreOverrideEntity, SessionReviewEntity } from './review.entity.js';
import { SubmissionEntity, TestResultEntity } from './submission.entity.js';
import { UserEntity } from './user.entity.js';
import { WebhookAttemptEntity, WebhookDeliveryEntity, WebhookEndpointEntity } from './webhook.entity.js';

export { AssessmentEntity, AssessmentItemEntity } from './assessment.entity.js';
export {
  CandidateSessionEntity,
  DraftEntity,
  InviteEntity,
  SESSION_STATUSES,
  SnapshotEntity,
  type SessionStatus,
} from './candidate-session.entity.js';
export {
  CHALLENGE_VERIFICATIONS,
  ChallengeEntity,
  ChallengeVersionEntity,
  DIFFICULTIES,
  type ChallengeVerificationState,
  type Difficulty,
  type VerificationProblem,
} from './challenge.entity.js';
export {
  ActivityEventEntity,
  ScreenedSubmissionEntity,
  SimilarityFlagEntity,
  type FlagLineRange,
  type FlagRegion,
} from './integrity.entity.js';
export { LiveEventEntity, LiveStreamEntity } from './live-event.entity.js';
export { OrganizationEntity } from './organization.entity.js';
export { RateLimitBucketEntity } from './rate-limit-bucket.entity.js';
export { RefreshTokenEntity } from './refresh-token.entity.js';
export { RejudgeEntity } from './rejudge.entity.js';
export {
  HIRE_DECISIONS,
  ReviewCommentEntity,
  ScoreAuditEntity,
  ScoreOverrideEntity,
  SessionReviewEntity,
  type HireDecision,
  type ReviewRubric,
} from './review.entity.js';
export { SubmissionEntity, TestResultEntity } from './submission.entity.js';
export { STAFF_ROLES, UserEntity, type StaffRole } from './user.entity.js';
export {
  WEBHOOK_DELIVERY_STATUSES,
  WebhookAttemptEntity,
  WebhookDeliveryEntity,
  WebhookEndpointEntity,
  type WebhookDeliveryStatus,
} from './webhook.entity.js';

/** Every entity, listed explicitly: globs do not survive bundling, ESM or test transforms. */
export const ENTITIES = [
  OrganizationEntity,
  UserEntity,
  RefreshTokenEntity,
  RateLimitBucketEntity,
  ChallengeEntity,
  ChallengeVersionEntity,
  AssessmentEntity,
  AssessmentItemEntity,
  InviteEntity,
  CandidateSessionEntity,
  DraftEntity,
  SnapshotEntity,
  SubmissionEntity,
  TestResultEntity,
  RejudgeEntity,
  LiveStreamEntity,
  LiveEventEntity,
  ActivityEventEntity,
  ScreenedSubmissionEntity,
  SimilarityFlagEntity,
  ReviewCommentEntity,
  SessionReviewEntity,
  ScoreOverrideEntity,
  ScoreAuditEntity,
  WebhookEndpointEntity,
  WebhookDeliveryEntity,
  WebhookAttemptEntity,
];
