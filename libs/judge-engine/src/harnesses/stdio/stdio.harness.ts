import { driveOperation, outcomeOfState, parseRuntimeState } from '../../sandbox/operation-driver.js';
import {
  readCommonTestFields,
  readObject,
  readOptionalBoolean,
  readOptionalNumber,
  readString,
  readTestList,
  TEST_COMMON_KEYS,
  type AuthoredObject,
  type CommonTestFields,
} from '../authored-data.js';
import { HarnessDataError, type GradedTest, type Harness, type SandboxOutcome } from '../harness.js';
import { runPlannedTests } from '../planned-tests.js';
import { STDIO_RUNTIME_SOURCE } from './stdio.runtime.js';

/**
 * Stdio harness: run the program once per test with the test's stdin and compare its stdout. Every
 * test gets a fresh isolate (a program's top level runs once per input).
 */
export interface StdioCompare {
  /**
   * 'trailing' (default): trailing spaces of each line and trailing blank lines are ignored;
   * 'exact': byte for byte; 'tokens': any run of whitespace separates tokens, layout is ignored.
   */
  whitespace?: 'exact' | 'trailing' | 'tokens';
  /** Default true. */
  caseSensitive?: boolean;
  /** With 'tokens': numeric tokens match within this tolerance (absolute or relative). */
  floatTolerance?: number;
}

export interface StdioHarnessSpec {
  kind: 'stdio';
  compare?: StdioCompare;
}

export interface StdioTestData {
  name: string;
  sample?: boolean;
  weight?: number;
  timeLimitMs?: number;
  stdin: string;
  expectedStdout: string;
  compare?: StdioCompare;
}

export interface StdioTest extends CommonTestFields {
  stdin: string;
  expectedStdout: string;
  compare: StdioCompare;
}

const MAX_TEXT = 8 * 1024 * 1024;

function readStdioCompare(raw: unknown, path: string): StdioCompare {
  const record: AuthoredObject = readObject(raw, path, ['whitespace', 'caseSensitive', 'floatTolerance']);
  const compare: StdioCompare = {};
  const whitespace = record.whitespace;
  if (whitespace !== undefined) {
    if (whitespace !== 'exact' && whitespace !== 'trailing' && whitespace !== 'tokens') {
      throw new HarnessDataError(`${path}.whitespace`, "must be 'exact', 'trailing' or 'tokens'");
    }
    compare.whitespace = whitespace;
  }
  const caseSensitive = readOptionalBoolean(record, 'caseSensitive', path);
  if (caseSensitive !== undefined) compare.caseSensitive = caseSensitive;
  const tolerance = readOptionalNumber(record, 'floatTolerance', path, 0, 1e9);
  if (tolerance !== undefined) compare.floatTolerance = tolerance;
  return compare;
}

