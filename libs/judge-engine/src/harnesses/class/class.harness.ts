import {
  decodeSandboxValue,
  MalformedValueError,
  renderJson,
  renderSandboxValue,
  type SandboxValue,
} from '../../grading/sandbox-value.js';
import { valuesMatch } from '../../grading/value-comparison.js';
import { driveOperation, outcomeOfState } from '../../sandbox/operation-driver.js';
import {
  readArray,
  readCommonTestFields,
  readJson,
  readObject,
  readOptionalString,
  readString,
  readTestList,
  TEST_COMMON_KEYS,
  type CommonTestFields,
} from '../authored-data.js';
import { readCompare, type FunctionCompare } from '../function/function.harness.js';
import { HarnessDataError, type GradedTest, type Harness, type JsonValue } from '../harness.js';
import { runPlannedTests } from '../planned-tests.js';
import { CLASS_RUNTIME_SOURCE } from './class.runtime.js';

/**
 * Class harness: construct an exported class and replay a sequence of calls (LRU caches, rate limiters,
 * schedulers), each with an expected result. Expected values stay in the judge process.
 */
export interface ClassHarnessSpec {
  kind: 'class';
  /** Name of the exported class; 'default' for a default export or `module.exports = Class`. */
  export: string;
  /** Defaults for every call's comparison (no checker: calls compare with deep equality). */
  compare?: Omit<FunctionCompare, 'checker'>;
  /** 'per-test' (default): a fresh isolate per test, so static state cannot leak between sequences. */
  isolation?: 'shared' | 'per-test';
}

/** One step: a method call or a property read. */
export interface ClassStepData {
  /** Method to call... */
  call?: string;
  args?: JsonValue[];
  /** ...or property to read (getters run). */
  property?: string;
  /** Expected result (awaited if a promise); omitted: anything but an exception passes. */
  expected?: JsonValue;
  /** The call must throw; a string also requires that error name (e.g. 'RangeError'). */
  throws?: boolean | string;
  compare?: Omit<FunctionCompare, 'checker'>;
}

export interface ClassTestData {
  name: string;
  sample?: boolean;
  weight?: number;
  timeLimitMs?: number;
  constructorArgs?: JsonValue[];
  steps: ClassStepData[];
}

interface ClassStep {
  call?: string;
  property?: string;
  args: JsonValue[];
  expected?: JsonValue;
  throws?: boolean | string;
  compare: Omit<FunctionCompare, 'checker'>;
}

export interface ClassTest extends CommonTestFields {
  constructorArgs: JsonValue[];
  steps: ClassStep[];
}

const MEMBER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const EXPORT_NAME = /^(?:default|[A-Za-z_$][A-Za-z0-9_$]*)$/;
const MAX_STEPS = 10_000;

type StepEntry = { r: string } | { t: { name: string; message: string } } | { o: 1 } | { d: 1 };

function readStep(raw: unknown, path: string, defaults: Omit<FunctionCompare, 'checker'>): ClassStep {
  const record = readObject(raw, path, ['call', 'args', 'property', 'expected', 'throws', 'compare']);
  const call = readOptionalString(record, 'call', path, { pattern: MEMBER });
  const property = readOptionalString(record, 'property', path, { pattern: MEMBER });
  if ((call === undefined) === (property === undefined))
    throw new HarnessDataError(path, "needs exactly one of 'call' and 'property'");
  if (property !== undefined && record.args !== undefined)
    throw new HarnessDataError(`${path}.args`, 'a property read takes no arguments');
  const throws = record.throws;
  if (throws !== undefined && typeof throws !== 'boolean' && typeof throws !== 'string')
    throw new HarnessDataError(`${path}.throws`, 'must be true, false or an error name');
  if (throws !== undefined && throws !== false && 'expected' in record)
    throw new HarnessDataError(path, 'cannot expect both a result and an exception');
  const own = record.compare === undefined ? {} : readCompare(record.compare, `${path}.compare`);
  if ('checker' in own) throw new HarnessDataError(`${path}.compare.checker`, 'is not supported by the class harness');
  const step: ClassStep = {
    args:
      record.args === undefined
        ? []
        : readArray(record, 'args', path, 100).map((arg, index) => readJson(arg, `${path}.args[${index}]`)),
    compare: { ...defaults, ...own },
  };
  if (call !== undefined) step.call = call;
  if (property !== undefined) step.property = property;
  if ('expected' in record) step.expected = readJson(record.expected, `${path}.expected`);
  if (throws !== undefined && throws !== false) step.throws = throws;
  return step;
}

