import { IsOptional, IsString, MinLength } from 'class-validator';
import { CommonConfig, IntegerBetween, IsOptionalPostgresUrl, IsPort } from './common.config.js';
import { MAX_JUDGE_CONCURRENCY } from './judge.config.js';

/**
 * The single-machine launcher (`npm start`): without DATABASE_URL it runs an embedded PostgreSQL
 * whose data lives under DATA_DIR, then supervises the API and the judge.
 */
export class PlatformConfig extends CommonConfig {
  @IsPort()
  PORT = 3000;

  @IsOptionalPostgresUrl()
  DATABASE_URL?: string;

  /** Where SQL items run (a superuser URL of another database); default `assay_sandbox` beside the application's. */
  @IsOptionalPostgresUrl()
  SANDBOX_DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters long' })
  JWT_SECRET?: string;

  @IntegerBetween(1, MAX_JUDGE_CONCURRENCY)
  JUDGE_CONCURRENCY = 2;

  @IsString()
  DATA_DIR = '.data';

  @IsPort()
  EMBEDDED_POSTGRES_PORT = 54329;
}
