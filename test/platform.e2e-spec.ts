import { afterAll, describe, expect, it } from '@jest/globals';
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { dropOrphanedSandboxRoles } from '@app/challenge-kit';
import { withDatabase } from '@app/db';
import { createTestDatabase, dropDatabase, serverUrlOf } from '@app/testing';

/** The compiled launcher that `npm start` runs (the `pretest` step builds it). */
const LAUNCHER = resolve('dist/apps/platform/src/main.js');

interface Launched {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function launch(env: NodeJS.ProcessEnv): Launched {
  const child = spawn(process.execPath, ['--no-node-snapshot', LAUNCHER], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

/** As long as the launcher itself waits for the API to be ready (60 s): a loaded machine takes its time. */
async function waitForOutput(launched: Launched, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(launched.output())) {
    if (Date.now() > deadline || launched.child.exitCode !== null) {
      throw new Error(`expected ${String(pattern)} in the launcher output:\n${launched.output()}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

const freePort = (() => {
  let next = 39000 + (process.pid % 1000) * 5;
  return () => next++;
})();

describe('npm start (the platform launcher)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'assay-platform-'));
  chmodSync(dataDir, 0o755); // as root, the embedded server runs as postgres and must reach it
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('brings up the embedded database, the API and the judge; refuses a second start; keeps data; stops cleanly', async () => {
    const port = freePort();
    const env = {
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_POSTGRES_PORT: String(freePort()),
      ASSAY_DEMO: 'false',
    };
    const first = launch(env);
    try {
      await waitForOutput(first, /Assay is up on http:\/\/localhost:\d+/);
      await waitForOutput(first, /Assay judge ready/);
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
      const ready = await fetch(`http://127.0.0.1:${port}/api/ready`);
      expect(await ready.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });

      const second = launch({ ...env, PORT: String(freePort()) });
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(/Assay is already running from this folder \(pid \d+/);
      expect(second.output()).not.toMatch(/\n\s+at /); // a message, not a stack trace

      // Write through the embedded server, then restart and read it back.
      const password = readFileSync(join(dataDir, 'postgres/password'), 'utf8').trim();
      const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${env.EMBEDDED_POSTGRES_PORT}/assay`;
      const client = new pg.Client(url);
      await client.connect();
      await client.query("INSERT INTO organizations (name, slug) VALUES ('Kept Ltd', 'kept')");
      // SQL items get their sandbox: a second database on the embedded server, made at start.
      expect(first.output()).toMatch(/SQL sandbox database at postgres.*\/assay_sandbox/);
      const sandbox = await client.query("SELECT 1 FROM pg_database WHERE datname = 'assay_sandbox'");
      expect(sandbox.rowCount).toBe(1);
      await client.end();
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/\[assay\] stopped/);

    const again = launch(env);
    try {
      await waitForOutput(again, /Assay is up/);
      expect(again.output()).toMatch(/database schema is up to date/);
      const password = readFileSync(join(dataDir, 'postgres/password'), 'utf8').trim();
      const client = new pg.Client(
        `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${env.EMBEDDED_POSTGRES_PORT}/assay`,
      );
      await client.connect();
      const { rows } = await client.query<{ name: string }>("SELECT name FROM organizations WHERE slug = 'kept'");
      await client.end();
      expect(rows).toEqual([{ name: 'Kept Ltd' }]);
    } finally {
      again.child.kill('SIGINT');
    }
    expect(await again.exited).toBe(0);
  }, 150_000); // two full starts of the platform

  it('uses DATABASE_URL when it is set', async () => {
    const database = await createTestDatabase();
    const port = freePort();
    const sandboxName = `${database.name}_sbx`;
    const launched = launch({
      PORT: String(port),
      DATABASE_URL: database.url,
      SANDBOX_DATABASE_URL: withDatabase(database.url, sandboxName),
      DATA_DIR: join(dataDir, 'external'),
    });
    try {
      await waitForOutput(launched, /Assay is up/);
      expect(launched.output()).toMatch(/using PostgreSQL at postgres/);
      expect(launched.output()).toMatch(new RegExp(`SQL sandbox database at .*/${sandboxName}`));
      expect((await fetch(`http://127.0.0.1:${port}/api/ready`)).status).toBe(200);
      // The demo organisation (on by default): printed logins and an invite link that opens.
      await waitForOutput(launched, /candidate invite link \(Dana Demo\): (\S+)/);
      const output = launched.output();
      expect(output).toMatch(/admin +admin@demo\.assay\.example +password: \S+/);
      expect(output).toMatch(/interviewer +interviewer@demo\.assay\.example/);
      const link = /candidate invite link \(Dana Demo\): (\S+)/.exec(output)![1];
      const opened = await fetch(link.replace(/^http:\/\/localhost:\d+/, `http://127.0.0.1:${port}`));
      expect(opened.status).toBe(200);
    } finally {
      launched.child.kill('SIGTERM');
      await launched.exited;
      await database.drop();
      await dropDatabase(serverUrlOf(database.url), sandboxName);
      await dropOrphanedSandboxRoles(serverUrlOf(database.url));
    }
  });

  it('names the host when DATABASE_URL cannot be reached, without a stack trace', async () => {
    const launched = launch({
      PORT: String(freePort()),
      DATABASE_URL: 'postgresql://assay:secret@127.0.0.1:1/assay',
      DATA_DIR: join(dataDir, 'unreachable'),
    });
    expect(await launched.exited).toBe(1);
    expect(launched.output()).toMatch(/Cannot reach PostgreSQL at 127\.0\.0\.1:1\/assay: .*ECONNREFUSED/);
    expect(launched.output()).not.toMatch(/secret|\n\s+at /);
  });

  it('refuses a bad setting and says which variable and what is allowed', async () => {
    const launched = launch({ PORT: 'eighty', DATA_DIR: join(dataDir, 'bad') });
    expect(await launched.exited).toBe(1);
    expect(launched.output()).toContain('PORT: must be a whole number between 1 and 65535 (got "eighty")');
  });
});
