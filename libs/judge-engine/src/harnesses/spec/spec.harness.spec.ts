import { describe, expect, it } from '@jest/globals';
import { HarnessDataError } from '../harness.js';
import { outcomesByName, runSpecChallenge, type SpecRunResult } from './spec-sandbox.fixture.js';
import { specHarness as sut } from './spec.harness.js';

const TWO_SUM = `export function twoSum(nums: number[], target: number): [number, number] | null {
  const seen = new Map<number, number>();
  for (let i = 0; i < nums.length; i++) {
    const j = seen.get(target - nums[i]!);
    if (j !== undefined) return [j, i];
    seen.set(nums[i]!, i);
  }
  return null;
}`;

const TWO_SUM_SPEC = `import { describe, expect, it } from '@jest/globals';
import { twoSum } from './solution';

describe('twoSum', () => {
  it('finds the pair', () => {
    expect(twoSum([2, 7, 11, 15], 9)).toEqual([0, 1]);
  });
  it('returns null without a pair', () => {
    expect(twoSum([1, 2], 10)).toBeNull();
  });
});
`;

function reportsOf(result: SpecRunResult) {
  if (result.type !== 'ran') throw new Error('compile error');
  return result.reports;
}

describe('specHarness host half', () => {
  it('accepts a spec with files and defaults the solution module name', () => {
    const spec = sut.parseSpec({ kind: 'spec', files: [{ path: 'a.test.ts', source: 'test("x", () => {})' }] });
    expect(spec.solution).toBe('solution');
    expect(spec.files).toHaveLength(1);
  });

  it.each([
    [{ kind: 'spec', files: [] }, 'harness.files'],
    [{ kind: 'spec', files: [{ path: '../x.test.ts', source: '' }] }, 'harness.files[0].path'],
    [{ kind: 'spec', files: [{ path: 'x.test.py', source: '' }] }, 'harness.files[0].path'],
    [{ kind: 'spec', files: [{ path: 'a.ts', source: '', helper: true }] }, 'harness.files'],
    [{ kind: 'spec', files: [{ path: 'solution.ts', source: '' }] }, 'harness.files'],
    [{ kind: 'spec', files: [{ path: 'a.test.ts', source: '' }], typo: 1 }, 'harness.typo'],
  ])('refuses invalid authored data %#', (raw, path) => {
    let error: unknown;
    try {
      sut.parseSpec(raw);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HarnessDataError);
    expect((error as HarnessDataError).path).toBe(path);
  });

  it('treats a test list as the plan and keeps expected data out of the job', () => {
    const spec = sut.parseSpec({ kind: 'spec', files: [{ path: 'a.test.ts', source: '' }] });
    const tests = sut.parseTests([{ name: 'a › b', weight: 3, sample: true }], spec);
    expect(tests).toEqual([{ id: 'a › b', name: 'a › b', sample: true, weight: 3 }]);
    const job = sut.toSandboxJob(spec, tests, [1500]);
    expect(job.tests).toEqual([{ id: 'a › b', input: { name: 'a › b' }, timeLimitMs: 1500 }]);
  });

  it("gives discovered tests the challenge's per-test limit when there is no plan", () => {
    const spec = sut.parseSpec({ kind: 'spec', files: [{ path: 'a.test.ts', source: '' }] });
    const job = sut.toSandboxJob(spec, [], [], 750);
    expect((job.spec as unknown as { timeLimitMs: number }).timeLimitMs).toBe(750);
    const own = sut.parseSpec({ kind: 'spec', files: [{ path: 'a.test.ts', source: '' }], timeLimitMs: 300 });
    expect((sut.toSandboxJob(own, [], [], 750).spec as unknown as { timeLimitMs: number }).timeLimitMs).toBe(300);
  });

  it('shows the full assertion message for sample tests and only the matcher for hidden ones', () => {
    const spec = sut.parseSpec({ kind: 'spec', files: [{ path: 'a.test.ts', source: '' }] });
    const report = {
      testId: 't',
      name: 't',
      outcome: {
        type: 'decided' as const,
        passed: false,
        message: 'expect(received).toBe(expected) // Object.is equality\n\nExpected: 42\nReceived: 41',
        expected: '42',
        actual: '41',
      },
      timeMs: 1,
      cpuMs: 1,
      console: '',
    };
    const hidden = sut.grade({ spec, test: { id: 't', name: 't', sample: false, weight: 1 }, report });
    const sample = sut.grade({ spec, test: { id: 't', name: 't', sample: true, weight: 1 }, report });
    expect(hidden.verdict).toBe('WRONG_ANSWER');
    expect(hidden.message).toBe('Assertion failed: expect(received).toBe(expected) // Object.is equality');
    expect(sample.message).toContain('Expected: 42');
  });
});

