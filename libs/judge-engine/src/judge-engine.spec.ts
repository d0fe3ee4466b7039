import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JudgeInputError } from './judge-input.error.js';
import { JudgeEngine, validateHarnessData } from './judge-engine.js';
import { CORRECT_SOLVE, newFunctionSubmission } from './testing/new-submission.js';
import type { TestOutcome } from './verdict.js';

let sut: JudgeEngine;

beforeAll(async () => {
  sut = await JudgeEngine.start({ workers: 2, killGraceMs: 1_000 });
});

afterAll(async () => {
  await sut.stop();
});

describe('languages and module formats', () => {
  it.each([
    ['CommonJS module.exports', 'module.exports = { solve(a, b) { return a + b; } };'],
    ['CommonJS exports.x', 'exports.solve = (a, b) => a + b;'],
    ['CommonJS module.exports = function', 'module.exports = function solve(a, b) { return a + b; };'],
    ['ES module named export', 'export function solve(a, b) { return a + b; }'],
    ['ES module export list', 'const solve = (a, b) => a + b;\nexport { solve };'],
    [
      'ES module with top-level await',
      'const base = await Promise.resolve(0);\nexport const solve = (a, b) => base + a + b;',
    ],
    ['hashbang', '#!/usr/bin/env node\nexports.solve = (a, b) => a + b;'],
  ])('accepts JavaScript: %s', async (_label, source) => {
    const result = await sut.judge(newFunctionSubmission(source));
    expect(result.verdict).toBe('ACCEPTED');
    expect(result.score).toEqual({ passed: 2, total: 2 });
  });

  it('accepts a default export when the harness asks for it', async () => {
    const result = await sut.judge(newFunctionSubmission('export default (a, b) => a + b;', { export: 'default' }));
    expect(result.verdict).toBe('ACCEPTED');
  });

  it.each([
    ['ES module', 'export function solve(a: number, b: number): number {\n  return a + b;\n}'],
    ['CommonJS', 'interface Pair { a: number }\nmodule.exports = { solve: (a: number, b: number): number => a + b };'],
    [
      'enum and generics',
      'enum Op { Add }\nfunction apply<T extends number>(op: Op, a: T, b: T): number { return op === Op.Add ? a + b : 0; }\nexport const solve = (a: number, b: number) => apply(Op.Add, a, b);',
    ],
  ])('accepts TypeScript: %s', async (_label, source) => {
    const result = await sut.judge(newFunctionSubmission(source, { language: 'typescript' }));
    expect(result.verdict).toBe('ACCEPTED');
  });

  it('does not treat TypeScript type errors as verdicts', async () => {
    const result = await sut.judge(
      newFunctionSubmission('export function solve(a: number, b: number): string {\n  return a + b;\n}', {
        language: 'typescript',
      }),
    );
    expect(result.verdict).toBe('ACCEPTED');
  });

  it('reports a TypeScript syntax error with line and column', async () => {
    const result = await sut.judge(
      newFunctionSubmission('export function solve(a: number, b: number) {\n  return a +* b;\n}', {
        language: 'typescript',
      }),
    );
    expect(result.verdict).toBe('COMPILATION_ERROR');
    expect(result.compileError).toMatchObject({ line: 2, column: 13 });
    expect(result.tests.map((test) => test.verdict)).toEqual(['COMPILATION_ERROR', 'COMPILATION_ERROR']);
  });

  it('reports a JavaScript syntax error in an ES module with line and column', async () => {
    const result = await sut.judge(
      newFunctionSubmission('export const x = 1;\n\nexport function solve(a, b) {\n  return a b;\n}'),
    );
    expect(result.verdict).toBe('COMPILATION_ERROR');
    expect(result.compileError).toMatchObject({ line: 4, column: 12 });
  });

  it('fails every test of a solution that throws while loading, quoting the error only for samples', async () => {
    const result = await sut.judge(newFunctionSubmission('throw new RangeError("boom at load");'));
    expect(result.tests.map((test) => test.verdict)).toEqual(['RUNTIME_ERROR', 'RUNTIME_ERROR']);
    expect(result.tests[0].message).toContain('boom at load');
    expect(result.tests[1].message).toBe('The solution threw RangeError while loading');
  });

  it("points a TypeScript runtime error's stack trace at the candidate's own line", async () => {
    const source = [
      'interface Pair {',
      '  a: number;',
      '  b: number;',
      '}',
      '',
      'export function solve(a: number, b: number): number {',
      '  const pair: Pair = { a, b };',
      "  if (pair.a > 0) throw new Error('boom in solve');",
      '  return a + b;',
      '}',
    ].join('\n');
    const result = await sut.judge(newFunctionSubmission(source, { language: 'typescript' }));
    expect(result.tests[0].verdict).toBe('RUNTIME_ERROR');
    expect(result.tests[0].message).toContain('boom in solve');
    expect(result.tests[0].message).toMatch(/solution\.ts:8:\d+/);
    expect(result.tests[0].message).not.toContain('solution.js');
  });

  it('refuses imports: the sandbox provides no modules', async () => {
    const result = await sut.judge(newFunctionSubmission("import fs from 'node:fs';\nexport const solve = () => fs;"));
    expect(result.verdict).toBe('RUNTIME_ERROR');
    const required = await sut.judge(newFunctionSubmission("const fs = require('fs');\nexports.solve = () => 3;"));
    expect(required.tests[0].message).toContain("Cannot find module 'fs'");
  });
});

