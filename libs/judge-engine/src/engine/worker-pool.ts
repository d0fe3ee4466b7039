import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SandboxTestReport } from '../harnesses/harness.js';
import { JudgeEngineUnavailableError } from '../judge-input.error.js';
import type { RealmOptions } from '../sandbox/isolate-realm.js';
import type { CompileError, FailureVerdict } from '../verdict.js';
import type { SupervisorMessage, WorkerJob, WorkerMessage } from '../worker/worker-protocol.js';

export interface WorkerPoolOptions {
  /** Number of worker processes (each judges one submission at a time). */
  size: number;
  /** Compiled worker entry; defaults to `worker/judge-worker.js` beside this file (see `defaultWorkerScript`). */
  workerScript?: string;
  /** A worker whose resident memory exceeds this is killed at once (its submission: MEMORY_LIMIT_EXCEEDED). */
  rssLimitMb: number;
  /** A worker above this after a submission exits and is replaced. */
  recycleRssMb: number;
  /** V8 old-space limit of the worker's own heap (isolates have their own limits). */
  maxOldSpaceMb: number;
  /** V8 semi-space size of the worker process, MB: the young generation of its isolates too. */
  semiSpaceMb: number;
  /** Extra wall time past a submission's budget before the supervisor kills its worker. */
  killGraceMs: number;
  /** Submissions one isolate serves (fresh context each) before the worker replaces it. */
  isolateMaxUses: number;
  /** Realm options workers pre-warm an isolate with before their first job. */
  prewarm?: RealmOptions;
}

export interface WorkerRunResult {
  compileError?: CompileError;
  internalError?: string;
  /** The worker died or was killed during the submission. */
  crash?: { verdict: FailureVerdict; message: string };
}

interface QueuedJob {
  job: WorkerJob;
  onReport: (report: SandboxTestReport) => void;
  resolve: (result: WorkerRunResult) => void;
}

interface RunningJob extends QueuedJob {
  deadline: NodeJS.Timeout;
  /** Reset by every report: a worker silent for longer than one test can take is stuck. */
  stall: NodeJS.Timeout;
  stallMs: number;
  killedFor?: 'timeout' | 'stall' | 'memory';
  /** Resident size when the job started and when it was killed, to tell a stuck GC from a slow builtin. */
  rssAtStart: number;
  rssAtKill?: number;
}

interface PoolWorker {
  child: ChildProcess;
  pid: number;
  ready: boolean;
  running?: RunningJob;
  stderrTail: string;
  jobs: number;
  peakRssBytes: number;
  lastRssBytes: number;
}

export interface WorkerStats {
  pid: number;
  busy: boolean;
  jobs: number;
  rssBytes: number;
  peakRssBytes: number;
}

const STDERR_TAIL = 4096;
const RSS_POLL_MS = 50;
/** Workers dying before they are ready this many times in a row means the pool cannot work. */
const MAX_FAILED_STARTS = 5;
const OUT_OF_MEMORY =
  /out of memory|heap limit|allocation failed|invalid (?:array|string|typed array) length|invalid size|oom/i;

/**
 * The compiled worker script. From dist/ it sits beside this module; under jest this module runs from
 * its TypeScript source, so the worker compiled by `npm run build` (the `pretest` step) in dist/ is used.
 */
export function defaultWorkerScript(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, '..', 'worker', 'judge-worker.js');
  if (existsSync(beside)) return beside;
  const marker = `${sep}libs${sep}judge-engine${sep}src${sep}`;
  const at = here.lastIndexOf(marker);
  if (at >= 0) {
    const compiled = join(here.slice(0, at), 'dist', 'libs', 'judge-engine', 'src', 'worker', 'judge-worker.js');
    if (existsSync(compiled)) return compiled;
  }
  throw new JudgeEngineUnavailableError(
    `The compiled judge worker was not found beside ${here}; run \`npm run build\``,
  );
}

