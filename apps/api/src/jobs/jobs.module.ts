import { Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ApiConfig } from '@app/config';
import { JudgeQueue } from '@app/pipeline';
import { BackgroundJobs } from './background-jobs.js';

/** pg-boss queue of webhook deliveries: one job per delivery, retried with backoff. */
export const WEBHOOK_DELIVERY_QUEUE = 'webhook-delivery';
/** pg-boss queue that finishes a session at its deadline, even if nobody calls the API again. */
export const SESSION_DEADLINE_QUEUE = 'session-deadline';

@Global()
@Module({
  providers: [
    {
      provide: BackgroundJobs,
      // After the judge queue: both create pg-boss queues, and DDL run side by side can deadlock.
      inject: [ApiConfig, JudgeQueue],
      useFactory: (config: ApiConfig) =>
        BackgroundJobs.start(config.DATABASE_URL, {
          [WEBHOOK_DELIVERY_QUEUE]: {
            retryLimit: config.WEBHOOK_MAX_ATTEMPTS - 1,
            retryDelay: config.WEBHOOK_RETRY_DELAY_SECONDS,
            retryBackoff: true,
            expireInSeconds: Math.ceil(config.WEBHOOK_TIMEOUT_MS / 1000) + 60,
          },
          [SESSION_DEADLINE_QUEUE]: { retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 },
        }),
    },
  ],
  exports: [BackgroundJobs],
})
export class JobsModule implements OnApplicationShutdown {
  constructor(private readonly jobs: BackgroundJobs) {}

  async onApplicationShutdown(): Promise<void> {
    await this.jobs.stop(2000);
  }
}
