import { randomBytes } from 'node:crypto';
import type ivm from 'isolated-vm';
import {
  readCommonTestFields,
  readObject,
  readOptionalBoolean,
  readOptionalNumber,
  readOptionalString,
  readString,
  TEST_COMMON_KEYS,
  type CommonTestFields,
} from '../authored-data.js';
import {
  HarnessDataError,
  type GradedTest,
  type Harness,
  type Invocation,
  type ReportTest,
  type SandboxJob,
  type SandboxOutcome,
  type SandboxSession,
} from '../harness.js';
import type { FailureVerdict } from '../../verdict.js';
import {
  COMMONJS_HEADER,
  compileSpecFile,
  isSolutionSpecifier,
  resolveSpecFile,
  SPEC_EXTENSIONS,
  type CompiledSpecFile,
} from './spec-source.js';
import {
  SPEC_RUNTIME_SOURCE,
  type FailureRecord,
  type RuntimePlan,
  type RuntimeStep,
  type TestEvent,
} from './spec.runtime.js';

/**
 * Spec harness: jest test files, written by the challenge author, run unchanged inside the candidate's
 * sandbox against the candidate's solution. See README.md in this folder for the format.
 *
 * Every test the spec defines is an Assay test named by its describe path (`describe › test`). When the
 * challenge lists tests (`tests: [{ name, weight, sample }]`), that list is authoritative: only those
 * tests count, each must pass explicitly, and a listed test that is skipped or missing fails.
 */
export interface SpecFile {
  /** Relative path, e.g. `two-sum.test.ts` or `helpers/fixtures.js`; decides TypeScript or JavaScript. */
  path: string;
  source: string;
  /** Tests of this file are sample (visible) tests when they are discovered rather than listed. */
  sample?: boolean;
  /** A module the test files import; it defines no tests of its own. */
  helper?: boolean;
}

export interface SpecHarnessSpec {
  kind: 'spec';
  files: SpecFile[];
  /** Module name the spec files import the solution by (default `solution`: `./solution`, `./solution.js`, ...). */
  solution: string;
  /** Wall-time limit of a discovered test (listed tests carry their own), ms. */
  timeLimitMs?: number;
}

export type SpecTest = CommonTestFields;

interface SpecJobSpec {
  files: SpecFile[];
  solution: string;
  timeLimitMs: number;
}