describe('results', () => {
  it('streams each outcome through onTestFinished as it is known', async () => {
    const streamed: TestOutcome[] = [];
    const result = await sut.judge(newFunctionSubmission(CORRECT_SOLVE), {
      onTestFinished: (outcome) => streamed.push(outcome),
    });
    expect(streamed.map((outcome) => outcome.testId)).toEqual(['sample', 'hidden']);
    expect(streamed).toEqual(result.tests);
  });

  it('shows input, expected, actual and console for sample tests only', async () => {
    const result = await sut.judge(
      newFunctionSubmission('exports.solve = (a, b) => { console.log("got", a, b); return a * b; };'),
    );
    const [sample, hidden] = result.tests;
    expect(sample).toMatchObject({
      verdict: 'WRONG_ANSWER',
      details: { input: '[1,2]', expected: '3', actual: '2' },
      console: 'got 1 2\n',
    });
    expect(hidden.details).toBeUndefined();
    expect(hidden.console).toBeUndefined();
    expect(hidden.message).toBe('Wrong answer');
    expect(result.message).toBe("Wrong answer on test 'sample'");
  });

  it('reports time and CPU per test, and weights in the score', async () => {
    const result = await sut.judge(
      newFunctionSubmission(
        'exports.solve = (a) => { let x = 0; for (let i = 0; i < 2e6; i++) x += i % 3; return a > 5 ? -1 : a; };',
        {
          tests: [
            { name: 'light', args: [1], expected: 1, weight: 1 },
            { name: 'heavy', args: [9], expected: 9, weight: 3 },
          ],
          limits: { timeLimitMs: 3_000 },
        },
      ),
    );
    expect(result.score).toEqual({ passed: 1, total: 4 });
    expect(result.message).toBe('Wrong answer on hidden test #2');
    for (const test of result.tests) {
      expect(test.timeMs).toBeGreaterThan(0);
      expect(test.cpuMs).toBeGreaterThan(0);
    }
  });

  it('compares with unordered arrays, float tolerance and an author checker', async () => {
    const source =
      'exports.solve = (kind) => kind === "set" ? [3, 1, [2, 1]] : kind === "float" ? 0.1 + 0.2 : { even: 4 };';
    const result = await sut.judge(
      newFunctionSubmission(source, {
        tests: [
          { name: 'unordered', args: ['set'], expected: [[1, 2], 1, 3], compare: { unorderedArrays: true } },
          { name: 'ordered', args: ['set'], expected: [[1, 2], 1, 3] },
          { name: 'tolerance', args: ['float'], expected: 0.3, compare: { floatTolerance: 1e-9 } },
          { name: 'exact float', args: ['float'], expected: 0.3 },
          {
            name: 'checker',
            sample: true,
            args: ['even'],
            expected: null,
            compare: {
              checker:
                '(actual, expected, args) => ({ pass: actual.even % 2 === 0 && args[0] === "even", message: "odd" })',
            },
          },
          {
            name: 'checker fails',
            sample: true,
            args: ['even'],
            expected: null,
            compare: { checker: '(actual) => actual.even > 10' },
          },
        ],
      }),
    );
    expect(result.tests.map((test) => test.verdict)).toEqual([
      'ACCEPTED',
      'WRONG_ANSWER',
      'ACCEPTED',
      'WRONG_ANSWER',
      'ACCEPTED',
      'WRONG_ANSWER',
    ]);
    expect(result.tests[4].details?.actual).toBe('{"even":4}');
  });

  it('reports a broken author checker as INTERNAL_ERROR, never a pass', async () => {
    const result = await sut.judge(
      newFunctionSubmission(CORRECT_SOLVE, {
        tests: [
          { name: 'broken', args: [1, 2], expected: 3, compare: { checker: '() => { throw new Error("bug") }' } },
        ],
      }),
    );
    expect(result.verdict).toBe('INTERNAL_ERROR');
  });

  it('awaits async solutions and drives virtual timers', async () => {
    const result = await sut.judge(
      newFunctionSubmission(
        `exports.solve = async (a, b) => {
           const start = Date.now();
           await new Promise((resolve) => setTimeout(resolve, 60_000));
           let ticks = 0;
           await new Promise((resolve) => { const id = setInterval(() => { if (++ticks === 3) { clearInterval(id); resolve(); } }, 1000); });
           return Date.now() - start === 63_000 ? a + b : -1;
         };`,
      ),
    );
    expect(result.verdict).toBe('ACCEPTED');
    expect(result.tests[0].timeMs).toBeLessThan(1_000);
  });
});

