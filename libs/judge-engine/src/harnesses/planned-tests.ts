import type ivm from 'isolated-vm';
import { outcomeOfState, parseRuntimeState } from '../sandbox/operation-driver.js';
import type {
  ReportTest,
  SandboxArgument,
  SandboxJob,
  SandboxJobTest,
  SandboxOutcome,
  SandboxSession,
} from './harness.js';

/**
 * The sandbox half shared by harnesses whose tests are known up front (function, class, stdio, http):
 * install the harness runtime before any candidate code, load the solution once, attach it, run each
 * test, report it with its console output. A dead isolate (timeout, memory) is renewed before the next
 * test; a solution that fails to load fails every test with the same verdict.
 */
export interface PlannedRun {
  runtimeSource: string;
  runtimeFile: string;
  /** Arguments after the solution's exports for the runtime's `attach(exports, ...)`. */
  attachArgs: readonly SandboxArgument[];
  /** 'per-test' gives every test a fresh isolate (state cannot leak between tests). */
  isolation: 'shared' | 'per-test';
  /** Whether the candidate's code runs once per realm before the tests (false: the runtime runs it per test). */
  loadSolution: boolean;
  runTest(
    runtime: ivm.Reference,
    test: SandboxJobTest,
    timeoutMs: number,
  ): Promise<{ outcome: SandboxOutcome; timeMs: number; cpuMs: number }>;
}

type Prepared =
  { type: 'ready'; runtime: ivm.Reference } | { type: 'failed'; outcome: Extract<SandboxOutcome, { type: 'failure' }> };

const ATTACH_TIMEOUT_MS = 1_000;

export async function runPlannedTests(
  session: SandboxSession,
  job: SandboxJob,
  report: ReportTest,
  run: PlannedRun,
): Promise<void> {
  let prepared: Prepared | undefined;
  let loadFailure: Prepared | undefined;
  let pendingConsole = '';

  const prepare = async (timeoutMs: number): Promise<Prepared> => {
    const runtime = await session.installRuntime(run.runtimeSource, run.runtimeFile);
    let exports: ivm.Reference | undefined;
    if (run.loadSolution) {
      const load = await session.loadSolution(timeoutMs);
      pendingConsole += await session.takeConsole();
      if (load.type === 'failed') {
        const message =
          load.verdict === 'TIME_LIMIT_EXCEEDED'
            ? "The solution's top-level code exceeded the time limit"
            : load.message;
        return {
          type: 'failed',
          outcome: {
            type: 'failure',
            verdict: load.verdict,
            message,
            ...(load.hiddenMessage === undefined ? {} : { hiddenMessage: load.hiddenMessage }),
          },
        };
      }
      exports = load.exports;
    }
    const attached = await session.invoke(runtime, 'attach', [exports, ...run.attachArgs], {
      timeoutMs: ATTACH_TIMEOUT_MS,
    });
    if (attached.type === 'returned') {
      const state = parseRuntimeState(attached.value);
      if (state?.state === 'ok') return { type: 'ready', runtime };
      if (state !== undefined) {
        const outcome = outcomeOfState(state);
        if (outcome.type === 'failure') return { type: 'failed', outcome };
      }
      return {
        type: 'failed',
        outcome: { type: 'failure', verdict: 'INTERNAL_ERROR', message: 'The harness could not attach the solution' },
      };
    }
    if (attached.type === 'failed')
      return { type: 'failed', outcome: { type: 'failure', verdict: attached.verdict, message: attached.message } };
    return { type: 'failed', outcome: { type: 'failure', verdict: 'RUNTIME_ERROR', message: attached.message } };
  };

  for (const [index, test] of job.tests.entries()) {
    const left = session.budgetLeftMs();
    if (left <= 0) {
      report({
        testId: test.id,
        outcome: {
          type: 'failure',
          verdict: 'TIME_LIMIT_EXCEEDED',
          message: "The submission's total time budget was used up",
        },
        timeMs: 0,
        cpuMs: 0,
        console: '',
      });
      continue;
    }
    const timeoutMs = Math.min(test.timeLimitMs, left);
    // A solution that cannot load fails the same way every time: no need to rerun it per test.
    if (loadFailure?.type === 'failed') {
      report({ testId: test.id, outcome: loadFailure.outcome, timeMs: 0, cpuMs: 0, console: '' });
      continue;
    }
    if (index > 0 && (run.isolation === 'per-test' || !session.alive)) {
      await session.renew();
      prepared = undefined;
    }
    prepared ??= await prepare(timeoutMs);
    if (prepared.type === 'failed') {
      if (run.isolation === 'shared' || prepared.outcome.verdict === 'RUNTIME_ERROR') loadFailure = prepared;
      report({ testId: test.id, outcome: prepared.outcome, timeMs: 0, cpuMs: 0, console: takePending() });
      continue;
    }
    const result = await run.runTest(prepared.runtime, test, timeoutMs);
    const consoleText = pendingConsole + (session.alive ? await session.takeConsole() : '');
    pendingConsole = '';
    report({
      testId: test.id,
      outcome: result.outcome,
      timeMs: result.timeMs,
      cpuMs: result.cpuMs,
      console: consoleText,
    });
  }

  function takePending(): string {
    const text = pendingConsole;
    pendingConsole = '';
    return text;
  }
}
