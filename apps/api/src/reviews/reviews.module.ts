import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module.js';
import { IntegrityModule } from '../integrity/integrity.module.js';
import { ReviewsController } from './reviews.controller.js';
import { ReviewsService } from './reviews.service.js';
import { SessionReviewRepository } from './session-review.repository.js';

@Module({
  imports: [AssessmentsModule, IntegrityModule],
  controllers: [ReviewsController],
  providers: [ReviewsService, SessionReviewRepository],
})
export class ReviewsModule {}
