import { availableParallelism } from 'node:os';
import { WorkerPool, type WorkerRunResult, type WorkerStats } from './engine/worker-pool.js';
import { HARNESSES } from './harnesses/harness-registry.js';
import { HarnessDataError, type Harness, type HarnessTest, type SandboxTestReport } from './harnesses/harness.js';
import { JudgeInputError, JudgeInputErrorCode } from './judge-input.error.js';
import { DEFAULT_LIMITS, resolveLimits, type JudgeLimits } from './limits.js';
import { LANGUAGES, type JudgeResult, type Language, type TestOutcome, type Verdict } from './verdict.js';
import type { WorkerJob } from './worker/worker-protocol.js';

/** What a caller asks the engine to judge. `harness` and `tests` are the challenge's (authored) data. */
export interface Submission {
  language: Language;
  source: string;
  /** `{ kind: 'function' | 'class' | 'stdio' | 'http' | 'spec', ...kind-specific fields }` */
  harness: { kind: string } & Record<string, unknown>;
  /** Kind-specific test data, validated by the harness (see docs/judge-engine.md). */
  tests: readonly unknown[];
  limits?: Partial<JudgeLimits>;
  sandbox?: SandboxSettings;
}

export interface SandboxSettings {
  /** Seed of Math.random (default: a fixed constant, so verdicts are reproducible). */
  seed?: number;
  /** What `Date.now()` returns when a run starts: ISO text or epoch ms (default 2024-01-01T00:00:00Z). */
  epoch?: string | number;
  /** Challenges that need them; off by default (WebAssembly memory escapes the isolate's memory limit). */
  allowWebAssembly?: boolean;
  allowSharedMemory?: boolean;
}

export interface JudgeOptions {
  /** Called as soon as each test's outcome is known, in the order tests finish. */
  onTestFinished?: (outcome: TestOutcome) => void;
}

export interface JudgeEngineOptions {
  /** Worker processes (default: the number of CPU cores). */
  workers?: number;
  /** Limits for submissions that do not set their own (clamped to the hard bounds). */
  defaultLimits?: Partial<JudgeLimits>;
  /** A worker above this resident size is killed during a submission (default 384 MB). */
  workerRssLimitMb?: number;
  /** A worker above this after a submission is replaced (default 192 MB). */
  workerRecycleRssMb?: number;
  /** V8 semi-space of the worker processes, MB (default 2): smaller saves RSS, larger speeds allocation. */
  workerSemiSpaceMb?: number;
  /** Override the compiled worker script (tests, unusual layouts). */
  workerScript?: string;
  /**
   * Submissions one isolate serves, each in a fresh context, before the worker replaces it (default 50;
   * 1 = a fresh isolate per submission). Anything abnormal (timeout, memory) replaces it at once.
   */
  isolateMaxUses?: number;
  /**
   * Wall time the supervisor grants past a limit (isolate start, IPC, a load on the machine) before it
   * kills a stuck worker (default 3000 ms).
   */
  killGraceMs?: number;
}

export const MAX_SOURCE_LENGTH = 256 * 1024;
export const DEFAULT_SEED = 0x2545f491;
export const DEFAULT_EPOCH_MS = Date.UTC(2024, 0, 1);
const DETAIL_LIMIT = 2048;
/** See docs/judge-engine.md: reusing an isolate (fresh context each time) roughly halves the cost of a submission. */
const DEFAULT_ISOLATE_MAX_USES = 50;
/** Time the supervisor grants past a submission's budget (isolate start, transpiling, IPC) before it kills the worker. */
const KILL_GRACE_MS = 3_000;

const HIDDEN_FAILURE_MESSAGES: Record<Verdict, string> = {
  ACCEPTED: 'Accepted',
  WRONG_ANSWER: 'Wrong answer',
  TIME_LIMIT_EXCEEDED: 'Time limit exceeded',
  MEMORY_LIMIT_EXCEEDED: 'Memory limit exceeded',
  RUNTIME_ERROR: 'Runtime error',
  COMPILATION_ERROR: 'Compilation error',
  OUTPUT_LIMIT_EXCEEDED: 'Output limit exceeded',
  INTERNAL_ERROR: 'Internal error',
};

/** The challenge's part of a submission: harness, tests, limits and sandbox settings. */
export type Challenge = Omit<Submission, 'language' | 'source'>;

/** A challenge validated once by `prepareChallenge`; opaque to callers. */
export interface PreparedChallenge {
  readonly kind: string;
  readonly tests: number;
}

/** A submission for a prepared challenge. */
export interface PreparedSubmissionInput {
  language: Language;
  source: string;
  challenge: PreparedChallenge;
}

