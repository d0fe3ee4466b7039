import { type ChildProcess, spawn } from 'node:child_process';

export interface SupervisedProcess {
  /** Shown in log lines: `api`, `judge`. */
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
  /** V8 flags for this process, after the ones every process gets. */
  nodeFlags?: readonly string[];
}

/** V8 flags every process of the platform runs with. */
export const NODE_FLAGS = ['--no-node-snapshot', '--enable-source-maps'];
/** The judge host mostly passes messages: a small young generation keeps it near 75 MB (docs/judge-engine.md). */
export const JUDGE_NODE_FLAGS = ['--max-semi-space-size=4'];
const MAX_RESTARTS_PER_MINUTE = 5;
const STOP_TIMEOUT_MS = 15_000;

/**
 * Keeps the platform's processes running: a process that exits on its own is restarted with a
 * growing delay; one that keeps crashing brings the platform down with a clear message rather
 * than looping forever.
 */
export class ProcessSupervisor {
  private readonly children = new Map<string, ChildProcess>();
  private readonly crashes = new Map<string, number[]>();
  private stopping = false;

  constructor(
    private readonly onGiveUp: (name: string) => void,
    private readonly log: (message: string) => void = console.log,
  ) {}

  start(definition: SupervisedProcess): void {
    const child = spawn(process.execPath, [...NODE_FLAGS, ...(definition.nodeFlags ?? []), definition.script], {
      env: definition.env,
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      // Its own process group: a terminal's Ctrl+C reaches the supervisor only, which then stops
      // the children in order.
      detached: true,
    });
    this.children.set(definition.name, child);
    child.once('exit', (code, signal) => {
      this.children.delete(definition.name);
      if (this.stopping) return;
      this.log(`${definition.name} exited (${signal ?? `code ${code}`})`);
      const now = Date.now();
      const recent = [...(this.crashes.get(definition.name) ?? []), now].filter((at) => now - at < 60_000);
      this.crashes.set(definition.name, recent);
      if (recent.length > MAX_RESTARTS_PER_MINUTE) {
        this.onGiveUp(definition.name);
        return;
      }
      const delay = Math.min(30_000, 500 * 2 ** (recent.length - 1));
      this.log(`restarting ${definition.name} in ${delay} ms`);
      setTimeout(() => {
        if (!this.stopping) this.start(definition);
      }, delay).unref();
    });
  }

  /** SIGTERM to every child, then SIGKILL to any still running after the timeout. */
  async stopAll(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const kill = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
            child.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  }
}
