import { runPendingMigrations, startEmbeddedPostgres, type RunningPostgres } from '@app/db';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The compiled entry points production runs (`npm run build` makes them). */
const API_MAIN = resolve('dist/apps/api/src/main.js');
const JUDGE_MAIN = resolve('dist/apps/judge/src/main.js');

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

export async function waitUntil<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve()
      .then(probe)
      .catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * A PostgreSQL cluster of the test's own, in a temporary folder on a free port, that the test may
 * stop and start again (never the machine's shared server).
 */
export class ThrowAwayPostgres {
  private running?: RunningPostgres;
  url = '';

  private constructor(
    private readonly root: string,
    private readonly port: number,
  ) {}

  static async start(): Promise<ThrowAwayPostgres> {
    const root = mkdtempSync(join(tmpdir(), 'assay-faults-'));
    chmodSync(root, 0o755); // as root, the cluster runs as the postgres user
    const cluster = new ThrowAwayPostgres(root, await freePort());
    await cluster.resume();
    await runPendingMigrations(cluster.url);
    return cluster;
  }

  async resume(): Promise<void> {
    this.running = await startEmbeddedPostgres({ dataDir: join(this.root, 'pg'), port: this.port, database: 'assay' });
    this.url = this.running.url;
  }

  async stop(): Promise<void> {
    await this.running?.stop();
    this.running = undefined;
  }

  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** One platform process (an API node or a judge) as production runs it, with its output kept for failures. */
export class PlatformProcess {
  output = '';
  private child?: ChildProcess;

  private constructor(
    readonly kind: 'api' | 'judge',
    private readonly env: NodeJS.ProcessEnv,
    readonly port?: number,
  ) {}

  static async api(databaseUrl: string, jwtSecret: string, port?: number): Promise<PlatformProcess> {
    const node = new PlatformProcess(
      'api',
      {
        DATABASE_URL: databaseUrl,
        JWT_SECRET: jwtSecret,
        LOAD_CHALLENGE_BANK: 'false',
        AUTH_RATE_LIMIT_PER_MINUTE: '10000',
        WEB_DIST_DIR: '/nonexistent',
        SHUTDOWN_GRACE_MS: '2000',
      },
      port ?? (await freePort()),
    );
    await node.start();
    return node;
  }

  static async judge(databaseUrl: string, concurrency = 1): Promise<PlatformProcess> {
    const node = new PlatformProcess('judge', { DATABASE_URL: databaseUrl, JUDGE_CONCURRENCY: String(concurrency) });
    await node.start();
    return node;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--no-node-snapshot', this.kind === 'api' ? API_MAIN : JUDGE_MAIN], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        ...this.env,
        ...(this.port ? { PORT: String(this.port) } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const ready = new Promise<void>((done, fail) => {
      const onData = (chunk: Buffer) => {
        this.output = (this.output + chunk.toString()).slice(-20_000);
        if (/Assay (API listening|judge ready)/.test(this.output)) done();
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code, signal) =>
        fail(new Error(`${this.kind} exited (${code ?? signal}) before it was ready:\n${this.output}`)),
      );
    });
    await Promise.race([
      ready,
      new Promise((_, fail) => setTimeout(() => fail(new Error(`${this.kind} not ready:\n${this.output}`)), 60_000)),
    ]);
  }

  /** kill -9: no shutdown of any kind. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
  }

  /** A graceful stop (SIGTERM), or kill -9 after `timeoutMs`. */
  async stop(timeoutMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }
}

export const newJwtSecret = () => randomBytes(32).toString('hex');
