import { Module } from '@nestjs/common';
import { RejudgeRepository } from './rejudge.repository.js';
import { RejudgesController } from './rejudges.controller.js';
import { RejudgesService } from './rejudges.service.js';

@Module({
  controllers: [RejudgesController],
  providers: [RejudgesService, RejudgeRepository],
})
export class RejudgesModule {}