interface PreparedChallengeData {
  harness: Harness<unknown, HarnessTest>;
  spec: unknown;
  tests: HarnessTest[];
  limits: JudgeLimits;
  job: Omit<WorkerJob, 'jobId' | 'language' | 'source'>;
}

/** A submission after validation, ready for a worker. */
interface PreparedSubmission extends Omit<PreparedChallengeData, 'job'> {
  job: WorkerJob;
}

const PREPARED = new WeakMap<PreparedChallenge, PreparedChallengeData>();

/**
 * Validates the challenge's harness and tests without running anything (challenge authoring, CI of the
 * challenge catalogue). Throws JudgeInputError with the path of the first problem.
 */
export function validateHarnessData(harnessRaw: unknown, testsRaw: unknown): { kind: string; tests: number } {
  const { harness, tests } = parseHarnessData(harnessRaw, testsRaw);
  return { kind: harness.kind, tests: tests.length };
}

function parseHarnessData(
  harnessRaw: unknown,
  testsRaw: unknown,
): { harness: Harness<unknown, HarnessTest>; spec: unknown; tests: HarnessTest[] } {
  const kind =
    typeof harnessRaw === 'object' && harnessRaw !== null ? (harnessRaw as { kind?: unknown }).kind : undefined;
  if (typeof kind !== 'string')
    throw new JudgeInputError(JudgeInputErrorCode.InvalidHarnessData, 'harness.kind', 'must be a string');
  const harness = HARNESSES.get(kind);
  if (harness === undefined) {
    throw new JudgeInputError(
      JudgeInputErrorCode.UnknownHarness,
      'harness.kind',
      `'${kind.slice(0, 50)}' is not a harness kind (known: ${[...HARNESSES.keys()].join(', ')})`,
    );
  }
  try {
    const spec = harness.parseSpec(harnessRaw);
    const tests = harness.parseTests(testsRaw, spec);
    const ids = new Set<string>();
    for (const test of tests) {
      if (ids.has(test.id)) throw new HarnessDataError('tests', `two tests share the id '${test.id}'`);
      ids.add(test.id);
    }
    return { harness, spec, tests };
  } catch (error) {
    if (error instanceof HarnessDataError)
      throw new JudgeInputError(
        JudgeInputErrorCode.InvalidHarnessData,
        error.path,
        error.message.slice(error.path.length + 2),
      );
    throw error;
  }
}

function parseEpoch(value: string | number | undefined): number {
  if (value === undefined) return DEFAULT_EPOCH_MS;
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15)
    throw new JudgeInputError(JudgeInputErrorCode.InvalidSubmission, 'sandbox.epoch', 'must be a valid date');
  return ms;
}

function notify(options: JudgeOptions, outcome: TestOutcome): void {
  try {
    options.onTestFinished?.(outcome);
  } catch {
    // a failing listener must not change a verdict
  }
}

