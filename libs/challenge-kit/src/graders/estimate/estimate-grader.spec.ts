import { describe, expect, it } from '@jest/globals';
import { DefinitionError } from '../definition/definition-error.js';
import { estimateCandidateView, parseEstimateQuestions } from './estimate.definition.js';
import { estimateCredit, gradeEstimates as sut } from './estimate-grader.js';

const QUESTIONS = parseEstimateQuestions([
  {
    id: 'peak-writes',
    prompt: 'Peak writes per second?',
    unit: 'req/s',
    expected: 12_000,
    tolerance: { kind: 'relative', within: 0.25 },
    reasoning: '1B writes/day, peak 1x',
  },
  { id: 'storage', prompt: 'Storage for five years?', unit: 'TB', expected: 200, points: 2 },
]);

describe('estimateCredit', () => {
  it('gives full credit inside a relative tolerance and none outside', () => {
    const tolerance = { kind: 'relative', within: 0.25 } as const;
    expect(estimateCredit(15_000, 12_000, tolerance)).toBe(1);
    expect(estimateCredit(9_000, 12_000, tolerance)).toBe(1);
    expect(estimateCredit(15_001, 12_000, tolerance)).toBe(0);
  });

  it('gives full credit within the factor, then less by orders of magnitude, nothing at 10x', () => {
    const tolerance = { kind: 'order-of-magnitude', fullCreditWithin: 2 } as const;
    expect(estimateCredit(200, 100, tolerance)).toBe(1);
    expect(estimateCredit(50, 100, tolerance)).toBe(1);
    expect(estimateCredit(1000, 100, tolerance)).toBe(0);
    expect(estimateCredit(10, 100, tolerance)).toBe(0);
    const halfway = 10 ** ((1 + Math.log10(2)) / 2);
    expect(estimateCredit(100 * halfway, 100, tolerance)).toBeCloseTo(0.5);
    expect(estimateCredit(100 / halfway, 100, tolerance)).toBeCloseTo(0.5);
  });

  it('gives nothing to zero or negative values', () => {
    expect(estimateCredit(0, 100, { kind: 'order-of-magnitude', fullCreditWithin: 2 })).toBe(0);
    expect(estimateCredit(-100, 100, { kind: 'relative', within: 5 })).toBe(0);
  });
});

describe('gradeEstimates', () => {
  it('converts units before comparing', () => {
    const grade = sut(QUESTIONS, { 'peak-writes': '~1B per day', storage: '0.2 PB' });
    expect(grade.questions[0].value).toBeCloseTo(1e9 / 86_400);
    expect(grade.questions[1].value).toBeCloseTo(200);
    expect(grade).toMatchObject({ earned: 3, possible: 3, score: 1 });
    const hourly = sut(QUESTIONS, { 'peak-writes': '1B per hour' });
    expect(hourly.questions[0]).toMatchObject({ credit: 0, earned: 0 });
    expect(hourly.questions[0].value).toBeCloseTo(1e9 / 3600);
  });

  it('gives partial credit within an order of magnitude', () => {
    const grade = sut(QUESTIONS, { 'peak-writes': '12k', storage: '1 PB' });
    expect(grade.questions[0].credit).toBe(1);
    expect(grade.questions[1].credit).toBeCloseTo((1 - Math.log10(5)) / (1 - Math.log10(2)));
  });

  it('explains an unreadable, missing or non-text answer, which earns nothing', () => {
    const grade = sut(QUESTIONS, { 'peak-writes': '12 TB', storage: 42 });
    expect(grade.questions.map((question) => question.problem)).toEqual([
      '"12 TB" is a data size, but the question asks for a rate (per second, minute, ...)',
      'the answer must be text',
    ]);
    expect(sut(QUESTIONS, {}).questions[0].problem).toBe('no answer');
    expect(sut(QUESTIONS, {}).score).toBe(0);
  });
});

describe('parseEstimateQuestions', () => {
  it('defaults to order-of-magnitude within 2x and 1 point', () => {
    expect(QUESTIONS[1]).toMatchObject({
      tolerance: { kind: 'order-of-magnitude', fullCreditWithin: 2 },
      points: 1 * 2,
      parsedUnit: { dimension: 'data', factor: 1e12 },
    });
  });

  it('names every problem', () => {
    try {
      parseEstimateQuestions([
        { id: 'a', prompt: 'p', unit: 'furlongs', expected: 0, tolerance: { kind: 'relative', fullCreditWithin: 3 } },
        {
          id: 'a',
          prompt: 'p',
          unit: 'GB',
          expected: 1,
          tolerance: { kind: 'order-of-magnitude', fullCreditWithin: 10 },
        },
      ]);
      throw new Error('expected a DefinitionError');
    } catch (error) {
      expect((error as DefinitionError).problems.map((problem) => `${problem.path}: ${problem.message}`)).toEqual([
        '[0].unit: must be a unit such as req/s, qps, users, GB, TiB, MB/s, Gbps, TB/month, ms (got "furlongs")',
        '[0].expected: must be a number greater than 0 and at most 1e+30 (got 0)',
        '[0].tolerance.fullCreditWithin: belongs to kind order-of-magnitude; a relative tolerance has `within`',
        '[0].tolerance.within: is required: a number greater than 0 and at most 10',
        '[1].tolerance.fullCreditWithin: must be a number greater than 1 and at most 9.99 (got 10)',
        '[1].id: repeats the estimate id "a"; each estimate id must be unique',
      ]);
    }
  });

  it('keeps expected values and reasoning out of the candidate view', () => {
    expect(estimateCandidateView(QUESTIONS)).toEqual([
      { id: 'peak-writes', prompt: 'Peak writes per second?', unit: 'req/s', points: 1 },
      { id: 'storage', prompt: 'Storage for five years?', unit: 'TB', points: 2 },
    ]);
  });
});
