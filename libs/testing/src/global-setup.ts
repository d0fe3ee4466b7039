import { quoteIdentifier, runPendingMigrations, startEmbeddedPostgres, withClient, withDatabase } from '@app/db';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import {
  TEST_EMBEDDED_ROOT,
  TEST_SERVER_URL_VARIABLE,
  TEST_RUN_VARIABLE,
  TEST_TEMPLATE_VARIABLE,
  dropDatabase,
  serverUrlOf,
} from './test-server.js';

/**
 * Once per `npm test`: find the PostgreSQL to test against (DATABASE_URL, or an embedded one),
 * migrate a template database, and let every test file copy it.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl: string;
  if (process.env.DATABASE_URL) {
    serverUrl = serverUrlOf(process.env.DATABASE_URL);
  } else {
    removeFoldersOfDeadRuns();
    const dataDir = join(TEST_EMBEDDED_ROOT, String(process.pid));
    const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres' });
    (globalThis as { assayTestPostgres?: { stop(): Promise<void> } }).assayTestPostgres = {
      stop: async () => {
        await embedded.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
    serverUrl = embedded.url;
  }
  const template = `assay_template_${process.pid}`;
  await dropDatabase(serverUrl, template);
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(template)}`));
  await runPendingMigrations(withDatabase(serverUrl, template));
  await withClient(serverUrl, (client) => client.query(`ALTER DATABASE ${quoteIdentifier(template)} IS_TEMPLATE true`));
  process.env[TEST_SERVER_URL_VARIABLE] = serverUrl;
  process.env[TEST_TEMPLATE_VARIABLE] = template;
  process.env[TEST_RUN_VARIABLE] = String(process.pid);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Servers of runs that were killed die with their postmaster's parent; their folders stay behind. */
function removeFoldersOfDeadRuns(): void {
  mkdirSync(TEST_EMBEDDED_ROOT, { recursive: true, mode: 0o755 });
  for (const entry of readdirSync(TEST_EMBEDDED_ROOT)) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || isAlive(pid)) continue;
    rmSync(join(TEST_EMBEDDED_ROOT, entry), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
