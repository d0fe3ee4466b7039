/**
 * The harness plug-in interface: how a kind of test (function, class, stdio, http, spec) plugs into the
 * judge engine. Keep this file stable: other harnesses are written against it.
 *
 * A harness has two halves, both on one object so one registry serves both processes:
 *
 * - The host half (`parseSpec`, `parseTests`, `toSandboxJob`, `grade`) runs in the judge process. It
 *   validates what challenge authors wrote (YAML/JSON, so hostile until checked), decides what the
 *   sandbox may see, and grades. Expected values of function, class, stdio and http tests stay here: they
 *   never reach the worker, let alone the isolate (threat model, grading rule 1).
 * - The sandbox half (`runInSandbox`) runs in a worker process. It receives a `SandboxSession` whose
 *   isolate already holds the engine's prelude (seeded `Math.random`, fixed `Date`, capped console,
 *   no `WebAssembly`/`SharedArrayBuffer`/`Atomics`, intrinsics captured before any candidate code) and
 *   the candidate's code compiled but not yet run. It installs its own trusted runtime, runs the
 *   candidate's code, runs the tests, and reports one `SandboxTestReport` per test.
 *
 * Rules for the sandbox half (from the threat model):
 * - Never pass the `ivm` module, an `ivm.Reference`, an `ivm.Callback` or `cachedData` into the isolate.
 *   `Reference`s stay on the worker side; `SandboxSession.invoke` dereferences them inside the isolate.
 * - Candidate results leave the isolate as capped strings built by the harness runtime with the
 *   intrinsics the prelude captured (`kit.serialize`), never as live objects or through console text.
 * - Run everything that executes candidate code through `invoke` or `watch`: they enforce the wall-time
 *   limit with a host-side watchdog and classify timeouts, memory exhaustion and disposal.
 * - Once `session.alive` is false the isolate is gone: call `session.renew()` and install again, or
 *   report the remaining tests with the failure verdict. Never report a pass for a test that did not
 *   run to completion.
 */
import type ivm from 'isolated-vm';
import type { FailureVerdict, Language, Verdict } from '../verdict.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Fields every planned test carries; harnesses extend it with their own test data. */
export interface HarnessTest {
  /** Unique within the submission. */
  id: string;
  name: string;
  /** Sample tests are visible to the candidate: their input, expected and actual values are shown. */
  sample: boolean;
  /** Share of the score, > 0. */
  weight: number;
}

/**
 * Thrown by `parseSpec`/`parseTests` when authored data is invalid. `path` points at the culprit in
 * the authored document, e.g. `tests[3].compare.floatTolerance`.
 */
export class HarnessDataError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'HarnessDataError';
  }
}

/** What the worker receives for one submission: JSON only, and nothing the isolate must not see. */
export interface SandboxJob {
  spec: JsonValue;
  tests: SandboxJobTest[];
}

export interface SandboxJobTest {
  id: string;
  /** Test input as the sandbox needs it. Hidden expected values never go here, except where a harness
   * documents why (e.g. a challenge author's checker, which runs in its own realm, never the candidate's). */
  input: JsonValue;
  /** Wall-time limit of this test, milliseconds (already clamped by the engine). */
  timeLimitMs: number;
}

/** How one test ended inside the sandbox. */
export type SandboxOutcome =
  /** The candidate's code produced a result; `value` is harness-defined text built in-isolate, capped. */
  | { type: 'value'; value: string }
  /** A trusted realm (spec assertions, an author's checker) decided; the host still grades it. */
  | { type: 'decided'; passed: boolean; message: string; actual?: string; expected?: string }
  /**
   * The candidate's code threw, timed out, ran out of memory, printed too much, or the judge failed.
   * `message` may quote the candidate's error text (shown for sample tests only); `hiddenMessage`, when
   * given, is what a hidden test shows instead and must not quote test data or candidate output (e.g.
   * "The solution threw TypeError"). Without it the engine shows a generic text for the verdict.
   */
  | { type: 'failure'; verdict: FailureVerdict; message: string; hiddenMessage?: string };

