import { describe, expect, it } from '@jest/globals';
import { DefinitionError } from '../definition/definition-error.js';
import { parseRubric } from './rubric.definition.js';
import { parseRubricRatings, scoreRubric as sut } from './rubric-scorer.js';

const RUBRIC = parseRubric({
  criteria: [
    {
      id: 'data-model',
      title: 'Data model',
      competency: 'data-modeling',
      weight: 2,
      levels: [
        { score: 4, anchor: 'Keys, indexes and partitioning follow from the access patterns' },
        { score: 0, anchor: 'No data model' },
        { score: 2, anchor: 'Tables named, access patterns ignored' },
      ],
    },
    {
      id: 'failure-modes',
      title: 'Failure modes',
      competency: 'architecture',
      levels: [
        { score: 1, anchor: 'Not discussed' },
        { score: 2, anchor: 'Retries mentioned' },
        { score: 3, anchor: 'Timeouts, idempotency, degradation' },
      ],
    },
    {
      id: 'communication',
      title: 'Explains trade-offs',
      competency: 'leadership',
      levels: [
        { score: 0, anchor: 'No' },
        { score: 1, anchor: 'Yes' },
      ],
    },
  ],
});

describe('parseRubric', () => {
  it('sorts levels by score and defaults the weight to 1', () => {
    expect(RUBRIC.criteria[0].levels.map((level) => level.score)).toEqual([0, 2, 4]);
    expect(RUBRIC.criteria[1].weight).toBe(1);
  });

  it('names every problem', () => {
    try {
      parseRubric({
        criteria: [
          {
            id: 'a',
            title: 'A',
            competency: 'charisma',
            levels: [
              { score: 1, anchor: 'x' },
              { score: 1, anchor: '' },
            ],
          },
          { id: 'a', title: 'B', levels: [{ score: 0, anchor: 'x' }] },
        ],
      });
      throw new Error('expected a DefinitionError');
    } catch (error) {
      expect((error as DefinitionError).problems.map((problem) => `${problem.path}: ${problem.message}`)).toEqual([
        'criteria[0].levels[1].anchor: must be a string of 1 to 2000 characters (got 0 characters)',
        'criteria[0].levels[1].score: repeats the level score "1"; each level score must be unique',
        expect.stringMatching(
          /^criteria\[0\]\.competency: must be one of api-design, data-modeling, .* \(got "charisma"\)$/,
        ),
        'criteria[1].levels: must be a list of 2 to 10 items (got 1)',
        'criteria[1].id: repeats the criterion id "a"; each criterion id must be unique',
      ]);
    }
  });
});

describe('scoreRubric', () => {
  it('maps the lowest level to 0 and the top level to 1, whatever the numbers, and weighs criteria', () => {
    const grade = sut(RUBRIC, {
      'data-model': { score: 2 },
      'failure-modes': { score: 3 },
      communication: { score: 0, note: 'hand-waved' },
    });
    expect(grade.criteria.map((criterion) => criterion.fraction)).toEqual([0.5, 1, 0]);
    expect(grade.score).toBeCloseTo((2 * 0.5 + 1 + 0) / 4);
    expect(grade).toMatchObject({
      complete: true,
      missing: [],
      byCompetency: { 'data-modeling': 0.5, architecture: 1, leadership: 0 },
    });
    expect(grade.criteria[2]).toMatchObject({ level: { score: 0, anchor: 'No' }, note: 'hand-waved' });
  });

  it('scores top levels everywhere as 1 and lowest everywhere as 0', () => {
    expect(
      sut(RUBRIC, { 'data-model': { score: 4 }, 'failure-modes': { score: 3 }, communication: { score: 1 } }).score,
    ).toBe(1);
    expect(
      sut(RUBRIC, { 'data-model': { score: 0 }, 'failure-modes': { score: 1 }, communication: { score: 0 } }).score,
    ).toBe(0);
  });

  it('counts unrated criteria as 0 and says the grade is not complete', () => {
    const grade = sut(RUBRIC, { 'data-model': { score: 4 } });
    expect(grade).toMatchObject({ complete: false, missing: ['failure-modes', 'communication'] });
    expect(grade.score).toBeCloseTo(0.5);
  });
});

describe('parseRubricRatings', () => {
  it('accepts only level scores of known criteria', () => {
    expect(parseRubricRatings({ 'data-model': { score: 2, note: 'ok' } }, RUBRIC)).toEqual({
      'data-model': { score: 2, note: 'ok' },
    });
    try {
      parseRubricRatings({ 'data-model': { score: 3 }, style: { score: 1 }, communication: 1 }, RUBRIC);
      throw new Error('expected a DefinitionError');
    } catch (error) {
      expect((error as DefinitionError).problems.map((problem) => `${problem.path}: ${problem.message}`)).toEqual([
        'style: is not a known field; allowed: data-model, failure-modes, communication',
        'data-model.score: must be one of the levels of data-model: 0, 2, 4 (got 3)',
        'communication: must be an object with the fields score, note (got 1)',
        'communication.score: is required: a number at least 0 and at most 100',
      ]);
    }
  });
});