describe('specHarness in the sandbox', () => {
  it('runs a TypeScript ES-module spec against a TypeScript solution', async () => {
    const result = await runSpecChallenge({
      harness: { files: [{ path: 'two-sum.test.ts', source: TWO_SUM_SPEC, sample: true }] },
      language: 'typescript',
      source: TWO_SUM,
    });
    expect(outcomesByName(result)).toEqual({
      'twoSum › finds the pair': 'passed',
      'twoSum › returns null without a pair': 'passed',
    });
    expect(reportsOf(result).every((report) => report.sample === true)).toBe(true);
  });

  it('fails a subtly wrong solution with a jest-like message', async () => {
    const wrong = TWO_SUM.replace('return null;', 'return [0, 0];');
    const result = await runSpecChallenge({
      harness: { files: [{ path: 'two-sum.test.ts', source: TWO_SUM_SPEC }] },
      language: 'typescript',
      source: wrong,
    });
    const failed = reportsOf(result).find((report) => report.name === 'twoSum › returns null without a pair')!;
    expect(failed.outcome).toMatchObject({ type: 'decided', passed: false, expected: 'null', actual: '[0, 0]' });
    expect(failed.outcome.type === 'decided' && failed.outcome.message).toBe(
      'expect(received).toBeNull()\n\nReceived: [0, 0]',
    );
    expect(failed.graded?.verdict).toBe('WRONG_ANSWER');
  });

  it('times out a test waiting on a later timer without firing that timer early', async () => {
    const spec = `import { expect, test } from '@jest/globals';
let fired = false;
test('waits past its timeout', async () => {
  await new Promise((resolve) => setTimeout(() => { fired = true; resolve(undefined); }, 10_000));
}, 100);
test('the late timer has not run', () => {
  expect(fired).toBe(false);
});
`;
    const result = await runSpecChallenge({
      harness: { files: [{ path: 'timers.test.ts', source: spec }] },
      language: 'typescript',
      source: TWO_SUM,
    });
    expect(outcomesByName(result)).toEqual({
      'waits past its timeout': 'failed',
      'the late timer has not run': 'passed',
    });
  });

  it('runs a CommonJS spec against a CommonJS solution', async () => {
    const source = `const { sum } = require('./solution.js');\ntest('adds', () => { expect(sum(1, 2)).toBe(3); });\ntest('adds negatives', () => { expect(sum(-1, -2)).toBe(-3); });`;
    const result = await runSpecChallenge({
      harness: { files: [{ path: 'sum.test.js', source }] },
      language: 'javascript',
      source: 'module.exports = { sum: (a, b) => (a < 0 ? a - b : a + b) };',
    });
    expect(outcomesByName(result)).toEqual({ adds: 'passed', 'adds negatives': 'failed' });
  });

  it('links an ES-module spec to a CommonJS solution and a CommonJS spec to an ES-module solution', async () => {
    const esmSpec = `import sum, { twice } from './solution.js';\ntest('default', () => expect(sum(2, 3)).toBe(5));\ntest('named', () => expect(twice(4)).toBe(8));`;
    const cjsSolution = 'function sum(a, b) { return a + b; }\nsum.twice = (x) => 2 * x;\nmodule.exports = sum;';
    expect(
      outcomesByName(
        await runSpecChallenge({
          harness: { files: [{ path: 's.test.mjs', source: esmSpec }] },
          language: 'javascript',
          source: cjsSolution,
        }),
      ),
    ).toEqual({
      default: 'passed',
      named: 'passed',
    });
    const cjsSpec = `const solution = require('./solution');\ntest('default', () => expect(solution.default(2, 3)).toBe(5));\ntest('named', () => expect(solution.twice(4)).toBe(8));`;
    const esmSolution = 'export default function sum(a, b) { return a + b; }\nexport const twice = (x) => 2 * x;';
    expect(
      outcomesByName(
        await runSpecChallenge({
          harness: { files: [{ path: 's.test.js', source: cjsSpec }] },
          language: 'javascript',
          source: esmSolution,
        }),
      ),
    ).toEqual({
      default: 'passed',
      named: 'passed',
    });
  });

  it('reports only the listed tests, and fails listed tests that are skipped or missing', async () => {
    const source = `import { add } from './solution';\ntest('one', () => expect(add(1, 1)).toBe(2));\ntest('two', () => expect(add(1, 2)).toBe(3));\ntest.skip('three', () => {});`;
    const result = await runSpecChallenge({
      harness: { files: [{ path: 'add.test.ts', source }] },
      tests: [{ name: 'one', weight: 2 }, { name: 'three' }, { name: 'four' }],
      language: 'typescript',
      source: 'export const add = (a: number, b: number) => a + b;',
    });
    const reports = reportsOf(result);
    expect(
      reports.map((report) => [report.testId, report.outcome.type === 'decided' && report.outcome.passed]).sort(),
    ).toEqual([
      ['four', false],
      ['one', true],
      ['three', false],
    ]);
    expect(reports.find((report) => report.testId === 'three')?.outcome).toMatchObject({
      message: expect.stringContaining('skipped'),
    });
  });

  it('runs each test file in a fresh realm and prefixes names with the file', async () => {
    const counterSpec = (name: string) =>
      `import { next } from './solution';\ntest('${name}', () => expect(next()).toBe(1));`;
    const result = await runSpecChallenge({
      harness: {
        files: [
          { path: 'a.test.ts', source: counterSpec('first') },
          { path: 'b.test.ts', source: counterSpec('second') },
        ],
      },
      language: 'typescript',
      source: 'let n = 0;\nexport const next = () => ++n;',
    });
    expect(outcomesByName(result)).toEqual({ 'a.test.ts › first': 'passed', 'b.test.ts › second': 'passed' });
  });

  it('imports helper modules of the spec', async () => {
    const result = await runSpecChallenge({
      harness: {
        files: [
          {
            path: 'fixtures/cases.ts',
            source: 'export const cases: Array<[number, number]> = [[1, 2], [5, 10]];',
            helper: true,
          },
          {
            path: 'double.test.ts',
            source:
              "import { cases } from './fixtures/cases';\nimport { double } from './solution';\ntest.each(cases)('double(%i) is %i', (x, y) => expect(double(x)).toBe(y));",
          },
        ],
      },
      language: 'typescript',
      source: 'export const double = (x: number) => x * 2;',
    });
    expect(outcomesByName(result)).toEqual({ 'double(1) is 2': 'passed', 'double(5) is 10': 'passed' });
  });

  it('fails every listed test with the reason when the solution cannot load', async () => {
    const result = await runSpecChallenge({
      harness: { files: [{ path: 'two-sum.test.ts', source: TWO_SUM_SPEC }] },
      tests: [{ name: 'twoSum › finds the pair' }, { name: 'twoSum › returns null without a pair' }],
      language: 'javascript',
      source: 'throw new TypeError("boom");',
    });
    const reports = reportsOf(result);
    expect(reports).toHaveLength(2);
    for (const report of reports) expect(report.outcome).toMatchObject({ type: 'failure', verdict: 'RUNTIME_ERROR' });
  });

  it('reports a spec whose top level throws as one failed test when no tests are listed', async () => {
    const result = await runSpecChallenge({
      harness: {
        files: [{ path: 'broken.test.js', source: "describe('x', () => { throw new Error('author bug'); });" }],
      },
      language: 'javascript',
      source: 'module.exports = {};',
    });
    const reports = reportsOf(result);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      name: 'broken.test.js › (test file failed to run)',
      outcome: { type: 'failure', verdict: 'RUNTIME_ERROR' },
    });
    expect(reports[0].outcome.type === 'failure' && reports[0].outcome.message).toContain('author bug');
  });

  it('attributes console output to the test that printed it', async () => {
    const source = `import { shout } from './solution';\ntest('a', () => { shout('one'); });\ntest('b', () => { shout('two'); });`;
    const result = await runSpecChallenge({
      harness: { files: [{ path: 'c.test.ts', source }] },
      language: 'typescript',
      source: 'export const shout = (s: string) => console.log(s);',
    });
    expect(reportsOf(result).map((report) => report.console)).toEqual(['one\n', 'two\n']);
  });
});
