/**
 * Entry of a judge worker process (forked by the supervisor in worker-pool.ts). It runs one submission
 * at a time in a fresh isolate and streams a report per test. It may die at any moment (some inputs
 * abort the whole process): the supervisor notices and replaces it.
 */
import { HARNESSES } from '../harnesses/harness-registry.js';
import { CandidateSession } from '../sandbox/candidate-session.js';
import { IsolateHost, killLiveRealms, type RealmOptions } from '../sandbox/isolate-realm.js';
import { transpileSolution } from '../sandbox/solution-compiler.js';
import type { SupervisorMessage, WorkerJob, WorkerMessage } from './worker-protocol.js';
import type { SandboxTestReport } from '../harnesses/harness.js';
import { SOLUTION_FILE } from '../sandbox/candidate-session.js';
import type { SourcePositions } from '../sandbox/source-positions.js';

const RSS_LIMIT_BYTES = Number(process.env.ASSAY_WORKER_RSS_LIMIT_MB ?? 384) * 1024 * 1024;
const RECYCLE_RSS_BYTES = Number(process.env.ASSAY_WORKER_RECYCLE_RSS_MB ?? 192) * 1024 * 1024;
const MEMORY_WATCH_MS = 20;
const TYPESCRIPT_SOLUTION_FILE = 'solution.ts';

function send(message: WorkerMessage, then?: () => void): void {
  process.send?.(message, undefined, {}, () => then?.());
}

/**
 * Submissions one isolate serves before it is replaced (each gets a fresh context). 1 means a fresh
 * isolate per submission; see docs/judge-engine.md for the measurements behind the default.
 */
const ISOLATE_MAX_USES = Number(process.env.ASSAY_WORKER_ISOLATE_USES ?? 50);
// A reused isolate whose heap stays above a quarter of its limit after a submission is replaced: dead
// contexts are collected lazily, and their garbage would otherwise show up as worker RSS.
const host = new IsolateHost({ maxUses: ISOLATE_MAX_USES, maxHeapShare: 0.25 });
let busy = false;
let retireWhenIdle = false;

function realmOptionsOf(job: WorkerJob): RealmOptions {
  return {
    memoryLimitMb: job.limits.memoryLimitMb,
    seed: job.seed,
    epochMs: job.epochMs,
    consoleLimit: job.limits.consoleLimit,
    outputLimit: job.limits.outputLimit,
    allowWebAssembly: job.allowWebAssembly,
    allowSharedMemory: job.allowSharedMemory,
  };
}

/** A TypeScript solution's stack traces, pointed at the lines the candidate wrote. */
function inCandidateLines(report: SandboxTestReport, positions: SourcePositions): SandboxTestReport {
  const { outcome } = report;
  if (outcome.type === 'value') return report;
  const message = positions.remap(outcome.message, SOLUTION_FILE, TYPESCRIPT_SOLUTION_FILE);
  return message === outcome.message ? report : { ...report, outcome: { ...outcome, message } };
}

async function judge(job: WorkerJob): Promise<void> {
  const started = performance.now();
  const deadline = started + job.limits.totalTimeMs;
  const options = realmOptionsOf(job);
  const memoryWatch = setInterval(() => {
    if (process.memoryUsage.rss() > RSS_LIMIT_BYTES) killLiveRealms('memory');
  }, MEMORY_WATCH_MS);
  let session: CandidateSession | undefined;
  const done: Extract<WorkerMessage, { type: 'done' }> = {
    type: 'done',
    jobId: job.jobId,
    rssBytes: 0,
    retiring: false,
  };
  try {
    const harness = HARNESSES.get(job.kind);
    if (harness === undefined) throw new Error(`Unknown harness kind '${job.kind}'`);
    const transpiled = await transpileSolution(job.language, job.source);
    if (transpiled.type === 'error') {
      done.compileError = transpiled.error;
      return;
    }
    const opened = CandidateSession.open(
      { ...options, language: job.language, code: transpiled.code, deadline },
      (realmOptions, shared) => host.createRealm(realmOptions, shared),
    );
    if (opened.type === 'compile-error') {
      done.compileError = opened.error;
      return;
    }
    session = opened.session;
    const { positions } = transpiled;
    await harness.runInSandbox(session, job.job, (report) =>
      send({ type: 'test', jobId: job.jobId, report: positions ? inCandidateLines(report, positions) : report }),
    );
  } catch (error) {
    done.internalError = error instanceof Error ? error.message : String(error);
  } finally {
    clearInterval(memoryWatch);
    done.rssBytes = process.memoryUsage.rss();
    done.retiring = retireWhenIdle || done.rssBytes > RECYCLE_RSS_BYTES;
    // Disposing takes milliseconds: after the result is on its way, not before.
    if (done.retiring) {
      send(done, () => process.exit(0));
    } else {
      send(done);
      session?.dispose();
      // While idle, make sure the next submission finds an isolate ready.
      setImmediate(() => {
        if (!busy) host.warm(options.memoryLimitMb);
      });
    }
  }
}

function start(): void {
  process.on('message', (message: SupervisorMessage) => {
    if (message.type === 'retire') {
      retireWhenIdle = true;
      if (!busy) process.exit(0);
      return;
    }
    if (busy) return;
    busy = true;
    void judge(message.job).finally(() => {
      busy = false;
    });
  });
  // The supervisor is gone: nobody will read our results.
  process.on('disconnect', () => process.exit(0));
  const defaults = process.env.ASSAY_WORKER_PREWARM;
  if (defaults !== undefined) host.warm((JSON.parse(defaults) as RealmOptions).memoryLimitMb);
  send({ type: 'ready', pid: process.pid });
}

if (process.send !== undefined) start();
