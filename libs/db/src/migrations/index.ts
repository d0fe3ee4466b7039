import type { MigrationInterface } from 'typeorm';
// generated imports
import { MoveFingerprintIndexToJudges1795836657736 } from './1795836657736-MoveFingerprintIndexToJudges.js';
import { ChallengeVersionVerification1795830953761 } from './1795830953761-ChallengeVersionVerification.js';
import { AddIntegrity1795827195607 } from './1795827195607-AddIntegrity.js';
import { AddAnswerGradingAndRejudges1795824690366 } from './1795824690366-AddAnswerGradingAndRejudges.js';
import { AddReviewsAndWebhooks1795824658373 } from './1795824658373-AddReviewsAndWebhooks.js';
import { AddJudgeHeartbeat1795818252497 } from './1795818252497-AddJudgeHeartbeat.js';
import { AddChallengePublicView1795817398423 } from './1795817398423-AddChallengePublicView.js';
import { AddSubmissionsAndLiveEvents1795816285180 } from './1795816285180-AddSubmissionsAndLiveEvents.js';
import { AddAssessmentsAndSessions1795815621812 } from './1795815621812-AddAssessmentsAndSessions.js';
import { AddRateLimitBuckets1795815383595 } from './1795815383595-AddRateLimitBuckets.js';
import { AddRefreshTokens1795815181172 } from './1795815181172-AddRefreshTokens.js';
import { CreateBaseSchema1795814295312 } from './1795814295312-CreateBaseSchema.js';
import { NaturalKeysForEventsAndResults1795925000000 } from './1795925000000-NaturalKeysForEventsAndResults.js';

/** Every migration in order; `npm run migration:generate` appends new ones here. */
// prettier-ignore
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  CreateBaseSchema1795814295312,
  AddRefreshTokens1795815181172,
  AddRateLimitBuckets1795815383595,
  AddAssessmentsAndSessions1795815621812,
  AddSubmissionsAndLiveEvents1795816285180,
  AddChallengePublicView1795817398423,
  AddJudgeHeartbeat1795818252497,
  AddReviewsAndWebhooks1795824658373,
  AddAnswerGradingAndRejudges1795824690366,
  AddIntegrity1795827195607,
  ChallengeVersionVerification1795830953761,
  MoveFingerprintIndexToJudges1795836657736,
  NaturalKeysForEventsAndResults1795925000000,
];
