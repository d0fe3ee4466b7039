import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { CandidateSessionsModule } from '../candidate-sessions/candidate-sessions.module.js';
import { SessionReviewRepository } from '../reviews/session-review.repository.js';
import { ActivityRateLimitGuard } from './activity-rate-limit.guard.js';
import { ActivityRecorder } from './activity-recorder.service.js';
import { ActivityController } from './activity.controller.js';
import { IntegrityReviewService } from './integrity-review.service.js';
import { IntegrityController } from './integrity.controller.js';
import { IntegrityRepository } from './integrity.repository.js';

/**
 * Integrity: the candidate's activity reports, the timeline and its signals, and the similarity
 * flags the judges' screenings store (apps/judge/src/integrity). Flags and signals suggest a
 * review; nothing here rejects anyone.
 */
@Module({
  imports: [AssessmentsModule, CandidateSessionsModule],
  controllers: [IntegrityController, ActivityController],
  providers: [
    IntegrityReviewService,
    ActivityRecorder,
    IntegrityRepository,
    SessionReviewRepository,
    ActivityRateLimitGuard,
  ],
  exports: [IntegrityReviewService],
})
export class IntegrityModule {}