function normalise(text: string, compare: StdioCompare): string[] {
  const cased = compare.caseSensitive === false ? text.toLowerCase() : text;
  switch (compare.whitespace ?? 'trailing') {
    case 'exact':
      return [cased];
    case 'tokens':
      return cased.split(/\s+/).filter((token) => token !== '');
    case 'trailing': {
      const lines = cased.split(/\r?\n/).map((line) => line.trimEnd());
      while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
      return lines;
    }
  }
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

export function stdoutMatches(actual: string, expected: string, compare: StdioCompare): boolean {
  const left = normalise(actual, compare);
  const right = normalise(expected, compare);
  if (left.length !== right.length) return false;
  const tolerance = compare.whitespace === 'tokens' ? compare.floatTolerance : undefined;
  return right.every((token, index) => {
    const candidate = left[index];
    if (candidate === token) return true;
    if (tolerance === undefined || !NUMBER.test(candidate) || !NUMBER.test(token)) return false;
    const difference = Math.abs(Number(candidate) - Number(token));
    return difference <= tolerance || difference <= tolerance * Math.abs(Number(token));
  });
}

function cap(text: string, limit = 2048): string {
  return text.length > limit ? `${text.slice(0, limit)}... [truncated]` : text;
}

export const stdioHarness: Harness<StdioHarnessSpec, StdioTest> = {
  kind: 'stdio',

  parseSpec(raw) {
    const record = readObject(raw, 'harness', ['kind', 'compare']);
    const spec: StdioHarnessSpec = { kind: 'stdio' };
    if (record.compare !== undefined) spec.compare = readStdioCompare(record.compare, 'harness.compare');
    return spec;
  },

  parseTests(raw, spec) {
    const seen = new Set<string>();
    return readTestList(raw).map((item, index) => {
      const path = `tests[${index}]`;
      const record = readObject(item, path, [...TEST_COMMON_KEYS, 'stdin', 'expectedStdout', 'compare']);
      return {
        ...readCommonTestFields(record, path, seen),
        stdin: readString(record, 'stdin', path, { maxLength: MAX_TEXT }),
        expectedStdout: readString(record, 'expectedStdout', path, { maxLength: MAX_TEXT }),
        compare: {
          ...spec.compare,
          ...(record.compare === undefined ? {} : readStdioCompare(record.compare, `${path}.compare`)),
        },
      };
    });
  },

  toSandboxJob(_spec, tests, timeLimitsMs) {
    return {
      spec: {},
      tests: tests.map((test, index) => ({ id: test.id, input: test.stdin, timeLimitMs: timeLimitsMs[index] })),
    };
  },

  grade({ test, report }): GradedTest {
    if (test === undefined) return { verdict: 'INTERNAL_ERROR', message: 'A result arrived for an unknown test' };
    const outcome = report.outcome;
    if (outcome.type !== 'value') return { verdict: 'INTERNAL_ERROR', message: 'Unexpected outcome' };
    const passed = stdoutMatches(outcome.value, test.expectedStdout, test.compare);
    return {
      verdict: passed ? 'ACCEPTED' : 'WRONG_ANSWER',
      message: passed ? 'Accepted' : 'Wrong answer',
      details: { input: cap(test.stdin), expected: cap(test.expectedStdout), actual: cap(outcome.value) },
    };
  },

  async runInSandbox(session, job, report) {
    await runPlannedTests(session, job, report, {
      runtimeSource: STDIO_RUNTIME_SOURCE,
      runtimeFile: 'assay:stdio-runtime',
      attachArgs: [],
      isolation: 'per-test',
      // The program runs inside each test, after its stdin is in place.
      loadSolution: false,
      runTest: async (runtime, test, timeoutMs) => {
        const started = performance.now();
        const set = await session.invoke(runtime, 'setInput', [test.input as string], { timeoutMs: 1_000 });
        if (set.type !== 'returned')
          return {
            outcome: { type: 'failure', verdict: 'INTERNAL_ERROR', message: 'The stdin could not be set' },
            timeMs: 0,
            cpuMs: 0,
          };
        const load = await session.loadSolution(timeoutMs);
        let cpuMs = load.type === 'failed' ? load.cpuMs : 0;
        if (load.type === 'failed') {
          // process.exit() at the top level ends the program; anything else fails the test.
          const state = session.alive
            ? await session.invoke(runtime, 'exitState', [], { timeoutMs: 1_000 })
            : undefined;
          const parsed = state?.type === 'returned' ? parseRuntimeState(state.value) : undefined;
          if (parsed === undefined || (parsed.state as string) === 'none') {
            const outcome: SandboxOutcome = {
              type: 'failure',
              verdict: load.verdict,
              message: load.message,
              ...(load.hiddenMessage === undefined ? {} : { hiddenMessage: load.hiddenMessage }),
            };
            return { outcome, timeMs: performance.now() - started, cpuMs };
          }
          return { outcome: outcomeOfState(parsed), timeMs: performance.now() - started, cpuMs };
        }
        const left = timeoutMs - (performance.now() - started);
        const driven = await driveOperation(session, runtime, 'finish', [], Math.max(1, left));
        cpuMs += driven.cpuMs;
        const outcome = driven.type === 'failure' ? driven.outcome : outcomeOfState(driven.state);
        return { outcome, timeMs: performance.now() - started, cpuMs };
      },
    });
  },
};
