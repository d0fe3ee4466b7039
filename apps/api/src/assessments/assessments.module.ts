import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssessmentEntity, ChallengeVersionEntity } from '@app/db';
import { ChallengeCatalogRepository } from '../challenges/challenge-catalog.repository.js';
import { AssessmentRepository } from './assessment.repository.js';
import { AssessmentsController } from './assessments.controller.js';
import { AssessmentsService } from './assessments.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AssessmentEntity, ChallengeVersionEntity])],
  controllers: [AssessmentsController],
  providers: [AssessmentsService, AssessmentRepository, ChallengeCatalogRepository],
  exports: [ChallengeCatalogRepository],
})
export class AssessmentsModule {}