function cap(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}\n[truncated: ${text.length - limit} more characters]` : text;
}

/**
 * The judge engine: validates a submission, runs it in a supervised worker process and grades what
 * comes back. Knows nothing of HTTP or the database.
 *
 *   const engine = await JudgeEngine.start({ workers: 2 });
 *   const result = await engine.judge(submission, { onTestFinished });
 *   await engine.stop();
 */
export class JudgeEngine {
  private nextJobId = 1;

  private constructor(
    private readonly pool: WorkerPool,
    private readonly defaults: JudgeLimits,
  ) {}

  static async start(options: JudgeEngineOptions = {}): Promise<JudgeEngine> {
    const defaults = resolveLimits(options.defaultLimits ?? {}, DEFAULT_LIMITS);
    const pool = await WorkerPool.start({
      size: Math.max(1, Math.min(64, options.workers ?? availableParallelism())),
      rssLimitMb: options.workerRssLimitMb ?? 384,
      recycleRssMb: options.workerRecycleRssMb ?? 192,
      maxOldSpaceMb: 96,
      semiSpaceMb: options.workerSemiSpaceMb ?? 2,
      killGraceMs: options.killGraceMs ?? KILL_GRACE_MS,
      isolateMaxUses: Math.max(1, Math.floor(options.isolateMaxUses ?? DEFAULT_ISOLATE_MAX_USES)),
      ...(options.workerScript === undefined ? {} : { workerScript: options.workerScript }),
      prewarm: {
        memoryLimitMb: defaults.memoryLimitMb,
        seed: DEFAULT_SEED,
        epochMs: DEFAULT_EPOCH_MS,
        consoleLimit: defaults.consoleLimit,
        outputLimit: defaults.outputLimit,
        allowWebAssembly: false,
        allowSharedMemory: false,
      },
    });
    return new JudgeEngine(pool, defaults);
  }

  async judge(submission: Submission | PreparedSubmissionInput, options: JudgeOptions = {}): Promise<JudgeResult> {
    const started = performance.now();
    if (typeof submission.source === 'string' && submission.source.length > MAX_SOURCE_LENGTH) {
      const prepared = this.prepare({ ...submission, source: '' });
      return this.assemble(
        prepared,
        { compileError: { message: `The source is longer than ${MAX_SOURCE_LENGTH} characters`, line: 1, column: 1 } },
        new Map(),
        started,
      );
    }
    const prepared = this.prepare(submission);
    const outcomes = new Map<string, TestOutcome>();
    const planned = new Map(prepared.tests.map((test) => [test.id, test]));
    const onReport = (report: SandboxTestReport): void => {
      if (outcomes.has(report.testId)) return;
      const test = planned.get(report.testId);
      if (test === undefined && prepared.harness.discoversTests !== true) return;
      const outcome = this.grade(prepared, test, report);
      outcomes.set(report.testId, outcome);
      notify(options, outcome);
    };
    const run = await this.pool.run(prepared.job, onReport);
    return this.assemble(prepared, run, outcomes, started, options);
  }

  stats(): { workers: WorkerStats[]; queued: number } {
    return this.pool.stats();
  }

  stop(): Promise<void> {
    return this.pool.stop();
  }

  /**
   * Validates a challenge's harness, tests, limits and sandbox settings once, for many submissions
   * (`judge({ language, source, challenge })`): no re-parsing of large test data per submission.
   * Throws JudgeInputError with the path of the first problem.
   */
  prepareChallenge(challenge: Challenge): PreparedChallenge {
    const { harness, spec, tests } = parseHarnessData(challenge.harness, challenge.tests);
    const limits = resolveLimits(challenge.limits, this.defaults);
    const sandbox = challenge.sandbox ?? {};
    const seed = sandbox.seed ?? DEFAULT_SEED;
    if (!Number.isInteger(seed))
      throw new JudgeInputError(JudgeInputErrorCode.InvalidSubmission, 'sandbox.seed', 'must be an integer');
    const timeLimits = tests.map((test) =>
      Math.min(limits.totalTimeMs, (test as { timeLimitMs?: number }).timeLimitMs ?? limits.timeLimitMs),
    );
    const job: Omit<WorkerJob, 'jobId' | 'language' | 'source'> = {
      kind: harness.kind,
      job: harness.toSandboxJob(spec, tests, timeLimits, Math.min(limits.totalTimeMs, limits.timeLimitMs)),
      limits: {
        memoryLimitMb: limits.memoryLimitMb,
        consoleLimit: limits.consoleLimit,
        outputLimit: limits.outputLimit,
        loadTimeoutMs: limits.timeLimitMs,
        totalTimeMs: limits.totalTimeMs,
      },
      seed: seed | 0,
      epochMs: parseEpoch(sandbox.epoch),
      allowWebAssembly: sandbox.allowWebAssembly === true,
      allowSharedMemory: sandbox.allowSharedMemory === true,
    };
    const prepared: PreparedChallengeData = { harness, spec, tests, limits, job };
    const handle: PreparedChallenge = Object.freeze({ kind: harness.kind, tests: tests.length });
    PREPARED.set(handle, prepared);
    return handle;
  }

  private prepare(submission: Submission | PreparedSubmissionInput): PreparedSubmission {
    if (typeof submission !== 'object' || submission === null)
      throw new JudgeInputError(JudgeInputErrorCode.InvalidSubmission, 'submission', 'must be an object');
    if (!LANGUAGES.includes(submission.language)) {
      throw new JudgeInputError(
        JudgeInputErrorCode.InvalidSubmission,
        'language',
        `must be one of ${LANGUAGES.join(', ')}`,
      );
    }
    if (typeof submission.source !== 'string')
      throw new JudgeInputError(JudgeInputErrorCode.InvalidSubmission, 'source', 'must be a string');
    let challenge: PreparedChallengeData | undefined;
    if ('challenge' in submission) {
      challenge = PREPARED.get(submission.challenge);
      if (challenge === undefined) {
        throw new JudgeInputError(
          JudgeInputErrorCode.InvalidSubmission,
          'challenge',
          'was not prepared by this engine',
        );
      }
    } else {
      challenge = PREPARED.get(this.prepareChallenge(submission));
    }
    const { job, ...rest } = challenge!;
    return {
      ...rest,
      job: { ...job, jobId: this.nextJobId++, language: submission.language, source: submission.source },
    };
  }

  private grade(prepared: PreparedSubmission, test: HarnessTest | undefined, report: SandboxTestReport): TestOutcome {
    const sample = test?.sample ?? report.sample === true;
    const base = {
      testId: report.testId,
      name: test?.name ?? (report.name ?? report.testId).slice(0, 500),
      sample,
      weight: test?.weight ?? 1,
      timeMs: Math.round(report.timeMs * 1000) / 1000,
      cpuMs: Math.round(report.cpuMs * 1000) / 1000,
    };
    const outcome = report.outcome;
    let verdict: Verdict;
    let message: string;
    let details: TestOutcome['details'];
    if (outcome.type === 'failure') {
      verdict = outcome.verdict;
      message = sample ? outcome.message : (outcome.hiddenMessage ?? HIDDEN_FAILURE_MESSAGES[verdict]);
    } else {
      let graded;
      try {
        graded = prepared.harness.grade({ spec: prepared.spec, test, report });
      } catch (error) {
        graded = {
          verdict: 'INTERNAL_ERROR' as const,
          message: `Grading failed: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      verdict = graded.verdict;
      message = graded.message;
      details = graded.details;
    }
    const result: TestOutcome = { ...base, verdict, message: cap(message, DETAIL_LIMIT) };
    if (sample) {
      // The sandbox capped it already; this bound (room for its marker) only guards against a rogue worker.
      result.console = cap(report.console, prepared.limits.consoleLimit + 200);
      if (details !== undefined) {
        result.details = {
          input: cap(details.input, DETAIL_LIMIT),
          expected: cap(details.expected, DETAIL_LIMIT),
          actual: cap(details.actual, DETAIL_LIMIT),
        };
      }
    }
    return result;
  }

  private assemble(
    prepared: PreparedSubmission,
    run: WorkerRunResult,
    outcomes: Map<string, TestOutcome>,
    started: number,
    options: JudgeOptions = {},
  ): JudgeResult {
    const timeMs = Math.round((performance.now() - started) * 1000) / 1000;
    if (run.compileError !== undefined) {
      const tests = prepared.tests.map((test) => ({
        testId: test.id,
        name: test.name,
        sample: test.sample,
        weight: test.weight,
        verdict: 'COMPILATION_ERROR' as const,
        message: 'Compilation failed',
        timeMs: 0,
        cpuMs: 0,
      }));
      const { message, line, column } = run.compileError;
      return {
        verdict: 'COMPILATION_ERROR',
        message: `${message} (line ${line}, column ${column})`,
        tests,
        score: { passed: 0, total: tests.reduce((sum, test) => sum + test.weight, 0) },
        compileError: run.compileError,
        timeMs,
        cpuMs: 0,
      };
    }
    // No explicit result means failed: a crash verdict, or INTERNAL_ERROR when the run just stopped.
    const missing = run.crash ?? {
      verdict: 'INTERNAL_ERROR' as const,
      message:
        run.internalError === undefined ? 'The test produced no result' : `The judge failed: ${run.internalError}`,
    };
    const ordered: TestOutcome[] = [];
    for (const test of prepared.tests) {
      let outcome = outcomes.get(test.id);
      if (outcome === undefined) {
        outcome = {
          testId: test.id,
          name: test.name,
          sample: test.sample,
          weight: test.weight,
          verdict: missing.verdict,
          message: test.sample ? missing.message : HIDDEN_FAILURE_MESSAGES[missing.verdict],
          timeMs: 0,
          cpuMs: 0,
        };
        notify(options, outcome);
      }
      ordered.push(outcome);
    }
    const plannedIds = new Set(prepared.tests.map((test) => test.id));
    for (const outcome of outcomes.values()) if (!plannedIds.has(outcome.testId)) ordered.push(outcome);
    if (ordered.length === 0) {
      ordered.push({
        testId: 'suite',
        name: 'suite',
        sample: false,
        weight: 1,
        verdict: missing.verdict,
        message: missing.message,
        timeMs: 0,
        cpuMs: 0,
      });
    }
    const failing = ordered.findIndex((outcome) => outcome.verdict !== 'ACCEPTED');
    const total = ordered.reduce((sum, outcome) => sum + outcome.weight, 0);
    const passed = ordered.reduce((sum, outcome) => sum + (outcome.verdict === 'ACCEPTED' ? outcome.weight : 0), 0);
    const first = failing < 0 ? undefined : ordered[failing];
    return {
      verdict: first === undefined ? 'ACCEPTED' : first.verdict,
      message:
        first === undefined
          ? `All ${ordered.length} tests passed`
          : `${HIDDEN_FAILURE_MESSAGES[first.verdict]} on ${first.sample ? `test '${first.name}'` : `hidden test #${failing + 1}`}`,
      tests: ordered,
      score: { passed, total },
      timeMs,
      cpuMs: Math.round(ordered.reduce((sum, outcome) => sum + outcome.cpuMs, 0) * 1000) / 1000,
    };
  }
}
