import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiConfig, buildLoggerOptions } from '@app/config';
import { buildDataSourceOptions } from '@app/db';
import { LoggerModule } from 'nestjs-pino';
import { AccessModule } from './access/access.module.js';
import { AssessmentsModule } from './assessments/assessments.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CandidateSessionsModule } from './candidate-sessions/candidate-sessions.module.js';
import { ChallengesModule } from './challenges/challenges.module.js';
import { ApiExceptionFilter } from './errors/api-exception.filter.js';
import { createValidationPipe } from './errors/validation.pipe.js';
import { HealthModule } from './health/health.module.js';
import { IntegrityModule } from './integrity/integrity.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { LiveModule } from './live/live.module.js';
import { MembersModule } from './members/members.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { RateLimitModule } from './rate-limit/rate-limit.module.js';
import { RejudgesModule } from './rejudges/rejudges.module.js';
import { ReviewsModule } from './reviews/reviews.module.js';
import { SubmissionsModule } from './submissions/submissions.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

@Module({})
export class AppModule {
  /** The whole API for one validated configuration; tests build it with their own. */
  static register(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ ...config })] }),
        LoggerModule.forRoot(buildLoggerOptions(config, 'api')),
        TypeOrmModule.forRoot({ ...buildDataSourceOptions(config.DATABASE_URL), retryAttempts: 0 }),
        RateLimitModule,
        AccessModule,
        JobsModule,
        HealthModule,
        AuthModule,
        MembersModule,
        ChallengesModule,
        AssessmentsModule,
        CandidateSessionsModule,
        MetricsModule,
        LiveModule,
        SubmissionsModule,
        ReviewsModule,
        IntegrityModule,
        WebhooksModule,
        RejudgesModule,
      ],
      providers: [
        { provide: ApiConfig, useValue: config },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [ApiConfig],
      global: true,
    };
  }
}