const MAX_FILES = 50;
const MAX_FILE_SOURCE = 256 * 1024;
const MAX_TOTAL_SOURCE = 1024 * 1024;
const FILE_PATH = /^(?:[A-Za-z0-9_][A-Za-z0-9_.-]*\/)*[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const SOLUTION_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
export const DEFAULT_SPEC_TIME_LIMIT_MS = 2_000;
export const NAME_SEPARATOR = ' › ';
/** Fresh realms granted after the sandbox died mid-run (a test looped or exhausted memory). */
const MAX_RENEWALS = 3;
const SETUP_TIMEOUT_MS = 1_000;
const STANDARD_ERROR_NAMES = new Set([
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
  'AggregateError',
]);

function readFiles(raw: unknown): SpecFile[] {
  if (!Array.isArray(raw)) throw new HarnessDataError('harness.files', 'must be a list of spec files');
  if (raw.length === 0) throw new HarnessDataError('harness.files', 'must contain at least one spec file');
  if (raw.length > MAX_FILES) throw new HarnessDataError('harness.files', `must contain at most ${MAX_FILES} files`);
  const seen = new Set<string>();
  let total = 0;
  const files = raw.map((item, index) => {
    const path = `harness.files[${index}]`;
    const record = readObject(item, path, ['path', 'source', 'sample', 'helper']);
    const filePath = readString(record, 'path', path, { maxLength: 200, pattern: FILE_PATH });
    if (!SPEC_EXTENSIONS.some((extension) => filePath.endsWith(extension))) {
      throw new HarnessDataError(`${path}.path`, `must end with one of ${SPEC_EXTENSIONS.join(', ')}`);
    }
    if (filePath.split('/').some((part) => part === '.' || part === '..'))
      throw new HarnessDataError(`${path}.path`, 'must not contain . or .. segments');
    if (seen.has(filePath))
      throw new HarnessDataError(`${path}.path`, `repeats the path of another file ('${filePath}')`);
    seen.add(filePath);
    const source = readString(record, 'source', path, { maxLength: MAX_FILE_SOURCE });
    total += source.length;
    const file: SpecFile = { path: filePath, source };
    const sample = readOptionalBoolean(record, 'sample', path);
    if (sample !== undefined) file.sample = sample;
    const helper = readOptionalBoolean(record, 'helper', path);
    if (helper !== undefined) file.helper = helper;
    return file;
  });
  if (total > MAX_TOTAL_SOURCE)
    throw new HarnessDataError('harness.files', `hold more than ${MAX_TOTAL_SOURCE} characters of source in total`);
  if (!files.some((file) => file.helper !== true))
    throw new HarnessDataError('harness.files', 'must contain at least one test file (helper: false)');
  return files;
}

/** Assay's name of a spec test: its describe path, prefixed by the file when the spec has several test files. */
export function specTestName(file: string, path: readonly string[], multipleFiles: boolean): string {
  return (multipleFiles ? [file, ...path] : path).join(NAME_SEPARATOR);
}

export const specHarness: Harness<SpecHarnessSpec, SpecTest> = {
  kind: 'spec',
  discoversTests: true,

  parseSpec(raw) {
    const record = readObject(raw, 'harness', ['kind', 'files', 'solution', 'timeLimitMs']);
    const spec: SpecHarnessSpec = {
      kind: 'spec',
      files: readFiles(record.files),
      solution:
        readOptionalString(record, 'solution', 'harness', { maxLength: 100, pattern: SOLUTION_NAME }) ?? 'solution',
    };
    const timeLimitMs = readOptionalNumber(record, 'timeLimitMs', 'harness', 10, 60_000, true);
    if (timeLimitMs !== undefined) spec.timeLimitMs = timeLimitMs;
    if (spec.files.some((file) => file.path.replace(/\.[cm]?[jt]s$/, '') === spec.solution)) {
      throw new HarnessDataError(
        'harness.files',
        `a spec file may not use the solution's module name ('${spec.solution}')`,
      );
    }
    return spec;
  },

  parseTests(raw) {
    // An empty list means "every test the spec defines, weight 1"; a list is the authoritative plan.
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) throw new HarnessDataError('tests', 'must be a list');
    if (raw.length > 1_000) throw new HarnessDataError('tests', 'must contain at most 1000 tests');
    const seen = new Set<string>();
    return raw.map((item, index) =>
      readCommonTestFields(readObject(item, `tests[${index}]`, TEST_COMMON_KEYS), `tests[${index}]`, seen),
    );
  },

  toSandboxJob(spec, tests, timeLimitsMs, defaultTimeLimitMs): SandboxJob {
    const jobSpec: SpecJobSpec = {
      files: spec.files,
      solution: spec.solution,
      timeLimitMs:
        spec.timeLimitMs ??
        (timeLimitsMs.length > 0 ? Math.max(...timeLimitsMs) : (defaultTimeLimitMs ?? DEFAULT_SPEC_TIME_LIMIT_MS)),
    };
    return {
      spec: jobSpec as unknown as SandboxJob['spec'],
      tests: tests.map((test, index) => ({
        id: test.id,
        input: { name: test.name },
        timeLimitMs: timeLimitsMs[index] ?? jobSpec.timeLimitMs,
      })),
    };
  },

  grade({ test, report }): GradedTest {
    const outcome = report.outcome;
    if (outcome.type !== 'decided')
      return { verdict: 'INTERNAL_ERROR', message: 'Unexpected outcome from the spec harness' };
    const sample = test?.sample ?? report.sample ?? false;
    if (outcome.passed) return { verdict: 'ACCEPTED', message: 'Accepted' };
    // The first line is the matcher hint (`expect(received).toEqual(expected)`): it names no test data.
    const hint = outcome.message.split('\n', 1)[0] ?? '';
    return {
      verdict: 'WRONG_ANSWER',
      message: sample ? outcome.message : hint.startsWith('expect') ? `Assertion failed: ${hint}` : 'Assertion failed',
      details: {
        input: test?.name ?? report.name ?? '',
        expected: outcome.expected ?? '',
        actual: outcome.actual ?? '',
      },
    };
  },

  async runInSandbox(session, job, report) {
    await new SpecRun(session, job, report).run();
  },
};

