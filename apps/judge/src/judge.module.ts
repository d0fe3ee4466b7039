import {
  type DynamicModule,
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JudgeConfig, buildLoggerOptions } from '@app/config';
import { buildDataSourceOptions } from '@app/db';
import { JudgeEngine } from '@app/judge-engine';
import { JudgeQueue, LivePublisher } from '@app/pipeline';
import { LoggerModule } from 'nestjs-pino';
import { AnswerItemGrader } from './grading/answer-item.grader.js';
import { CodeItemGrader } from './grading/code-item.grader.js';
import { SqlItemGrader } from './grading/sql-item.grader.js';
import { SqlSandboxProvider } from './grading/sql-sandbox.provider.js';
import { ScreeningRepository } from './integrity/screening.repository.js';
import { SimilarityScreener } from './integrity/similarity-screener.service.js';
import { StalledSubmissionReaper } from './stalled-submission.reaper.js';
import { SubmissionJudge } from './submission-judge.service.js';
import { ChallengeVersionVerifier } from './verification/challenge-version.verifier.js';

@Module({})
export class JudgeModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JudgeModule.name);

  constructor(
    @Inject(JudgeConfig) private readonly config: JudgeConfig,
    private readonly queue: JudgeQueue,
    private readonly engine: JudgeEngine,
    private readonly publisher: LivePublisher,
    private readonly judge: SubmissionJudge,
    private readonly screener: SimilarityScreener,
    private readonly verifier: ChallengeVersionVerifier,
  ) {}

  static register(config: JudgeConfig): DynamicModule {
    return {
      module: JudgeModule,
      imports: [
        LoggerModule.forRoot(buildLoggerOptions(config, 'judge')),
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions(config.DATABASE_URL, config.JUDGE_CONCURRENCY + 2),
          retryAttempts: 0,
        }),
      ],
      providers: [
        { provide: JudgeConfig, useValue: config },
        { provide: JudgeEngine, useFactory: () => JudgeEngine.start({ workers: config.JUDGE_CONCURRENCY }) },
        { provide: JudgeQueue, useFactory: () => JudgeQueue.start({ databaseUrl: config.DATABASE_URL, poolSize: 3 }) },
        { provide: LivePublisher, useFactory: () => LivePublisher.create(config.DATABASE_URL) },
        SqlSandboxProvider,
        CodeItemGrader,
        SqlItemGrader,
        AnswerItemGrader,
        SubmissionJudge,
        StalledSubmissionReaper,
        SimilarityScreener,
        ScreeningRepository,
        ChallengeVersionVerifier,
      ],
      exports: [JudgeConfig],
      global: true,
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.consume(
      this.config.JUDGE_CONCURRENCY,
      () => this.judge.take(),
      (submission, jobId) => this.judge.judge(submission, jobId),
    );
    this.logger.log(`consuming judge jobs, ${this.config.JUDGE_CONCURRENCY} at a time`);
    await this.queue.consumeScreenings(async ({ submissionId }) => {
      await this.screener.screen(submissionId);
    });
    await this.queue.consumeVerifications(async ({ challengeVersionId }) => {
      await this.verifier.verify(challengeVersionId);
    });
  }

  /** Finish (or release) the jobs in hand, then stop the sandboxes. */
  async onApplicationShutdown(): Promise<void> {
    await this.queue.stop();
    await this.engine.stop();
    await this.publisher.close();
  }
}
