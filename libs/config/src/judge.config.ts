import { DatabaseConfig, IntegerBetween, IsOptionalPostgresUrl } from './common.config.js';

export const MAX_JUDGE_CONCURRENCY = 64;

/** The judge worker process. */
export class JudgeConfig extends DatabaseConfig {
  @IntegerBetween(1, MAX_JUDGE_CONCURRENCY)
  JUDGE_CONCURRENCY = 2;

  /**
   * Where SQL items run: a database apart from the application's, as a superuser (the sandbox creates
   * roles and revokes built-ins). Default: database `assay_sandbox` on DATABASE_URL's server.
   */
  @IsOptionalPostgresUrl()
  SANDBOX_DATABASE_URL?: string;
}
