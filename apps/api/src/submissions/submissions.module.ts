import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SubmissionEntity } from '@app/db';
import { CandidateSessionsModule } from '../candidate-sessions/candidate-sessions.module.js';
import { SubmissionRepository } from './submission.repository.js';
import { SubmissionsController } from './submissions.controller.js';
import { SubmissionsService } from './submissions.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([SubmissionEntity]), CandidateSessionsModule],
  controllers: [SubmissionsController],
  providers: [SubmissionsService, SubmissionRepository],
})
export class SubmissionsModule {}
