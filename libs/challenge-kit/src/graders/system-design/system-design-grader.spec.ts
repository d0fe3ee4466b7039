import { describe, expect, it } from '@jest/globals';
import { DefinitionError } from '../definition/definition-error.js';
import { DEFAULT_DESIGN_SECTIONS, parseSystemDesign, systemDesignCandidateView } from './system-design.definition.js';
import { gradeSystemDesign as sut, parseSystemDesignAnswer } from './system-design-grader.js';

const DEFINITION = parseSystemDesign({
  rubric: {
    criteria: [
      {
        id: 'scaling',
        title: 'Scaling',
        levels: [
          { score: 0, anchor: 'none' },
          { score: 1, anchor: 'partial' },
          { score: 2, anchor: 'sound' },
        ],
      },
      {
        id: 'trade-offs',
        title: 'Trade-offs',
        levels: [
          { score: 0, anchor: 'none' },
          { score: 1, anchor: 'clear' },
        ],
      },
    ],
  },
  estimates: [
    {
      id: 'peak-qps',
      prompt: 'Peak redirects per second?',
      unit: 'req/s',
      expected: 40_000,
      reasoning: '100M clicks/day, peak 35x',
    },
    {
      id: 'storage',
      prompt: 'Storage after 5 years?',
      unit: 'TB',
      expected: 9,
      tolerance: { kind: 'relative', within: 0.5 },
    },
  ],
});

describe('parseSystemDesign', () => {
  it('uses the standard sections and gives estimates a fifth of the score by default', () => {
    expect(DEFINITION.sections).toEqual(DEFAULT_DESIGN_SECTIONS);
    expect(DEFINITION).toMatchObject({ diagram: true, estimatesShare: 0.2 });
    expect(parseSystemDesign({ rubric: { criteria: DEFINITION.rubric.criteria } }).estimatesShare).toBe(0);
  });

  it('names every problem', () => {
    try {
      parseSystemDesign({ sections: [{ id: 'api', title: 'API' }], estimatesShare: 0.5, extra: true });
      throw new Error('expected a DefinitionError');
    } catch (error) {
      expect((error as DefinitionError).problems.map((problem) => `${problem.path}: ${problem.message}`)).toEqual([
        'extra: is not a known field; allowed: sections, diagram, rubric, estimates, estimatesShare',
        'sections[0].prompt: is required: a string of 1 to 5000 characters',
        'rubric: is required: an object with criteria',
        'rubric.criteria: is required: a list of 1 to 30 items',
        'estimatesShare: must be 0 when there are no estimates',
      ]);
    }
  });

  it('keeps the rubric and the expected values out of the candidate view', () => {
    const text = JSON.stringify(systemDesignCandidateView(DEFINITION));
    expect(text).not.toMatch(/anchor|expected|40000|35x|tolerance/);
    expect(text).toContain('Peak redirects per second?');
  });
});

describe('parseSystemDesignAnswer', () => {
  it('reads sections, a Mermaid diagram and estimates', () => {
    const answer = parseSystemDesignAnswer(
      {
        sections: { requirements: '100M redirects a day', api: 'POST /links' },
        diagram: 'flowchart LR\n  client --> api',
        estimates: { 'peak-qps': '40k' },
      },
      DEFINITION,
    );
    expect(answer).toEqual({
      sections: { requirements: '100M redirects a day', api: 'POST /links' },
      diagram: 'flowchart LR\n  client --> api',
      estimates: { 'peak-qps': '40k' },
    });
  });

  it('refuses unknown sections, oversized text and something that is not a Mermaid diagram', () => {
    try {
      parseSystemDesignAnswer(
        {
          sections: { api: 'x'.repeat(20_001), poetry: 'roses' },
          diagram: '<script>alert(1)</script>',
          estimates: { 'peak-qps': 40_000 },
        },
        DEFINITION,
      );
      throw new Error('expected a DefinitionError');
    } catch (error) {
      expect((error as DefinitionError).problems.map((problem) => `${problem.path}: ${problem.message}`)).toEqual([
        'sections.poetry: is not a known field; allowed: requirements, api, data-model, scaling, failure-modes, trade-offs',
        'sections.api: must be a string of at most 20000 characters (got 20001 characters)',
        'diagram: must be a Mermaid diagram starting with its type (flowchart, sequenceDiagram, erDiagram, C4Context, ...)',
        'estimates.peak-qps: must be a string of at most 100 characters (got 40000)',
      ]);
    }
  });
});

describe('gradeSystemDesign', () => {
  it('combines the rubric and the estimates by the estimates share', () => {
    const grade = sut(
      DEFINITION,
      { scaling: { score: 2 }, 'trade-offs': { score: 1 } },
      { 'peak-qps': '40k', storage: '30 TB' },
    );
    expect(grade.rubric.score).toBe(1);
    expect(grade.estimates.score).toBeCloseTo(0.5);
    expect(grade.score).toBeCloseTo(0.8 * 1 + 0.2 * 0.5);
    expect(grade.final).toBe(true);
  });

  it('is not final while a criterion is unrated', () => {
    expect(sut(DEFINITION, { scaling: { score: 2 } }, {}).final).toBe(false);
  });
});
