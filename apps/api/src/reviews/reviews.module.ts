import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { CandidateSessionsModule } from '../candidate-sessions/candidate-sessions.module.js';
import { IntegrityModule } from '../integrity/integrity.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { ReviewCommentRepository } from './review-comment.repository.js';
import { ReviewCommentsController } from './review-comments.controller.js';
import { ReviewCommentsService } from './review-comments.service.js';
import { ReviewsController } from './reviews.controller.js';
import { ReviewsService } from './reviews.service.js';
import { SessionReviewRepository } from './session-review.repository.js';
import { SessionReviewService } from './session-review.service.js';

/** What staff do with candidates' work: results, comparison, line comments, rubric reviews, score overrides. */
@Module({
  imports: [AssessmentsModule, CandidateSessionsModule, WebhooksModule, IntegrityModule],
  controllers: [ReviewsController, ReviewCommentsController],
  providers: [
    ReviewsService,
    SessionReviewService,
    ReviewCommentsService,
    SessionReviewRepository,
    ReviewCommentRepository,
  ],
})
export class ReviewsModule {}
