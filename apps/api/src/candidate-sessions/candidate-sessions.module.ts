import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CandidateSessionEntity, InviteEntity } from '@app/db';
import { CandidateSessionRepository } from './candidate-session.repository.js';
import { CandidateSessionsController } from './candidate-sessions.controller.js';
import { CandidateSessionsService } from './candidate-sessions.service.js';
import { SessionDeadlineSweeper } from './session-deadline.sweeper.js';

@Module({
  imports: [TypeOrmModule.forFeature([CandidateSessionEntity, InviteEntity])],
  controllers: [CandidateSessionsController],
  providers: [CandidateSessionsService, CandidateSessionRepository, SessionDeadlineSweeper],
  exports: [CandidateSessionsService],
})
export class CandidateSessionsModule {}
