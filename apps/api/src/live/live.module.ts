import { Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ApiConfig } from '@app/config';
import { JudgeQueue } from '@app/pipeline';
import { LiveAccessService } from './live-access.service.js';
import { LiveHub } from './live-hub.js';
import { LiveGateway } from './live.gateway.js';

/** The live pipeline's API side: the judge queue it fills, and the socket gateway it serves. */
@Global()
@Module({
  providers: [
    LiveHub,
    LiveAccessService,
    LiveGateway,
    {
      provide: JudgeQueue,
      inject: [ApiConfig],
      useFactory: (config: ApiConfig) => JudgeQueue.start({ databaseUrl: config.DATABASE_URL, poolSize: 3 }),
    },
  ],
  exports: [LiveHub, LiveAccessService, JudgeQueue],
})
export class LiveModule implements OnApplicationShutdown {
  constructor(private readonly queue: JudgeQueue) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queue.stop(1000);
  }
}