function describeStep(step: ClassStep, index: number): string {
  return step.call !== undefined
    ? `Call #${index + 1} ${step.call}(${step.args.map((arg) => renderJson(arg, 200)).join(', ')})`
    : `Step #${index + 1} .${step.property ?? ''}`;
}

function parseEntries(text: string): StepEntry[] | undefined {
  try {
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? (parsed as StepEntry[]) : undefined;
  } catch {
    return undefined;
  }
}

export const classHarness: Harness<ClassHarnessSpec, ClassTest> = {
  kind: 'class',

  parseSpec(raw) {
    const record = readObject(raw, 'harness', ['kind', 'export', 'compare', 'isolation']);
    const isolation = record.isolation ?? 'per-test';
    if (isolation !== 'shared' && isolation !== 'per-test')
      throw new HarnessDataError('harness.isolation', "must be 'shared' or 'per-test'");
    const spec: ClassHarnessSpec = {
      kind: 'class',
      export: readString(record, 'export', 'harness', { pattern: EXPORT_NAME }),
      isolation,
    };
    if (record.compare !== undefined) {
      const compare = readCompare(record.compare, 'harness.compare');
      if (compare.checker !== undefined)
        throw new HarnessDataError('harness.compare.checker', 'is not supported by the class harness');
      spec.compare = compare;
    }
    return spec;
  },

  parseTests(raw, spec) {
    const seen = new Set<string>();
    return readTestList(raw).map((item, index) => {
      const path = `tests[${index}]`;
      const record = readObject(item, path, [...TEST_COMMON_KEYS, 'constructorArgs', 'steps']);
      const steps = readArray(record, 'steps', path, MAX_STEPS);
      if (steps.length === 0) throw new HarnessDataError(`${path}.steps`, 'must contain at least one step');
      return {
        ...readCommonTestFields(record, path, seen),
        constructorArgs:
          record.constructorArgs === undefined
            ? []
            : readArray(record, 'constructorArgs', path, 100).map((arg, i) =>
                readJson(arg, `${path}.constructorArgs[${i}]`),
              ),
        steps: steps.map((step, i) => readStep(step, `${path}.steps[${i}]`, spec.compare ?? {})),
      };
    });
  },

  toSandboxJob(spec, tests, timeLimitsMs) {
    return {
      spec: { export: spec.export, isolation: spec.isolation ?? 'per-test' },
      tests: tests.map((test, index) => ({
        id: test.id,
        // Calls only: expected results and expected exceptions stay here.
        input: JSON.stringify({
          ctorArgs: test.constructorArgs,
          steps: test.steps.map((step) => ({ m: step.call ?? null, a: step.args, p: step.property ?? null })),
        }),
        timeLimitMs: timeLimitsMs[index],
      })),
    };
  },

  grade({ spec, test, report }): GradedTest {
    if (test === undefined) return { verdict: 'INTERNAL_ERROR', message: 'A result arrived for an unknown test' };
    const outcome = report.outcome;
    if (outcome.type !== 'value') return { verdict: 'INTERNAL_ERROR', message: 'Unexpected outcome' };
    const entries = parseEntries(outcome.value);
    if (entries === undefined || entries.length === 0)
      return { verdict: 'INTERNAL_ERROR', message: 'The sandbox returned a malformed replay' };
    const input = `new ${spec.export}(${test.constructorArgs.map((arg) => renderJson(arg, 200)).join(', ')}); ${test.steps.map((step, i) => describeStep(step, i)).join('; ')}`;
    const expectedText = test.steps
      .map((step) =>
        step.throws !== undefined
          ? `throws${typeof step.throws === 'string' ? ` ${step.throws}` : ''}`
          : step.expected === undefined
            ? '(any)'
            : renderJson(step.expected, 200),
      )
      .join(', ');
    const actualParts: string[] = [];
    const details = (): GradedTest['details'] => ({ input, expected: expectedText, actual: actualParts.join(', ') });
    const construction = entries[0];
    if ('t' in construction) {
      return {
        verdict: 'RUNTIME_ERROR',
        message: test.sample
          ? `The constructor threw: ${construction.t.message}`
          : `The constructor threw ${construction.t.name}`,
        details: details(),
      };
    }
    if (entries.length !== test.steps.length + 1)
      return { verdict: 'INTERNAL_ERROR', message: 'The sandbox returned a malformed replay' };
    for (const [index, step] of test.steps.entries()) {
      const entry = entries[index + 1];
      const label = describeStep(step, index);
      const hiddenLabel = `${step.call !== undefined ? 'Call' : 'Step'} #${index + 1}`;
      if ('o' in entry)
        return {
          verdict: 'OUTPUT_LIMIT_EXCEEDED',
          message: `${hiddenLabel} returned a value over the output limit`,
          details: details(),
        };
      if ('d' in entry)
        return {
          verdict: 'RUNTIME_ERROR',
          message: `${hiddenLabel} returned a value nested too deeply`,
          details: details(),
        };
      if ('t' in entry) {
        actualParts.push(`threw ${entry.t.name}`);
        if (step.throws === undefined) {
          return {
            verdict: 'RUNTIME_ERROR',
            message: test.sample ? `${label} threw: ${entry.t.message}` : `${hiddenLabel} threw ${entry.t.name}`,
            details: details(),
          };
        }
        if (typeof step.throws === 'string' && entry.t.name !== step.throws) {
          return {
            verdict: 'WRONG_ANSWER',
            message: test.sample
              ? `${label} threw ${entry.t.name}, expected ${step.throws}`
              : `${hiddenLabel} threw the wrong error`,
            details: details(),
          };
        }
        continue;
      }
      let actual: SandboxValue;
      try {
        actual = decodeSandboxValue(entry.r);
      } catch (error) {
        if (error instanceof MalformedValueError) return { verdict: 'INTERNAL_ERROR', message: error.message };
        throw error;
      }
      actualParts.push(renderSandboxValue(actual, 200));
      if (step.throws !== undefined)
        return {
          verdict: 'WRONG_ANSWER',
          message: test.sample ? `${label} should have thrown` : `${hiddenLabel} should have thrown`,
          details: details(),
        };
      if (step.expected !== undefined && !valuesMatch(actual, step.expected, step.compare)) {
        return {
          verdict: 'WRONG_ANSWER',
          message: test.sample
            ? `${label} returned ${renderSandboxValue(actual, 200)}, expected ${renderJson(step.expected, 200)}`
            : `${hiddenLabel} returned a wrong value`,
          details: details(),
        };
      }
    }
    return { verdict: 'ACCEPTED', message: 'Accepted', details: details() };
  },

  async runInSandbox(session, job, report) {
    const spec = job.spec as { export: string; isolation: 'shared' | 'per-test' };
    await runPlannedTests(session, job, report, {
      runtimeSource: CLASS_RUNTIME_SOURCE,
      runtimeFile: 'assay:class-runtime',
      attachArgs: [spec.export],
      isolation: spec.isolation,
      loadSolution: true,
      runTest: async (runtime, test, timeoutMs) => {
        const driven = await driveOperation(session, runtime, 'start', [test.input as string], timeoutMs);
        if (driven.type === 'failure') return { outcome: driven.outcome, timeMs: driven.timeMs, cpuMs: driven.cpuMs };
        return { outcome: outcomeOfState(driven.state), timeMs: driven.timeMs, cpuMs: driven.cpuMs };
      },
    });
  },
};
