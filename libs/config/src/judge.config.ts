import { DatabaseConfig, IntegerBetween } from './common.config.js';

export const MAX_JUDGE_CONCURRENCY = 64;

/** The judge worker process. */
export class JudgeConfig extends DatabaseConfig {
  @IntegerBetween(1, MAX_JUDGE_CONCURRENCY)
  JUDGE_CONCURRENCY = 2;
}