export interface SandboxTestReport {
  /** A planned test's id, or for harnesses that discover tests at run time (spec) a new unique id. */
  testId: string;
  /** Required for discovered tests (e.g. `describe > it` path); ignored for planned ones. */
  name?: string;
  /** Discovered tests only: whether the test counts as a sample (visible) test. */
  sample?: boolean;
  outcome: SandboxOutcome;
  timeMs: number;
  cpuMs: number;
  /** Candidate's console output during the test, already capped with a marker. */
  console: string;
}

export type ReportTest = (report: SandboxTestReport) => void;

/** What the host half decides for one report. The engine adds timing, console and the sample filter. */
export interface GradedTest {
  verdict: Verdict;
  /** For hidden tests this must not quote test data: the engine shows it to the candidate. */
  message: string;
  /** Shown for sample tests only; the engine caps each string. */
  details?: { input: string; expected: string; actual: string };
}

export interface GradeInput<TSpec, TTest extends HarnessTest> {
  spec: TSpec;
  /** The planned test the report is about, or undefined for a discovered test. */
  test: TTest | undefined;
  report: SandboxTestReport;
}

export interface Harness<TSpec = unknown, TTest extends HarnessTest = HarnessTest> {
  /** The `harness.kind` of a submission, e.g. 'function'. */
  readonly kind: string;
  /**
   * True when tests are discovered while running (spec files): reports may carry ids the host did not
   * plan. Planned tests with no report still fail (no explicit result means failed).
   */
  readonly discoversTests?: boolean;

  // ---- host half: judge process ------------------------------------------------------------------

  /** Validates the kind-specific harness spec (e.g. which export to call). Throws HarnessDataError. */
  parseSpec(raw: unknown): TSpec;
  /** Validates the authored tests. Throws HarnessDataError. Must assign unique ids. */
  parseTests(raw: unknown, spec: TSpec): TTest[];
  /**
   * Builds the worker's job: inputs only. `timeLimitMs` per test comes from `timeLimitsMs[index]`;
   * tests a harness discovers while running (spec) get `defaultTimeLimitMs`, the challenge's per-test limit.
   */
  toSandboxJob(
    spec: TSpec,
    tests: readonly TTest[],
    timeLimitsMs: readonly number[],
    defaultTimeLimitMs?: number,
  ): SandboxJob;
  /**
   * Grades one report whose outcome is 'value' or 'decided'. The engine grades 'failure' outcomes itself
   * (they stay failures), caps strings, and strips details and console output from hidden tests.
   */
  grade(input: GradeInput<TSpec, TTest>): GradedTest;

  // ---- sandbox half: worker process --------------------------------------------------------------

  /**
   * Runs the job in the session and reports each test, in order, as soon as it is known. Reject only
   * for judge faults (they become INTERNAL_ERROR); a failing candidate is a report, not a rejection.
   */
  runInSandbox(session: SandboxSession, job: SandboxJob, report: ReportTest): Promise<void>;
}

/** Values `invoke` can pass: primitives are copied, References are dereferenced inside the isolate. */
export type SandboxArgument = string | number | boolean | null | undefined | ivm.Reference;

export type Invocation =
  /** The function returned (or its promise fulfilled) a primitive; objects are refused as a judge fault. */
  | { type: 'returned'; value: string | number | boolean | null | undefined; timeMs: number; cpuMs: number }
  /** The function threw or its promise rejected; `message` is the in-isolate text, capped, without host paths. */
  | { type: 'threw'; message: string; timeMs: number; cpuMs: number }
  /** Timed out, ran out of memory, or the isolate died. After one of these `session.alive` may be false. */
  | { type: 'failed'; verdict: FailureVerdict; message: string; timeMs: number; cpuMs: number };

export interface InvokeOptions {
  /** Wall-time limit; the watchdog disposes the isolate shortly after it. */
  timeoutMs: number;
}

