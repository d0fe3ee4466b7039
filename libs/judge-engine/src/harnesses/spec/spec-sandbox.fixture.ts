import { CandidateSession } from '../../sandbox/candidate-session.js';
import { IsolateHost, type RealmOptions } from '../../sandbox/isolate-realm.js';
import { transpileSolution } from '../../sandbox/solution-compiler.js';
import type { CompileError, Language } from '../../verdict.js';
import type { GradedTest, SandboxTestReport } from '../harness.js';
import { specHarness } from './spec.harness.js';

/**
 * Test support: runs a spec challenge against a solution the way a judge worker does (a candidate
 * session from the sandbox core, the harness's host and sandbox halves), without worker processes.
 */
export interface SpecRunRequest {
  harness: Record<string, unknown>;
  tests?: unknown[];
  language: Language;
  source: string;
  memoryLimitMb?: number;
  totalTimeMs?: number;
  timeLimitMs?: number;
}

export interface SpecRunReport extends SandboxTestReport {
  graded: GradedTest | undefined;
}

export type SpecRunResult = { type: 'compile-error'; error: CompileError } | { type: 'ran'; reports: SpecRunReport[] };

const host = new IsolateHost({ maxUses: 1, maxHeapShare: 0.5 });

export async function runSpecChallenge(request: SpecRunRequest): Promise<SpecRunResult> {
  const spec = specHarness.parseSpec({ kind: 'spec', ...request.harness });
  const tests = specHarness.parseTests(request.tests ?? [], spec);
  const timeLimitMs = request.timeLimitMs ?? 2_000;
  const job = specHarness.toSandboxJob(
    spec,
    tests,
    tests.map((test) => test.timeLimitMs ?? timeLimitMs),
  );
  const transpiled = await transpileSolution(request.language, request.source);
  if (transpiled.type === 'error') return { type: 'compile-error', error: transpiled.error };
  const options: RealmOptions = {
    memoryLimitMb: request.memoryLimitMb ?? 64,
    seed: 1,
    epochMs: Date.UTC(2024, 0, 1),
    consoleLimit: 64 * 1024,
    outputLimit: 1024 * 1024,
    allowWebAssembly: false,
    allowSharedMemory: false,
  };
  const opened = CandidateSession.open(
    {
      ...options,
      language: request.language,
      code: transpiled.code,
      deadline: performance.now() + (request.totalTimeMs ?? 30_000),
    },
    (realmOptions, shared) => host.createRealm(realmOptions, shared),
  );
  if (opened.type === 'compile-error') return opened;
  const reports: SpecRunReport[] = [];
  const planned = new Map(tests.map((test) => [test.id, test]));
  try {
    await specHarness.runInSandbox(opened.session, job, (report) => {
      const test = planned.get(report.testId);
      const graded = report.outcome.type === 'failure' ? undefined : specHarness.grade({ spec, test, report });
      reports.push({ ...report, graded });
    });
  } finally {
    opened.session.dispose();
  }
  return { type: 'ran', reports };
}

/** `name -> passed` for quick assertions. */
export function outcomesByName(result: SpecRunResult): Record<string, 'passed' | 'failed'> {
  if (result.type !== 'ran') throw new Error('The solution did not compile');
  const out: Record<string, 'passed' | 'failed'> = {};
  for (const report of result.reports) {
    out[report.name ?? report.testId] =
      report.outcome.type === 'decided' && report.outcome.passed ? 'passed' : 'failed';
  }
  return out;
}
