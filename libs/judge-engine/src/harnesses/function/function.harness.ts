import type ivm from 'isolated-vm';
import {
  decodeSandboxValue,
  MalformedValueError,
  renderJson,
  renderSandboxValue,
} from '../../grading/sandbox-value.js';
import { valuesMatch, type CompareOptions } from '../../grading/value-comparison.js';
import { driveOperation, outcomeOfState, parseRuntimeState } from '../../sandbox/operation-driver.js';
import {
  readArray,
  readCommonTestFields,
  readJson,
  readObject,
  readOptionalBoolean,
  readOptionalNumber,
  readOptionalString,
  readString,
  readTestList,
  TEST_COMMON_KEYS,
  type AuthoredObject,
  type CommonTestFields,
} from '../authored-data.js';
import {
  HarnessDataError,
  type GradedTest,
  type Harness,
  type JsonValue,
  type SandboxOutcome,
  type SandboxRealm,
} from '../harness.js';
import { runPlannedTests } from '../planned-tests.js';
import { checkerRuntimeSource, FUNCTION_RUNTIME_SOURCE } from './function.runtime.js';

/**
 * Function harness: call an exported function with arguments and compare its result with deep
 * equality (options: unordered arrays, float tolerance) or with a checker the challenge author wrote.
 */
export interface FunctionCompare extends CompareOptions {
  /**
   * JavaScript source of an expression evaluating to `(actual, expected, args) => boolean | { pass,
   * message }`. It runs sandboxed in a realm of its own, never the candidate's.
   */
  checker?: string;
}

/** `harness` of a function submission. */
export interface FunctionHarnessSpec {
  kind: 'function';
  /** Name of the exported function; 'default' for a default export or `module.exports = fn`. */
  export: string;
  /** Defaults for every test; a test's own `compare` overrides field by field. */
  compare?: FunctionCompare;
  /** 'shared' (default): module state persists across tests, as in jest. 'per-test': a fresh isolate per test. */
  isolation?: 'shared' | 'per-test';
}

/** One authored function test. */
export interface FunctionTestData {
  name: string;
  sample?: boolean;
  weight?: number;
  timeLimitMs?: number;
  args: JsonValue[];
  expected: JsonValue;
  compare?: FunctionCompare;
}

export interface FunctionTest extends CommonTestFields {
  args: JsonValue[];
  expected: JsonValue;
  compare: FunctionCompare;
}

const EXPORT_NAME = /^(?:default|[A-Za-z_$][A-Za-z0-9_$]*)$/;
const CHECKER_TIMEOUT_MS = 2_000;
export const MAX_CHECKER_SOURCE = 64 * 1024;

export function readCompare(raw: unknown, path: string): FunctionCompare {
  const record = readObject(raw, path, ['unorderedArrays', 'floatTolerance', 'checker']);
  const compare: FunctionCompare = {};
  const unordered = readOptionalBoolean(record, 'unorderedArrays', path);
  if (unordered !== undefined) compare.unorderedArrays = unordered;
  const tolerance = readOptionalNumber(record, 'floatTolerance', path, 0, 1e9);
  if (tolerance !== undefined) compare.floatTolerance = tolerance;
  const checker = readOptionalString(record, 'checker', path, { maxLength: MAX_CHECKER_SOURCE });
  if (checker !== undefined) compare.checker = checker;
  return compare;
}

function readIsolation(record: AuthoredObject, path: string): 'shared' | 'per-test' {
  const value = record.isolation;
  if (value === undefined || value === 'shared' || value === 'per-test') return value ?? 'shared';
  throw new HarnessDataError(`${path}.isolation`, "must be 'shared' or 'per-test'");
}

interface FunctionJobInput {
  args: string;
  expected?: string;
  checker?: number;
}