function residentBytes(pid: number): number | undefined {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    return Number.isFinite(pages) ? pages * 4096 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Supervises worker processes: queues submissions, dispatches one per idle worker, enforces a
 * wall-clock deadline and a resident-memory ceiling per worker from outside, and replaces workers that
 * die. The submission running in a dead worker gets a failure verdict; nobody else notices.
 */
export class WorkerPool {
  private readonly workers = new Set<PoolWorker>();
  private readonly queue: QueuedJob[] = [];
  private readonly script: string;
  private stopping = false;
  private failedStarts = 0;
  private readonly rssTimer: NodeJS.Timeout;
  private broken: string | undefined;

  private constructor(private readonly options: WorkerPoolOptions) {
    this.script = options.workerScript ?? defaultWorkerScript();
    this.rssTimer = setInterval(() => this.watchMemory(), RSS_POLL_MS);
    this.rssTimer.unref();
  }

  static async start(options: WorkerPoolOptions): Promise<WorkerPool> {
    const pool = new WorkerPool(options);
    await Promise.all(Array.from({ length: options.size }, () => pool.spawn()));
    return pool;
  }

  run(job: WorkerJob, onReport: (report: SandboxTestReport) => void): Promise<WorkerRunResult> {
    if (this.stopping) return Promise.reject(new JudgeEngineUnavailableError('The judge engine is stopped'));
    if (this.broken !== undefined) return Promise.reject(new JudgeEngineUnavailableError(this.broken));
    return new Promise((resolve) => {
      this.queue.push({ job, onReport, resolve });
      this.dispatch();
    });
  }

  stats(): { workers: WorkerStats[]; queued: number } {
    return {
      workers: [...this.workers].map((worker) => ({
        pid: worker.pid,
        busy: worker.running !== undefined,
        jobs: worker.jobs,
        rssBytes: residentBytes(worker.pid) ?? worker.lastRssBytes,
        peakRssBytes: worker.peakRssBytes,
      })),
      queued: this.queue.length,
    };
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.rssTimer);
    for (const queued of this.queue.splice(0)) {
      queued.resolve({
        crash: { verdict: 'INTERNAL_ERROR', message: 'The judge engine stopped before judging this submission' },
      });
    }
    await Promise.all(
      [...this.workers].map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.child.exitCode !== null || worker.child.signalCode !== null) return resolve();
            const force = setTimeout(() => worker.child.kill('SIGKILL'), 2_000);
            worker.child.once('exit', () => {
              clearTimeout(force);
              resolve();
            });
            // A worker still starting may not listen yet: only a ready, idle one is asked to retire.
            if (worker.ready && worker.running === undefined) this.post(worker, { type: 'retire' });
            else worker.child.kill('SIGKILL');
          }),
      ),
    );
  }

  private spawn(): Promise<void> {
    return new Promise((resolve) => {
      const env: NodeJS.ProcessEnv = {
        // Nothing of the judge's environment (database URLs, secrets) reaches a process running hostile code.
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        TZ: 'UTC',
        ASSAY_WORKER_RSS_LIMIT_MB: String(this.options.rssLimitMb),
        ASSAY_WORKER_RECYCLE_RSS_MB: String(this.options.recycleRssMb),
        ASSAY_WORKER_ISOLATE_USES: String(this.options.isolateMaxUses),
      };
      if (this.options.prewarm !== undefined) env.ASSAY_WORKER_PREWARM = JSON.stringify(this.options.prewarm);
      const child = fork(this.script, [], {
        // A small young generation (V8 flags are per process, so the isolates' too) keeps a worker near
        // 75 MB instead of 110 MB on the benchmark; 1 MB saved 5 MB more but slowed allocation-heavy code.
        execArgv: [
          '--no-node-snapshot',
          `--max-semi-space-size=${this.options.semiSpaceMb}`,
          `--max-old-space-size=${this.options.maxOldSpaceMb}`,
        ],
        env,
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        serialization: 'advanced',
      });
      const worker: PoolWorker = {
        child,
        pid: child.pid ?? -1,
        ready: false,
        stderrTail: '',
        jobs: 0,
        peakRssBytes: 0,
        lastRssBytes: 0,
      };
      this.workers.add(worker);
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => {
        worker.stderrTail = (worker.stderrTail + chunk).slice(-STDERR_TAIL);
      });
      child.on('message', (message: unknown) => {
        if (!worker.ready && isWorkerMessage(message) && message.type === 'ready') {
          worker.ready = true;
          this.failedStarts = 0;
          resolve();
          this.dispatch();
          return;
        }
        this.receive(worker, message);
      });
      child.on('error', () => {
        // 'exit' follows and does the accounting
      });
      child.on('exit', (code, signal) => {
        this.workers.delete(worker);
        if (!worker.ready) {
          this.failedStarts++;
          resolve();
        }
        const running = worker.running;
        worker.running = undefined;
        if (running !== undefined) {
          clearTimeout(running.deadline);
          clearTimeout(running.stall);
          running.resolve({ crash: this.crashVerdict(running, worker, code, signal) });
        }
        if (this.stopping) return;
        if (this.failedStarts >= MAX_FAILED_STARTS) {
          this.breakPool(
            `Judge workers keep dying on start: ${worker.stderrTail.slice(-500) || `exit ${code ?? signal}`}`,
          );
          return;
        }
        void this.spawn();
      });
    });
  }

  private crashVerdict(
    running: RunningJob,
    worker: PoolWorker,
    code: number | null,
    signal: NodeJS.Signals | null,
  ): { verdict: FailureVerdict; message: string } {
    if (running.killedFor === 'timeout')
      return {
        verdict: 'TIME_LIMIT_EXCEEDED',
        message: 'The submission exceeded its total time budget and was stopped',
      };
    const grewBy = (running.rssAtKill ?? 0) - running.rssAtStart;
    if (running.killedFor === 'stall' && grewBy >= 0.75 * running.job.limits.memoryLimitMb * 1024 * 1024) {
      // V8 thrashing at the isolate's heap limit inside a builtin (e.g. a huge `fill`) never returns.
      return {
        verdict: 'MEMORY_LIMIT_EXCEEDED',
        message: 'The sandbox ran out of memory inside an operation that cannot be interrupted',
      };
    }
    if (running.killedFor === 'stall') {
      return {
        verdict: 'TIME_LIMIT_EXCEEDED',
        message:
          'A test overran its time limit in an operation that cannot be interrupted; the sandbox process was stopped',
      };
    }
    if (running.killedFor === 'memory')
      return {
        verdict: 'MEMORY_LIMIT_EXCEEDED',
        message: 'The sandbox process exceeded its memory ceiling and was stopped',
      };
    if (OUT_OF_MEMORY.test(worker.stderrTail))
      return { verdict: 'MEMORY_LIMIT_EXCEEDED', message: 'The sandbox process ran out of memory' };
    return {
      verdict: 'RUNTIME_ERROR',
      message: `The sandbox process crashed (${signal ?? `exit code ${code ?? '?'}`})`,
    };
  }

  private breakPool(reason: string): void {
    this.broken = reason;
    for (const queued of this.queue.splice(0))
      queued.resolve({ crash: { verdict: 'INTERNAL_ERROR', message: reason } });
  }

  private receive(worker: PoolWorker, message: unknown): void {
    const running = worker.running;
    if (running === undefined || !isWorkerMessage(message)) return;
    if (message.type === 'test') {
      if (message.jobId !== running.job.jobId || !isReport(message.report)) return;
      running.stall.refresh();
      running.onReport(message.report);
      return;
    }
    if (message.type !== 'done' || message.jobId !== running.job.jobId) return;
    clearTimeout(running.deadline);
    clearTimeout(running.stall);
    worker.running = undefined;
    worker.jobs++;
    if (typeof message.rssBytes === 'number') {
      worker.lastRssBytes = message.rssBytes;
      worker.peakRssBytes = Math.max(worker.peakRssBytes, message.rssBytes);
    }
    const result: WorkerRunResult = {};
    if (message.compileError !== undefined) result.compileError = sanitizeCompileError(message.compileError);
    if (typeof message.internalError === 'string') result.internalError = message.internalError.slice(0, 2048);
    running.resolve(result);
    // A retiring worker exits by itself; its replacement is spawned on exit.
    if (message.retiring === true) worker.ready = false;
    this.dispatch();
  }

  private dispatch(): void {
    for (const worker of this.workers) {
      if (this.queue.length === 0) return;
      if (!worker.ready || worker.running !== undefined) continue;
      const next = this.queue.shift()!;
      const limits = next.job.limits;
      const deadline = setTimeout(() => this.kill(worker, 'timeout'), limits.totalTimeMs + this.options.killGraceMs);
      // Tests run one after another, each within its limit: between two reports a worker needs at most
      // one load and one test. Longer means a builtin isolated-vm cannot interrupt holds the worker.
      const longestTest = Math.max(0, ...next.job.job.tests.map((test) => test.timeLimitMs));
      const stallMs = Math.min(limits.totalTimeMs, limits.loadTimeoutMs + longestTest) + this.options.killGraceMs;
      const stall = setTimeout(() => this.kill(worker, 'stall'), stallMs);
      worker.running = { ...next, deadline, stall, stallMs, rssAtStart: residentBytes(worker.pid) ?? 0 };
      this.post(worker, { type: 'judge', job: next.job });
    }
  }

  private post(worker: PoolWorker, message: SupervisorMessage): void {
    try {
      worker.child.send(message);
    } catch {
      // the worker is exiting; 'exit' handles its job
    }
  }

  private kill(worker: PoolWorker, reason: 'timeout' | 'stall' | 'memory'): void {
    if (worker.running !== undefined) {
      worker.running.killedFor ??= reason;
      worker.running.rssAtKill ??= residentBytes(worker.pid);
    }
    worker.child.kill('SIGKILL');
  }

  private watchMemory(): void {
    const limit = this.options.rssLimitMb * 1024 * 1024;
    for (const worker of this.workers) {
      const rss = residentBytes(worker.pid);
      if (rss === undefined) continue;
      worker.peakRssBytes = Math.max(worker.peakRssBytes, rss);
      if (rss > limit && worker.running !== undefined) this.kill(worker, 'memory');
    }
  }
}

