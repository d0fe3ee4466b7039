/**
 * `npm run bench:startup`: how long `npm start` (build included) takes from the command to a ready
 * platform (GET /api/ready = 200), on a fresh data folder (initdb included) and on a warm one.
 * Uses DATABASE_URL when set, the embedded PostgreSQL otherwise. Target: <= 10 s.
 *   npm run bench:startup -- --runs 5
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TARGET_MS = 10_000;
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;

async function timeOneStart(dataDir: string, port: number): Promise<number> {
  const startedAt = performance.now();
  // Its own process group, so that the signal reaches the launcher under npm and its shell.
  const child = spawn('npm', ['start', '--silent'], {
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      EMBEDDED_POSTGRES_PORT: String(port + 1),
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the launcher exited with code ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/ready`)
        .then((response) => response.ok)
        .catch(() => false);
      if (ok) return performance.now() - startedAt;
      if (performance.now() - startedAt > 120_000) throw new Error('not ready after 120 s');
      await new Promise((done) => setTimeout(done, 25));
    }
  } finally {
    await stopProcessGroup(child.pid!);
  }
}

/** npm exits at once on SIGTERM; the launcher behind it takes a moment to stop PostgreSQL. */
async function stopProcessGroup(pid: number): Promise<void> {
  const signal = (name: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(-pid, name);
      return true;
    } catch {
      return false;
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + 30_000;
  while (signal(0)) {
    if (Date.now() > deadline) signal('SIGKILL');
    await new Promise((done) => setTimeout(done, 50));
  }
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'assay-bench-startup-'));
  chmodSync(root, 0o755);
  const port = 39500 + (process.pid % 200) * 2;
  const cold: number[] = [];
  const warm: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const dataDir = join(root, `run-${run}`);
      mkdirSync(dataDir, { mode: 0o755 });
      cold.push(await timeOneStart(dataDir, port));
      warm.push(await timeOneStart(dataDir, port));
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const summary = (label: string, samples: number[]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    return {
      label,
      runs: samples.length,
      minMs: Math.round(sorted[0]),
      medianMs: Math.round(sorted[Math.floor(sorted.length / 2)]),
      maxMs: Math.round(sorted.at(-1)!),
    };
  };
  const rows = [summary('fresh data folder (initdb)', cold), summary('existing data folder', warm)];
  const database = process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL';
  console.log(`npm start -> /api/ready (${database}, ${runs} runs each; target <= ${TARGET_MS} ms)`);
  console.table(rows);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    'bench-results/startup.json',
    JSON.stringify({ database, targetMs: TARGET_MS, rows, at: new Date().toISOString() }, null, 2),
  );
  const worst = Math.max(...rows.map((row) => row.maxMs));
  console.log(worst <= TARGET_MS ? `within target (worst ${worst} ms)` : `OVER TARGET (worst ${worst} ms)`);
  if (worst > TARGET_MS) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
