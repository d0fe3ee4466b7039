import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssessmentEntity } from '@app/db';
import { ChallengesModule } from '../challenges/challenges.module.js';
import { AssessmentRepository } from './assessment.repository.js';
import { AssessmentsController } from './assessments.controller.js';
import { AssessmentsService } from './assessments.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AssessmentEntity]), ChallengesModule],
  controllers: [AssessmentsController],
  providers: [AssessmentsService, AssessmentRepository],
  exports: [AssessmentRepository],
})
export class AssessmentsModule {}