/** A test of the plan as the worker tracks it. */
interface PlannedEntry {
  index: number;
  name: string;
  status: 'run' | 'skip' | 'todo';
  /** The job's test id when the challenge listed this test; undefined for unlisted tests. */
  id: string | undefined;
  timeLimitMs: number;
  sample: boolean;
  reported: boolean;
}

type Setup =
  | { type: 'ready'; runtime: ivm.Reference; plan: PlannedEntry[] }
  | { type: 'failed'; outcome: Extract<SandboxOutcome, { type: 'failure' }> };

/** The sandbox half: one test file after the other, each in a fresh realm, as jest runs files. */
class SpecRun {
  private readonly spec: SpecJobSpec;
  private readonly listed: Map<string, { id: string; timeLimitMs: number }>;
  private readonly reportedIds = new Set<string>();
  private pendingConsole = '';

  constructor(
    private readonly session: SandboxSession,
    job: SandboxJob,
    private readonly report: ReportTest,
  ) {
    this.spec = job.spec as unknown as SpecJobSpec;
    this.listed = new Map(
      job.tests.map((test) => [(test.input as { name: string }).name, { id: test.id, timeLimitMs: test.timeLimitMs }]),
    );
  }

  private get planned(): boolean {
    return this.listed.size > 0;
  }

  async run(): Promise<void> {
    const testFiles = this.spec.files.filter((file) => file.helper !== true);
    for (const [index, file] of testFiles.entries()) {
      if (index > 0) await this.session.renew();
      await this.runFile(file, testFiles.length > 1);
    }
    // Listed tests no file defined: say so, rather than leave them to the engine's generic failure.
    for (const [name, listed] of this.listed) {
      if (this.reportedIds.has(listed.id)) continue;
      this.send(
        listed.id,
        name,
        false,
        { type: 'decided', passed: false, message: `No spec file defines a test named '${name}'` },
        0,
        0,
      );
    }
  }

  private async runFile(file: SpecFile, multipleFiles: boolean): Promise<void> {
    let setup = await this.safeSetUp(file, multipleFiles);
    if (setup.type === 'failed') {
      this.failFile(file, multipleFiles, setup.outcome);
      return;
    }
    const plan = setup.plan;
    let runtime = setup.runtime;
    let renewals = 0;
    let current: PlannedEntry | undefined;
    let spentMs = 0;
    let spentCpuMs = 0;
    for (;;) {
      const left = this.session.budgetLeftMs();
      if (left <= 0) {
        this.failRemaining(plan, {
          type: 'failure',
          verdict: 'TIME_LIMIT_EXCEEDED',
          message: "The submission's total time budget was used up",
        });
        return;
      }
      const limit = current?.timeLimitMs ?? this.spec.timeLimitMs;
      const timeoutMs = Math.max(1, Math.min(limit - spentMs, left));
      const invocation =
        spentMs >= limit ? timedOut(limit) : await this.session.invoke(runtime, 'next', [], { timeoutMs });
      spentMs += invocation.timeMs;
      spentCpuMs += invocation.cpuMs;
      const step = invocation.type === 'returned' ? parseJson<RuntimeStep>(invocation.value) : undefined;
      if (step === undefined || step.state === 'fault') {
        // The isolate stopped (time, memory), or the runtime broke: the step in progress fails, the rest
        // of the file continues in a fresh realm.
        const outcome = failureOf(invocation, step);
        const victim = current ?? plan.find((entry) => !entry.reported && entry.status === 'run');
        if (victim !== undefined) this.finish(victim, outcome, spentMs, spentCpuMs, await this.console());
        const next = plan.find((entry) => !entry.reported);
        if (next === undefined) return;
        if (renewals >= MAX_RENEWALS) {
          this.failRemaining(plan, {
            type: 'failure',
            verdict: outcome.verdict,
            message: 'Not run: earlier tests of this file stopped the sandbox too often',
            hiddenMessage: 'Not run: earlier tests stopped the sandbox',
          });
          return;
        }
        renewals++;
        await this.session.renew();
        setup = await this.safeSetUp(file, multipleFiles);
        if (setup.type === 'failed' || !samePlan(plan, setup.plan)) {
          const failure =
            setup.type === 'failed'
              ? setup.outcome
              : ({
                  type: 'failure',
                  verdict: 'RUNTIME_ERROR',
                  message: 'The spec defined different tests on a second run',
                } as const);
          this.failRemaining(plan, failure);
          return;
        }
        runtime = setup.runtime;
        const resumed = await this.session.invoke(runtime, 'resumeAt', [next.index], { timeoutMs: SETUP_TIMEOUT_MS });
        if (resumed.type !== 'returned' || parseJson<{ state: string }>(resumed.value)?.state !== 'ok') {
          this.failRemaining(plan, {
            type: 'failure',
            verdict: 'INTERNAL_ERROR',
            message: 'The spec runner could not resume after a stopped test',
          });
          return;
        }
        current = undefined;
        spentMs = 0;
        spentCpuMs = 0;
        continue;
      }
      switch (step.state) {
        case 'finished':
          // Tests the runtime never reached (it should reach all): no result means failed.
          this.failRemaining(plan, { type: 'failure', verdict: 'INTERNAL_ERROR', message: 'The test did not run' });
          return;
        case 'started':
          current = step.step === 'test' ? plan.find((entry) => entry.index === step.index) : undefined;
          if (step.step !== 'test') current = undefined;
          spentMs = invocation.timeMs;
          spentCpuMs = invocation.cpuMs;
          break;
        case 'running':
          break;
        case 'events': {
          const consoleText = await this.console();
          for (const [position, event] of step.events.entries()) {
            const entry = plan.find((candidate) => candidate.index === event.index);
            if (entry === undefined || entry.reported) continue;
            this.finish(entry, outcomeOfEvent(event), spentMs, spentCpuMs, position === 0 ? consoleText : '');
          }
          current = undefined;
          spentMs = 0;
          spentCpuMs = 0;
          break;
        }
      }
    }
  }