describe('spec harness through the engine', () => {
  it('runs jest-style spec files against the solution', async () => {
    const spec = {
      kind: 'spec',
      files: [
        {
          path: 'add.test.js',
          sample: true,
          source:
            "import { add } from './solution';\ndescribe('add', () => {\n  it('adds', () => { expect(add(1, 2)).toBe(3); });\n  it('adds negatives', () => { expect(add(-1, -2)).toEqual(-3); });\n});",
        },
      ],
    };
    const passing = await sut.judge({
      language: 'typescript',
      source: 'export const add = (a: number, b: number) => a + b;',
      harness: spec,
      tests: [],
    });
    expect(passing.verdict).toBe('ACCEPTED');
    expect(passing.tests.map((test) => test.name)).toEqual(['add › adds', 'add › adds negatives']);
    const failing = await sut.judge({
      language: 'javascript',
      source: 'exports.add = (a, b) => Math.abs(a + b);',
      harness: spec,
      tests: [],
    });
    expect(failing.tests.map((test) => test.verdict)).toEqual(['ACCEPTED', 'WRONG_ANSWER']);
  });
});

describe('validation of authored data', () => {
  it('names the path of the first problem', () => {
    expect(() =>
      validateHarnessData({ kind: 'function', export: 'solve' }, [{ name: 'a', args: [1], expexted: 2 }]),
    ).toThrow(JudgeInputError);
    expect(() =>
      validateHarnessData({ kind: 'function', export: 'solve' }, [{ name: 'a', args: [1], expexted: 2 }]),
    ).toThrow('tests[0].expexted');
    expect(() =>
      validateHarnessData({ kind: 'function', export: '1bad' }, [{ name: 'a', args: [], expected: 1 }]),
    ).toThrow('harness.export');
    expect(() => validateHarnessData({ kind: 'nope' }, [])).toThrow("'nope' is not a harness kind");
    expect(() =>
      validateHarnessData({ kind: 'function', export: 'f' }, [
        { name: 'a', args: [], expected: 1 },
        { name: 'a', args: [], expected: 1 },
      ]),
    ).toThrow('tests[1].name');
    expect(() =>
      validateHarnessData({ kind: 'function', export: 'f' }, [{ name: 'a', args: [Number.NaN], expected: 1 }]),
    ).toThrow('tests[0].args[0]');
    expect(
      validateHarnessData({ kind: 'function', export: 'f' }, [
        { name: 'a', args: [], expected: { deep: [1] }, compare: { floatTolerance: 0.1 } },
      ]),
    ).toEqual({ kind: 'function', tests: 1 });
  });

  it('refuses invalid limits and clamps them to the ceilings', async () => {
    await expect(sut.judge(newFunctionSubmission(CORRECT_SOLVE, { limits: { timeLimitMs: -1 } }))).rejects.toThrow(
      'limits.timeLimitMs',
    );
    const clamped = await sut.judge(
      newFunctionSubmission(CORRECT_SOLVE, { limits: { memoryLimitMb: 1e6, timeLimitMs: 1e9 } }),
    );
    expect(clamped.verdict).toBe('ACCEPTED');
  });
});

describe('concurrency', () => {
  it('keeps judging others correctly while one submission kills its worker', async () => {
    const pidsBefore = sut.stats().workers.map((worker) => worker.pid);
    const honest = Array.from({ length: 6 }, (_, index) =>
      sut.judge(
        newFunctionSubmission(
          `// candidate ${index}\nexports.solve = (a, b) => ${index % 2 === 0 ? 'a + b' : 'a - b'};`,
        ),
      ),
    );
    const killer = sut.judge(
      newFunctionSubmission('exports.solve = (a, b) => { new Array(6e7).fill(); return a + b; };', {
        limits: { timeLimitMs: 400 },
      }),
    );
    const more = Array.from({ length: 6 }, (_, index) =>
      sut.judge(newFunctionSubmission(`// late ${index}\nexports.solve = (a, b) => a + b;`)),
    );
    const [killed, ...others] = await Promise.all([killer, ...honest, ...more]);
    expect(killed.tests.every((test) => test.verdict !== 'ACCEPTED')).toBe(true);
    expect(others.map((result) => result.verdict)).toEqual([
      'ACCEPTED',
      'WRONG_ANSWER',
      'ACCEPTED',
      'WRONG_ANSWER',
      'ACCEPTED',
      'WRONG_ANSWER',
      ...Array.from({ length: 6 }, () => 'ACCEPTED'),
    ]);
    expect(sut.stats().workers).toHaveLength(2);
    expect(sut.stats().workers.map((worker) => worker.pid)).not.toEqual(pidsBefore);
  });
});