export const functionHarness: Harness<FunctionHarnessSpec, FunctionTest> = {
  kind: 'function',

  parseSpec(raw) {
    const record = readObject(raw, 'harness', ['kind', 'export', 'compare', 'isolation']);
    const spec: FunctionHarnessSpec = {
      kind: 'function',
      export: readString(record, 'export', 'harness', { pattern: EXPORT_NAME }),
      isolation: readIsolation(record, 'harness'),
    };
    if (record.compare !== undefined) spec.compare = readCompare(record.compare, 'harness.compare');
    return spec;
  },

  parseTests(raw, spec) {
    const seen = new Set<string>();
    return readTestList(raw).map((item, index) => {
      const path = `tests[${index}]`;
      const record = readObject(item, path, [...TEST_COMMON_KEYS, 'args', 'expected', 'compare']);
      if (!('expected' in record)) throw new HarnessDataError(`${path}.expected`, 'is required');
      const own = record.compare === undefined ? {} : readCompare(record.compare, `${path}.compare`);
      return {
        ...readCommonTestFields(record, path, seen),
        args: readArray(record, 'args', path, 100).map((arg, i) => readJson(arg, `${path}.args[${i}]`)),
        expected: readJson(record.expected, `${path}.expected`),
        compare: { ...spec.compare, ...own },
      };
    });
  },

  toSandboxJob(spec, tests, timeLimitsMs) {
    const checkers: string[] = [];
    return {
      spec: { export: spec.export, isolation: spec.isolation ?? 'shared', checkers },
      tests: tests.map((test, index) => {
        const input: FunctionJobInput = { args: JSON.stringify(test.args) };
        const checker = test.compare.checker;
        if (checker !== undefined) {
          // The one documented exception to "expected values stay on the host": an author's checker
          // needs them. It runs in its own isolate, so the candidate's code still never sees them.
          let slot = checkers.indexOf(checker);
          if (slot < 0) slot = checkers.push(checker) - 1;
          input.checker = slot;
          input.expected = JSON.stringify(test.expected);
        }
        return { id: test.id, input: { ...input }, timeLimitMs: timeLimitsMs[index] };
      }),
    };
  },

  grade({ test, report }): GradedTest {
    if (test === undefined) return { verdict: 'INTERNAL_ERROR', message: 'A result arrived for an unknown test' };
    const input = renderJson(test.args);
    const expected = renderJson(test.expected);
    const outcome = report.outcome;
    if (outcome.type === 'decided') {
      const passed = outcome.passed;
      return {
        verdict: passed ? 'ACCEPTED' : 'WRONG_ANSWER',
        message: passed ? 'Accepted' : test.sample && outcome.message !== '' ? outcome.message : 'Wrong answer',
        details: { input, expected, actual: outcome.actual ?? '' },
      };
    }
    if (outcome.type !== 'value') return { verdict: 'INTERNAL_ERROR', message: 'Unexpected outcome' };
    let actual;
    try {
      actual = decodeSandboxValue(outcome.value);
    } catch (error) {
      if (error instanceof MalformedValueError) return { verdict: 'INTERNAL_ERROR', message: error.message };
      throw error;
    }
    const passed = valuesMatch(actual, test.expected, test.compare);
    return {
      verdict: passed ? 'ACCEPTED' : 'WRONG_ANSWER',
      message: passed ? 'Accepted' : 'Wrong answer',
      details: { input, expected, actual: renderSandboxValue(actual) },
    };
  },

  async runInSandbox(session, job, report) {
    const spec = job.spec as { export: string; isolation: 'shared' | 'per-test'; checkers: string[] };
    const checkerRealms = new Map<number, { realm: SandboxRealm; runtime: ivm.Reference }>();
    const checkerFor = async (slot: number): Promise<{ realm: SandboxRealm; runtime: ivm.Reference }> => {
      let entry = checkerRealms.get(slot);
      if (entry === undefined || !entry.realm.alive) {
        const realm = await session.createRealm();
        const runtime = await realm.installRuntime(checkerRuntimeSource(spec.checkers[slot]), 'assay:checker');
        entry = { realm, runtime };
        checkerRealms.set(slot, entry);
      }
      return entry;
    };
    try {
      await runPlannedTests(session, job, report, {
        runtimeSource: FUNCTION_RUNTIME_SOURCE,
        runtimeFile: 'assay:function-runtime',
        attachArgs: [spec.export],
        isolation: spec.isolation,
        loadSolution: true,
        runTest: async (runtime, test, timeoutMs) => {
          const input = test.input as unknown as FunctionJobInput;
          const driven = await driveOperation(session, runtime, 'start', [input.args], timeoutMs);
          if (driven.type === 'failure') return { outcome: driven.outcome, timeMs: driven.timeMs, cpuMs: driven.cpuMs };
          let outcome: SandboxOutcome = outcomeOfState(driven.state);
          if (outcome.type === 'value' && input.checker !== undefined) {
            outcome = await runChecker(await checkerFor(input.checker), outcome.value, input);
          }
          return { outcome, timeMs: driven.timeMs, cpuMs: driven.cpuMs };
        },
      });
    } finally {
      for (const { realm } of checkerRealms.values()) realm.dispose();
    }
  },
};

async function runChecker(
  checker: { realm: SandboxRealm; runtime: ivm.Reference },
  actual: string,
  input: FunctionJobInput,
): Promise<SandboxOutcome> {
  let rendered = '';
  try {
    rendered = renderSandboxValue(decodeSandboxValue(actual));
  } catch {
    rendered = '[malformed]';
  }
  const invocation = await checker.realm.invoke(
    checker.runtime,
    'check',
    [actual, input.expected ?? 'null', input.args],
    { timeoutMs: CHECKER_TIMEOUT_MS },
  );
  if (invocation.type !== 'returned') {
    return {
      type: 'failure',
      verdict: 'INTERNAL_ERROR',
      message: `The challenge's checker failed: ${invocation.message}`,
    };
  }
  const state = parseRuntimeState(invocation.value) as
    { state: string; passed?: boolean; message?: string; error?: { message: string } } | undefined;
  if (state?.state === 'decided' && typeof state.passed === 'boolean') {
    return { type: 'decided', passed: state.passed, message: state.message ?? '', actual: rendered };
  }
  return {
    type: 'failure',
    verdict: 'INTERNAL_ERROR',
    message: `The challenge's checker failed: ${state?.error?.message ?? 'no verdict'}`,
  };
}