/**
 * An isolate with the engine's prelude. `installRuntime` takes trusted harness source that evaluates to
 * a function `(kit) => api`; it runs before any candidate code in this realm, so the `kit` and anything
 * it captures cannot have been patched. See `sandbox/prelude.ts` for what `kit` offers (`serialize`,
 * captured intrinsics, console draining, the seeded clock and random).
 */
export interface SandboxRealm {
  /** Worker side only: never hand it to code inside the isolate. */
  readonly isolate: ivm.Isolate;
  readonly context: ivm.Context;
  /** False once the isolate was disposed (timeout, memory) or died. */
  readonly alive: boolean;
  installRuntime(source: string, filename: string): Promise<ivm.Reference>;
  /** Calls `runtime[method](...args)` inside the isolate, awaiting a returned promise, under the watchdog. */
  invoke(
    runtime: ivm.Reference,
    method: string,
    args: readonly SandboxArgument[],
    options: InvokeOptions,
  ): Promise<Invocation>;
  /**
   * Runs arbitrary isolate work (e.g. `module.evaluate()` of a spec file) under the watchdog; the
   * result says whether it finished in time. CPU time is measured over the isolate.
   */
  watch<T>(timeoutMs: number, work: () => Promise<T>): Promise<Watched<T>>;
  dispose(): void;
}

export type Watched<T> =
  | { type: 'done'; value: T; timeMs: number; cpuMs: number }
  | { type: 'threw'; error: unknown; timeMs: number; cpuMs: number }
  | { type: 'failed'; verdict: FailureVerdict; message: string; timeMs: number; cpuMs: number };

export type SolutionLoad =
  /** The candidate's top-level code ran; `exports` is its `module.exports` or ES module namespace. */
  | { type: 'loaded'; exports: ivm.Reference }
  /** Top-level code threw or failed: every test of the run fails with this (see SandboxOutcome 'failure'). */
  | { type: 'failed'; verdict: FailureVerdict; message: string; hiddenMessage?: string; timeMs: number; cpuMs: number };

/** The candidate's realm. One per submission (or per test, after `renew`). */
export interface SandboxSession extends SandboxRealm {
  readonly language: Language;
  /** Seed of `Math.random` and the fixed epoch of `Date`, both reproducible per submission. */
  readonly seed: number;
  readonly epochMs: number;
  /** Memory limit of the isolate, MB. */
  readonly memoryLimitMb: number;
  /**
   * Milliseconds left of the submission's total time budget. Clamp each timeout with it; when it is
   * spent, report the remaining tests as TIME_LIMIT_EXCEEDED (the supervisor kills the worker soon after).
   */
  budgetLeftMs(): number;
  /**
   * Runs the candidate's compiled code once in this realm (CommonJS or ES module) under the watchdog.
   * Call it after `installRuntime`, so the runtime captured pristine intrinsics.
   */
  loadSolution(timeoutMs: number): Promise<SolutionLoad>;
  /**
   * The candidate's code as an ES module of this realm, for harnesses that `import` it (spec files):
   * link imports of the solution to it. For ES-module code it is the candidate's module, instantiated,
   * and its code runs when the importing module is evaluated. For CommonJS code the candidate's code
   * runs now (as `loadSolution`, if not loaded yet) and the module is synthetic: `default` is
   * `module.exports` and its own enumerable identifier keys are named exports.
   */
  solutionModule(
    timeoutMs: number,
  ): Promise<{ type: 'module'; module: ivm.Module } | Extract<SolutionLoad, { type: 'failed' }>>;
  /** Drains the candidate's console output captured since the last call, capped with a marker. */
  takeConsole(): Promise<string>;
  /** Disposes the isolate and starts a fresh one with the prelude and the compiled code, not yet run. */
  renew(): Promise<void>;
  /** A separate isolate with the prelude and no candidate code (authors' checkers, assertion realms). */
  createRealm(): Promise<SandboxRealm>;
}
