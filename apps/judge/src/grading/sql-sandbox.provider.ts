import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { JudgeConfig } from '@app/config';
import { SqlGrader, SqlSandbox, resolveSandboxDatabaseUrl } from '@app/challenge-kit';
import { redactUrl } from '@app/config';

/**
 * The SQL sandbox of this judge, opened on first use (SANDBOX_DATABASE_URL, else a second database on
 * the application's server, created when missing). A failed open is retried by the next SQL submission.
 */
@Injectable()
export class SqlSandboxProvider implements OnApplicationShutdown {
  private readonly logger = new Logger(SqlSandboxProvider.name);
  private opening?: Promise<{ sandbox: SqlSandbox; grader: SqlGrader }>;

  constructor(@Inject(JudgeConfig) private readonly config: JudgeConfig) {}

  get url(): string {
    return resolveSandboxDatabaseUrl({
      SANDBOX_DATABASE_URL: this.config.SANDBOX_DATABASE_URL,
      DATABASE_URL: this.config.DATABASE_URL,
    });
  }

  async grader(): Promise<SqlGrader> {
    this.opening ??= SqlSandbox.open({
      url: this.url,
      applicationDatabaseUrl: this.config.DATABASE_URL,
      maxConcurrentRuns: this.config.JUDGE_CONCURRENCY,
      onIncident: (incident) =>
        this.logger.error(`SQL sandbox incident on dataset ${incident.datasetId}: ${incident.message}`),
    }).then(
      (sandbox) => {
        this.logger.log(`SQL sandbox ready on ${redactUrl(this.url)}`);
        return { sandbox, grader: new SqlGrader(sandbox) };
      },
      (error: unknown) => {
        this.opening = undefined;
        throw error;
      },
    );
    return (await this.opening).grader;
  }

  async onApplicationShutdown(): Promise<void> {
    const opened = await this.opening?.catch(() => undefined);
    await opened?.sandbox.close();
  }
}