function isWorkerMessage(message: unknown): message is WorkerMessage {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}

const OUTCOME_TYPES = new Set(['value', 'decided', 'failure']);
const FAILURE_VERDICTS = new Set([
  'TIME_LIMIT_EXCEEDED',
  'MEMORY_LIMIT_EXCEEDED',
  'RUNTIME_ERROR',
  'OUTPUT_LIMIT_EXCEEDED',
  'INTERNAL_ERROR',
]);

/** A worker runs hostile code: its reports are checked before the host grades them. */
function isReport(report: unknown): report is SandboxTestReport {
  if (typeof report !== 'object' || report === null) return false;
  const r = report as Record<string, unknown>;
  if (typeof r.testId !== 'string' || r.testId.length > 1000) return false;
  if (typeof r.timeMs !== 'number' || typeof r.cpuMs !== 'number' || typeof r.console !== 'string') return false;
  if (r.name !== undefined && typeof r.name !== 'string') return false;
  if (r.sample !== undefined && typeof r.sample !== 'boolean') return false;
  const outcome = r.outcome as Record<string, unknown> | null;
  if (typeof outcome !== 'object' || outcome === null || !OUTCOME_TYPES.has(outcome.type as string)) return false;
  switch (outcome.type) {
    case 'value':
      return typeof outcome.value === 'string';
    case 'decided':
      return typeof outcome.passed === 'boolean' && typeof outcome.message === 'string';
    default:
      return FAILURE_VERDICTS.has(outcome.verdict as string) && typeof outcome.message === 'string';
  }
}

function sanitizeCompileError(error: CompileError): CompileError {
  return {
    message: String(error.message).slice(0, 2048),
    line: Number.isFinite(error.line) ? error.line : 1,
    column: Number.isFinite(error.column) ? error.column : 1,
  };
}
