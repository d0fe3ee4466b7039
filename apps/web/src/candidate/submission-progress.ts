import type { Submission, TestOutcome } from '../api/api-types.js';
import type { LiveEvent } from '../live/live-events.js';

export type SubmissionKind = 'run' | 'final';

/** A run or a submission as the candidate watches it. */
export interface SubmissionProgress {
  kind: SubmissionKind;
  submissionId: string | null;
  phase: 'sending' | 'queued' | 'running' | 'finished' | 'failed';
  verdict: string | null;
  score: number | null;
  tests: TestOutcome[];
  message?: string;
  /** Epoch ms when the candidate pressed the button. */
  startedAt: number;
}

export function sending(kind: SubmissionKind, now: number): SubmissionProgress {
  return { kind, submissionId: null, phase: 'sending', verdict: null, score: null, tests: [], startedAt: now };
}

const PHASE_ORDER = { sending: 0, queued: 1, running: 2, finished: 3, failed: 3 } as const;

function later(current: SubmissionProgress['phase'], next: SubmissionProgress['phase']) {
  return PHASE_ORDER[next] >= PHASE_ORDER[current] ? next : current;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function upsertTest(tests: TestOutcome[], test: TestOutcome): TestOutcome[] {
  const at = tests.findIndex((existing) =>
    test.index !== undefined && existing.index !== undefined
      ? existing.index === test.index
      : existing.name === test.name,
  );
  const next =
    at >= 0 ? tests.map((existing, index) => (index === at ? { ...existing, ...test } : existing)) : [...tests, test];
  return next.sort((a, b) => (a.index ?? Number.MAX_SAFE_INTEGER) - (b.index ?? Number.MAX_SAFE_INTEGER));
}

/** Applies one live event of the submission's stream. */
export function applyEvent(progress: SubmissionProgress, event: LiveEvent): SubmissionProgress {
  const data = event.data;
  switch (event.type) {
    case 'submission.queued':
      return { ...progress, phase: later(progress.phase, 'queued') };
    case 'submission.running':
      return { ...progress, phase: later(progress.phase, 'running') };
    case 'test.finished': {
      const name = str(data.name);
      const verdict = str(data.verdict);
      if (!name || !verdict) return progress;
      const sample = data.sample === true;
      const test: TestOutcome = {
        index: num(data.index),
        name,
        sample,
        verdict,
        timeMs: num(data.timeMs),
        message: str(data.message),
        ...(sample ? sampleDetails(data) : {}),
      };
      return { ...progress, phase: later(progress.phase, 'running'), tests: upsertTest(progress.tests, test) };
    }
    case 'submission.finished':
      return {
        ...progress,
        phase: 'finished',
        verdict: str(data.verdict) ?? progress.verdict,
        score: num(data.score) ?? progress.score,
        message: str(data.message) ?? progress.message,
      };
    case 'session.updated':
    case 'draft.updated':
    case 'session.finished':
      return progress;
  }
}

/** Applies the server's state of the submission (polling, or the final read). */
export function applySnapshot(progress: SubmissionProgress, submission: Submission): SubmissionProgress {
  let tests = progress.tests;
  for (const [index, test] of (submission.tests ?? []).entries())
    tests = upsertTest(tests, { ...test, index: test.index ?? index });
  return {
    ...progress,
    submissionId: submission.id,
    phase: later(progress.phase, submission.status),
    verdict: submission.verdict ?? progress.verdict,
    score: submission.score ?? progress.score,
    message: submission.message ?? progress.message,
    tests,
  };
}

export interface TestTally {
  passed: number;
  total: number;
  samplePassed: number;
  sampleTotal: number;
}

export function tally(tests: TestOutcome[]): TestTally {
  const passed = (test: TestOutcome) => test.verdict === 'ACCEPTED';
  const samples = tests.filter((test) => test.sample);
  return {
    passed: tests.filter(passed).length,
    total: tests.length,
    samplePassed: samples.filter(passed).length,
    sampleTotal: samples.length,
  };
}

/** A sample test's input, expected and actual values: in `details` (the judge's events) or at the top. */
function sampleDetails(data: Record<string, unknown>): Pick<TestOutcome, 'input' | 'expected' | 'actual'> {
  const details =
    typeof data.details === 'object' && data.details !== null ? (data.details as Record<string, unknown>) : data;
  return { input: details.input, expected: details.expected, actual: details.actual };
}