  /** A set-up that throws (the isolate went away between two calls) fails the file, not the whole job. */
  private async safeSetUp(file: SpecFile, multipleFiles: boolean): Promise<Setup> {
    try {
      return await this.setUp(file, multipleFiles);
    } catch (error) {
      if (!this.session.alive) {
        return {
          type: 'failed',
          outcome: {
            type: 'failure',
            verdict: 'RUNTIME_ERROR',
            message: 'The sandbox stopped while the test file loaded',
          },
        };
      }
      return suiteFailure('INTERNAL_ERROR', `The spec runner could not load the test file: ${messageOf(error)}`);
    }
  }

  /** Installs the runtime, compiles the spec's modules, loads the solution and collects the tests. */
  private async setUp(file: SpecFile, multipleFiles: boolean): Promise<Setup> {
    const session = this.session;
    const timeoutMs = Math.max(1, Math.min(this.spec.timeLimitMs, session.budgetLeftMs()));
    const runtime = await session.installRuntime(SPEC_RUNTIME_SOURCE, 'assay:spec-runtime');
    const compiled = new Map<string, Extract<CompiledSpecFile, { type: 'ok' }>>();
    for (const spec of this.spec.files) {
      const result = await compileSpecFile(spec.path, spec.source);
      if (result.type === 'error') {
        return suiteFailure(
          'INTERNAL_ERROR',
          `The spec file ${spec.path} does not compile (${result.line}:${result.column}): ${result.message}`,
        );
      }
      compiled.set(spec.path, result);
    }
    const entry = compiled.get(file.path)!;
    const modules = new Map<string, ivm.Module>();
    const modulePaths = new Map<ivm.Module, string>();
    for (const [path, result] of compiled) {
      const filename = `spec/${path}`;
      try {
        if (result.format === 'module') {
          const module = await session.isolate.compileModule(result.code, { filename });
          modules.set(path, module);
          modulePaths.set(module, path);
        } else {
          const script = await session.isolate.compileScript(`${COMMONJS_HEADER}\n${result.code}\n})`, {
            filename,
            lineOffset: -1,
          });
          const factory: ivm.Reference = await script.run(session.context, {
            reference: true,
            timeout: SETUP_TIMEOUT_MS,
          });
          const defined = await session.invoke(runtime, 'defineModule', [path, factory], {
            timeoutMs: SETUP_TIMEOUT_MS,
          });
          if (defined.type !== 'returned')
            return suiteFailure('INTERNAL_ERROR', `The spec file ${path} could not be registered`);
        }
      } catch (error) {
        return suiteFailure('INTERNAL_ERROR', `The spec file ${path} does not compile: ${messageOf(error)}`);
      }
    }

    // '@jest/globals' for ES-module specs, evaluated before any candidate code: it takes the spec's private
    // globals from a one-use global key (see the runtime's exposeSpecGlobals).
    let globals: ivm.Module | undefined;
    if ([...compiled.values()].some((result) => result.format === 'module')) {
      const key = `\u0000assay:globals:${randomBytes(12).toString('hex')}`;
      await this.call(runtime, 'exposeSpecGlobals', [key]);
      globals = await session.isolate.compileModule(globalsModuleSource(key), { filename: 'assay:jest-globals' });
      await globals.instantiate(session.context, () => {
        throw new Error('@jest/globals imports nothing');
      });
      await globals.evaluate({ timeout: SETUP_TIMEOUT_MS });
    }

    // The candidate's top-level code runs now, while the runtime refuses to register tests.
    await this.call(runtime, 'beginSolution', []);
    const load = await session.loadSolution(timeoutMs);
    this.pendingConsole += await this.console();
    if (load.type === 'failed') {
      const message =
        load.verdict === 'TIME_LIMIT_EXCEEDED' ? "The solution's top-level code exceeded the time limit" : load.message;
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
    // Handed over through a one-use global rather than as an `invoke` argument: under some module loaders
    // (jest's) a module namespace Reference fails `instanceof ivm.Reference` and would enter the isolate
    // as a Reference. Nothing runs in the isolate between the two calls.
    const key = `\u0000assay:solution:${randomBytes(12).toString('hex')}`;
    session.context.global.setSync(key, load.exports.derefInto());
    await this.call(runtime, 'adoptSolution', [key, this.spec.solution]);
    await this.call(runtime, 'beginCollect', []);

    if (entry.format === 'module') {
      const solution = await session.solutionModule(timeoutMs);
      if (solution.type === 'failed')
        return { type: 'failed', outcome: { type: 'failure', verdict: solution.verdict, message: solution.message } };
      const jestGlobals = globals!;
      const paths = new Set(modules.keys());
      const resolve = (specifier: string, referrer: ivm.Module): ivm.Module => {
        const from = modulePaths.get(referrer) ?? file.path;
        if (specifier === '@jest/globals') return jestGlobals;
        if (isSolutionSpecifier(from, specifier, this.spec.solution)) return solution.module;
        const target = resolveSpecFile(from, specifier, new Set(compiled.keys()));
        if (target !== undefined && paths.has(target)) return modules.get(target)!;
        if (target !== undefined)
          throw new Error(`Cannot import '${specifier}' from '${from}': CommonJS helpers can only be required`);
        throw new Error(`Cannot find module '${specifier.slice(0, 200)}' from '${from}'`);
      };
      const module = modules.get(file.path)!;
      try {
        await module.instantiate(session.context, resolve);
      } catch (error) {
        return suiteFailure('INTERNAL_ERROR', `The spec file ${file.path} cannot be linked: ${messageOf(error)}`);
      }
      const evaluated = await session.watch(timeoutMs, () => module.evaluate({ timeout: timeoutMs }));
      if (evaluated.type === 'failed')
        return { type: 'failed', outcome: { type: 'failure', verdict: evaluated.verdict, message: evaluated.message } };
      if (evaluated.type === 'threw')
        return suiteFailure('RUNTIME_ERROR', `The test file failed to run: ${messageOf(evaluated.error)}`);
    } else {
      const ran = await session.invoke(runtime, 'runModule', [file.path], { timeoutMs });
      if (ran.type !== 'returned') return { type: 'failed', outcome: failureOf(ran, undefined) };
      const state = parseJson<{ state: string; error?: { message: string } }>(ran.value);
      if (state?.state === 'threw')
        return suiteFailure('RUNTIME_ERROR', `The test file failed to run: ${state.error?.message ?? ''}`);
      if (state?.state !== 'ok') return suiteFailure('INTERNAL_ERROR', 'The spec runner could not run the test file');
    }

    const planned = await session.invoke(runtime, 'plan', [], { timeoutMs: SETUP_TIMEOUT_MS });
    const plan = planned.type === 'returned' ? parseJson<RuntimePlan>(planned.value) : undefined;
    if (plan?.state !== 'plan') return suiteFailure('INTERNAL_ERROR', 'The spec runner returned no plan');
    this.pendingConsole += await this.console();
    const counts = new Map<string, number>();
    const entries = plan.tests.map((test): PlannedEntry => {
      let name = specTestName(file.path, test.path, multipleFiles);
      const seen = (counts.get(name) ?? 0) + 1;
      counts.set(name, seen);
      if (seen > 1) name = `${name} (${seen})`;
      const listed = this.listed.get(name);
      return {
        index: test.index,
        name,
        status: test.status,
        id: listed?.id,
        timeLimitMs: listed?.timeLimitMs ?? this.spec.timeLimitMs,
        sample: file.sample ?? false,
        reported: false,
      };
    });
    return { type: 'ready', runtime, plan: entries };
  }

  private async call(
    runtime: ivm.Reference,
    method: string,
    args: Parameters<SandboxSession['invoke']>[2],
  ): Promise<void> {
    const invocation = await this.session.invoke(runtime, method, args, { timeoutMs: SETUP_TIMEOUT_MS });
    if (invocation.type !== 'returned') throw new Error(`The spec runtime's ${method} failed: ${invocation.message}`);
  }

  private async console(): Promise<string> {
    const text = this.pendingConsole + (this.session.alive ? await this.session.takeConsole() : '');
    this.pendingConsole = '';
    return text;
  }

  /** Reports one test of the plan (listed tests by their id; unlisted ones only without a list). */
  private finish(
    entry: PlannedEntry,
    outcome: SandboxOutcome | undefined,
    timeMs: number,
    cpuMs: number,
    consoleText: string,
  ): void {
    entry.reported = true;
    if (outcome === undefined) {
      // Skipped and todo tests have no result; a listed one fails, as a test with no result must.
      if (entry.id === undefined) return;
      outcome = {
        type: 'decided',
        passed: false,
        message: `The test was skipped (${entry.status === 'todo' ? 'test.todo' : '.skip, or another test has .only'})`,
      };
    }
    if (entry.id !== undefined) {
      this.send(entry.id, entry.name, entry.sample, outcome, timeMs, cpuMs, consoleText);
    } else if (!this.planned) {
      this.send(entry.name, entry.name, entry.sample, outcome, timeMs, cpuMs, consoleText);
    }
  }

  private send(
    testId: string,
    name: string,
    sample: boolean,
    outcome: SandboxOutcome,
    timeMs: number,
    cpuMs: number,
    consoleText = '',
  ): void {
    if (this.reportedIds.has(testId)) return;
    this.reportedIds.add(testId);
    this.report({ testId, name, sample, outcome, timeMs, cpuMs, console: consoleText });
  }

  private failRemaining(plan: PlannedEntry[], outcome: Extract<SandboxOutcome, { type: 'failure' }>): void {
    for (const entry of plan) {
      if (entry.reported) continue;
      this.finish(entry, entry.status === 'run' ? outcome : undefined, 0, 0, '');
    }
  }

  /** The file could not run at all: its listed tests fail with the reason; without a list, one synthetic test says why. */
  private failFile(
    file: SpecFile,
    multipleFiles: boolean,
    outcome: Extract<SandboxOutcome, { type: 'failure' }>,
  ): void {
    const consoleText = this.pendingConsole;
    this.pendingConsole = '';
    if (this.planned) {
      const prefix = multipleFiles ? `${file.path}${NAME_SEPARATOR}` : '';
      for (const [name, listed] of this.listed) {
        if (multipleFiles && !name.startsWith(prefix)) continue;
        this.send(listed.id, name, false, outcome, 0, 0, consoleText);
      }
      return;
    }
    const name = specTestName(file.path, ['(test file failed to run)'], true);
    this.send(name, name, file.sample ?? false, outcome, 0, 0, consoleText);
  }
}

/** `@jest/globals` for ES-module specs: the spec's private globals, taken from a one-use global key. */
const GLOBAL_NAMES = [
  'describe',
  'fdescribe',
  'xdescribe',
  'test',
  'it',
  'fit',
  'xit',
  'xtest',
  'expect',
  'beforeAll',
  'afterAll',
  'beforeEach',
  'afterEach',
  'jest',
];
function globalsModuleSource(key: string): string {
  return [
    `const globals = globalThis[${JSON.stringify(key)}];`,
    `delete globalThis[${JSON.stringify(key)}];`,
    ...GLOBAL_NAMES.map((name, index) => `const g${index} = globals.${name};`),
    `export { ${GLOBAL_NAMES.map((name, index) => `g${index} as ${name}`).join(', ')} };`,
  ].join('\n');
}

function suiteFailure(verdict: FailureVerdict, message: string): Setup {
  return {
    type: 'failed',
    outcome: {
      type: 'failure',
      verdict,
      message,
      hiddenMessage:
        verdict === 'INTERNAL_ERROR' ? "The challenge's spec could not run" : 'The test file failed to run',
    },
  };
}

function timedOut(limit: number): Invocation {
  return {
    type: 'failed',
    verdict: 'TIME_LIMIT_EXCEEDED',
    message: `Time limit exceeded (${limit} ms)`,
    timeMs: 0,
    cpuMs: 0,
  };
}

function failureOf(
  invocation: Invocation,
  step: RuntimeStep | undefined,
): Extract<SandboxOutcome, { type: 'failure' }> {
  if (invocation.type === 'failed')
    return { type: 'failure', verdict: invocation.verdict, message: invocation.message };
  if (invocation.type === 'threw') return { type: 'failure', verdict: 'RUNTIME_ERROR', message: invocation.message };
  if (step?.state === 'fault')
    return { type: 'failure', verdict: 'INTERNAL_ERROR', message: `The spec runner failed: ${step.message}` };
  return { type: 'failure', verdict: 'INTERNAL_ERROR', message: 'The spec runner returned an unreadable state' };
}

/** A finished test's outcome; undefined for skipped and todo tests (no result). */
function outcomeOfEvent(event: TestEvent): SandboxOutcome | undefined {
  if (event.status === 'skip' || event.status === 'todo') return undefined;
  if (event.status === 'passed' && event.errors.length === 0) return { type: 'decided', passed: true, message: '' };
  const first: FailureRecord | undefined = event.errors[0];
  const message = event.errors.map((error) => error.message).join('\n\n');
  if (first === undefined)
    return { type: 'failure', verdict: 'INTERNAL_ERROR', message: 'The test failed without a reason' };
  switch (first.kind) {
    case 'assertion':
      return {
        type: 'decided',
        passed: false,
        message,
        ...(first.expected === undefined ? {} : { expected: first.expected }),
        ...(first.received === undefined ? {} : { actual: first.received }),
      };
    case 'timeout':
      return {
        type: 'failure',
        verdict: 'TIME_LIMIT_EXCEEDED',
        message,
        hiddenMessage: 'The test timed out (it never finished)',
      };
    case 'error': {
      const name =
        first.errorName !== undefined && STANDARD_ERROR_NAMES.has(first.errorName) ? first.errorName : 'an error';
      return { type: 'failure', verdict: 'RUNTIME_ERROR', message, hiddenMessage: `The test threw ${name}` };
    }
  }
}

function samePlan(before: PlannedEntry[], after: PlannedEntry[]): boolean {
  return (
    before.length === after.length &&
    before.every(
      (entry, index) =>
        entry.index === after[index].index && entry.name === after[index].name && entry.status === after[index].status,
    )
  );
}

function parseJson<T>(value: unknown): T | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = JSON.parse(value) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as T) : undefined;
  } catch {
    return undefined;
  }
}

/** isolated-vm appends the host's stack below `<isolated-vm boundary>`: it must not reach candidates. */
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const boundary = text.indexOf('<isolated-vm boundary>');
  const cut =
    boundary < 0
      ? text
      : text.slice(0, text.lastIndexOf('\n', boundary) < 0 ? boundary : text.lastIndexOf('\n', boundary));
  return cut.slice(0, 2048);
}
