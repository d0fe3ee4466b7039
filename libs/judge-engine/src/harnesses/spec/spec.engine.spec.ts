import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JudgeEngine, type Submission } from '../../judge-engine.js';

/** The spec harness through the whole engine: validation, a supervised worker process, grading. */
const SPEC = `import { describe, expect, it } from '@jest/globals';
import { twoSum } from './solution';

describe('twoSum', () => {
  it('finds the pair', () => {
    expect(twoSum([2, 7, 11, 15], 9)).toEqual([0, 1]);
  });
  it('returns null without a pair', () => {
    expect(twoSum([1, 2], 10)).toBeNull();
  });
  it('handles duplicates', () => {
    expect(twoSum([3, 3], 6)).toEqual([0, 1]);
  });
});
`;

const RIGHT = `export function twoSum(nums: number[], target: number): [number, number] | null {
  const seen = new Map<number, number>();
  for (let i = 0; i < nums.length; i++) {
    const j = seen.get(target - nums[i]);
    if (j !== undefined) return [j, i];
    seen.set(nums[i], i);
  }
  return null;
}`;

function newSpecSubmission(source: string, tests?: unknown[]): Submission {
  return {
    language: 'typescript',
    source,
    harness: { kind: 'spec', files: [{ path: 'two-sum.test.ts', source: SPEC }] },
    tests: tests ?? [
      { name: 'twoSum › finds the pair', sample: true, weight: 2 },
      { name: 'twoSum › returns null without a pair', weight: 1 },
      { name: 'twoSum › handles duplicates', weight: 1 },
    ],
    limits: { timeLimitMs: 1_000 },
  };
}

let sut: JudgeEngine;

beforeAll(async () => {
  sut = await JudgeEngine.start({ workers: 1 });
});

afterAll(async () => {
  await sut.stop();
});

describe('spec challenges through the judge engine', () => {
  it('accepts a right solution with the listed weights', async () => {
    const result = await sut.judge(newSpecSubmission(RIGHT));
    expect(result.verdict).toBe('ACCEPTED');
    expect(result.score).toEqual({ passed: 4, total: 4 });
    expect(result.tests.map((test) => test.name)).toEqual([
      'twoSum › finds the pair',
      'twoSum › returns null without a pair',
      'twoSum › handles duplicates',
    ]);
  });

  it('grades a wrong solution per test, without quoting hidden test data', async () => {
    const wrong = RIGHT.replace('return null;', 'return [0, 0];');
    const result = await sut.judge(newSpecSubmission(wrong));
    expect(result.verdict).toBe('WRONG_ANSWER');
    expect(result.score).toEqual({ passed: 3, total: 4 });
    const hidden = result.tests.find((test) => test.name === 'twoSum › returns null without a pair')!;
    expect(hidden).toMatchObject({ verdict: 'WRONG_ANSWER', message: 'Assertion failed: expect(received).toBeNull()' });
    expect(hidden.details).toBeUndefined();
  });

  it('shows a failing sample test its jest message and details', async () => {
    const wrong = RIGHT.replace('return [j, i];', 'return [i, j];');
    const result = await sut.judge(newSpecSubmission(wrong));
    const sample = result.tests.find((test) => test.name === 'twoSum › finds the pair')!;
    expect(sample.verdict).toBe('WRONG_ANSWER');
    expect(sample.message).toContain('Expected: [0, 1]');
    expect(sample.details).toMatchObject({ expected: '[0, 1]', actual: '[1, 0]' });
  });

  it('discovers the tests when the challenge lists none', async () => {
    const result = await sut.judge(newSpecSubmission(RIGHT, []));
    expect(result.verdict).toBe('ACCEPTED');
    expect(result.tests).toHaveLength(3);
    expect(result.score).toEqual({ passed: 3, total: 3 });
  });

  it('fails a looping test with TIME_LIMIT_EXCEEDED and still runs the others', async () => {
    const looping = RIGHT.replace('return null;', 'for (;;) {}');
    const result = await sut.judge(newSpecSubmission(looping));
    expect(result.tests.map((test) => test.verdict)).toEqual(['ACCEPTED', 'TIME_LIMIT_EXCEEDED', 'ACCEPTED']);
  });

  it('reports a compilation error of the solution', async () => {
    const result = await sut.judge(newSpecSubmission('export function twoSum(: number {'));
    expect(result.verdict).toBe('COMPILATION_ERROR');
  });
});
