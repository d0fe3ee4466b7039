import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CandidateSessionEntity, InviteEntity } from '@app/db';
import { CandidateSessionRepository } from './candidate-session.repository.js';
import { CandidateSessionsController } from './candidate-sessions.controller.js';
import { CandidateSessionsService } from './candidate-sessions.service.js';
import { SessionDeadlineWorker } from './session-deadline.worker.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';

@Module({
  imports: [TypeOrmModule.forFeature([CandidateSessionEntity, InviteEntity]), WebhooksModule],
  controllers: [CandidateSessionsController],
  providers: [CandidateSessionsService, CandidateSessionRepository, SessionDeadlineWorker],
  exports: [CandidateSessionsService],
})
export class CandidateSessionsModule {}
