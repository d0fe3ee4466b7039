import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqlSandbox, resolveSandboxDatabaseUrl } from '@app/challenge-kit';
import { ConfigValidationError, PlatformConfig, loadConfig, redactUrl } from '@app/config';
import {
  DatabaseUnreachableError,
  EmbeddedPostgresError,
  assertDatabaseReachable,
  runPendingMigrations,
  startEmbeddedPostgres,
  type RunningPostgres,
} from '@app/db';
import { describeDemo, seedDemoOrganisation } from './demo-organisation.js';
import { InstanceLock, InstanceLockedError } from './instance-lock.js';
import { readOrCreateSecret } from './local-secrets.js';
import { JUDGE_NODE_FLAGS, ProcessSupervisor } from './process-supervisor.js';
import { waitUntilHealthy } from './wait-until-healthy.js';

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const READY_TIMEOUT_MS = 60_000;

const say = (message: string): void => console.log(`[assay] ${message}`);

/**
 * `npm start`: the whole platform on one machine. Without DATABASE_URL it runs an embedded
 * PostgreSQL in DATA_DIR; it migrates, then supervises the API and the judge until stopped.
 */
async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig('Assay', PlatformConfig);
  const dataDir = resolve(config.DATA_DIR);
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const lock = InstanceLock.acquire(join(dataDir, 'assay.pid'));

  let database: RunningPostgres | undefined;
  let supervisor: ProcessSupervisor | undefined;
  let shuttingDown = false;
  const shutdown = async (code: number): Promise<never> => {
    if (shuttingDown) return new Promise<never>(() => undefined);
    shuttingDown = true;
    say('stopping…');
    await supervisor?.stopAll();
    await database?.stop().catch((error: unknown) => say(`PostgreSQL did not stop cleanly: ${String(error)}`));
    lock.release();
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    if (config.DATABASE_URL) {
      await assertDatabaseReachable(config.DATABASE_URL);
      say(`using PostgreSQL at ${redactUrl(config.DATABASE_URL)}`);
    } else {
      database = await startEmbeddedPostgres({
        dataDir: join(dataDir, 'postgres'),
        port: config.EMBEDDED_POSTGRES_PORT,
        database: 'assay',
        reclaimOrphan: true,
      });
      say(`embedded PostgreSQL on 127.0.0.1:${config.EMBEDDED_POSTGRES_PORT}, data in ${join(dataDir, 'postgres')}`);
    }
    const databaseUrl = config.DATABASE_URL ?? database!.url;
    const applied = await runPendingMigrations(databaseUrl);
    say(applied.length ? `applied ${applied.length} migration(s)` : 'database schema is up to date');

    const sandboxUrl = resolveSandboxDatabaseUrl({
      SANDBOX_DATABASE_URL: config.SANDBOX_DATABASE_URL,
      DATABASE_URL: databaseUrl,
    });
    // Off the start's critical path: the API does not need it, and the judge would create it on first use.
    const sandboxReady = prepareSqlSandbox(sandboxUrl, databaseUrl);

    const jwtSecret =
      config.JWT_SECRET ??
      (config.NODE_ENV === 'production' ? undefined : readOrCreateSecret(join(dataDir, 'jwt-secret')));
    if (!jwtSecret) {
      throw new ConfigValidationError('Assay', [
        { variable: 'JWT_SECRET', problem: 'is required in production: at least 32 characters', received: undefined },
      ]);
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: jwtSecret,
      PORT: String(config.PORT),
      LOG_LEVEL: config.LOG_LEVEL,
      NODE_ENV: config.NODE_ENV,
      JUDGE_CONCURRENCY: String(config.JUDGE_CONCURRENCY),
      SANDBOX_DATABASE_URL: sandboxUrl,
    };
    supervisor = new ProcessSupervisor((name) => {
      say(`${name} keeps crashing; giving up`);
      void shutdown(1);
    }, say);
    supervisor.start({ name: 'api', script: join(DIST, 'apps/api/src/main.js'), env });
    supervisor.start({ name: 'judge', script: join(DIST, 'apps/judge/src/main.js'), env, nodeFlags: JUDGE_NODE_FLAGS });

    const url = `http://localhost:${config.PORT}`;
    await waitUntilHealthy(`http://127.0.0.1:${config.PORT}/api/ready`, READY_TIMEOUT_MS);
    await sandboxReady;
    say(`Assay is up on ${url} (ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s). Ctrl+C stops it.`);
    // In production the demo is opt-in: ASSAY_DEMO=true must be said explicitly.
    const demo = config.ASSAY_DEMO && (config.NODE_ENV !== 'production' || process.env.ASSAY_DEMO === 'true');
    if (demo) await showDemo(`http://127.0.0.1:${config.PORT}`, url, join(dataDir, 'demo.json'));
  } catch (error) {
    report(error);
    await shutdown(1);
  }
}

/** Seeds or finds the demo organisation and prints its logins; a failure is reported, not fatal. */
async function showDemo(apiUrl: string, publicUrl: string, stateFile: string): Promise<void> {
  try {
    for (const line of describeDemo(await seedDemoOrganisation(apiUrl, stateFile), publicUrl)) say(line);
  } catch (error) {
    say(`the demo organisation was not seeded: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Creates and hardens the SQL sandbox database before the judge needs it (the judge would do it on its
 * first SQL submission). Without it the platform still runs; SQL items then end in INTERNAL_ERROR.
 */
async function prepareSqlSandbox(url: string, applicationDatabaseUrl: string): Promise<void> {
  try {
    const sandbox = await SqlSandbox.open({ url, applicationDatabaseUrl });
    await sandbox.close();
    say(`SQL sandbox database at ${redactUrl(url)}`);
  } catch (error) {
    say(
      `SQL items cannot be judged until the SQL sandbox works: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function report(error: unknown): void {
  const known =
    error instanceof ConfigValidationError ||
    error instanceof DatabaseUnreachableError ||
    error instanceof EmbeddedPostgresError ||
    error instanceof InstanceLockedError;
  console.error(known ? error.message : error);
}

main().catch((error: unknown) => {
  report(error);
  process.exit(1);
});
