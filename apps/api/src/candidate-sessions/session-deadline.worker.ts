import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { BackgroundJobs } from '../jobs/background-jobs.js';
import { SESSION_DEADLINE_QUEUE } from '../jobs/jobs.module.js';
import { CandidateSessionsService } from './candidate-sessions.service.js';

/**
 * Finishes each session at its deadline (a job scheduled when it starts), so that a candidate who
 * walks away still ends with a finished session and a `session.completed` webhook.
 */
@Injectable()
export class SessionDeadlineWorker implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: BackgroundJobs,
    private readonly sessions: CandidateSessionsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work<{ sessionId: string }>(SESSION_DEADLINE_QUEUE, 2, (job) =>
      this.sessions.finishAtDeadline(job.sessionId),
    );
  }
}
