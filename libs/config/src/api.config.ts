import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUrl, MinLength } from 'class-validator';
import { DatabaseConfig, IntegerBetween, IsPort } from './common.config.js';

/** The API process: HTTP and the socket.io gateway. */
export class ApiConfig extends DatabaseConfig {
  @IsPort()
  PORT = 3000;

  @IsString({ message: 'is required: a secret of at least 32 characters used to sign access tokens' })
  @MinLength(32, { message: 'must be at least 32 characters long' })
  JWT_SECRET!: string;

  /** Where people reach Assay, for links in invites; defaults to http://localhost:PORT. */
  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'must be an http(s) URL' },
  )
  PUBLIC_URL?: string;

  /** Load the challenge bank from CHALLENGE_BANK_DIR at start (idempotent: unchanged challenges are skipped). */
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  LOAD_CHALLENGE_BANK = true;

  @IsString()
  CHALLENGE_BANK_DIR = 'challenges';

  /** The built web client, served at `/` when it exists (`npm run build` makes it). */
  @IsString()
  WEB_DIST_DIR = 'apps/web/dist';

  /** Sign-up, login and refresh attempts allowed per client address per minute. */
  @IntegerBetween(1, 10000)
  AUTH_RATE_LIMIT_PER_MINUTE = 20;

  /** How long a shutdown waits for in-flight requests before closing their connections. */
  @IntegerBetween(1000, 120000, 'milliseconds')
  SHUTDOWN_GRACE_MS = 10000;

  /** First retry delay of a failed webhook delivery; each further retry waits about twice as long. */
  @IntegerBetween(1, 3600, 'seconds')
  WEBHOOK_RETRY_DELAY_SECONDS = 30;

  /** Attempts of one webhook delivery before it is marked failed. */
  @IntegerBetween(1, 20)
  WEBHOOK_MAX_ATTEMPTS = 6;

  /**
   * Deliver webhooks to loopback, private and link-local addresses too. Off by default, so that an
   * admin cannot make Assay call its own network (SSRF); on for local development and tests.
   */
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES = false;

  /** How long a webhook receiver has to answer one attempt. */
  @IntegerBetween(100, 60000, 'milliseconds')
  WEBHOOK_TIMEOUT_MS = 10000;
}
