import { describe, expect, it } from '@jest/globals';
import type { SessionResult } from '../api/api-types.js';
import { binTotals } from './histogram.js';
import { radarPoint, radarPolygon } from './radar-geometry.js';
import { competenciesOf, rankResults } from './ranking.js';

const result = (
  candidateName: string,
  total: number | null,
  competencies: Record<string, number | null> = {},
): SessionResult => ({
  sessionId: candidateName,
  candidateName,
  status: 'finished',
  total,
  percentile: null,
  competencies,
  items: [],
});

describe('rankResults', () => {
  it('ranks best first, shares ranks on ties and puts pending totals last', () => {
    const sut = rankResults([
      result('Ann', 0.5),
      result('Bob', 0.9),
      result('Cy', null),
      result('Di', 0.5),
      result('Ed', 0.2),
    ]);
    expect(sut.map((entry) => [entry.rank, entry.result.candidateName])).toEqual([
      [1, 'Bob'],
      [2, 'Ann'],
      [2, 'Di'],
      [4, 'Ed'],
      [null, 'Cy'],
    ]);
  });

  it('ranks by one competency', () => {
    const sut = rankResults([result('Ann', 0.9, { security: 0.1 }), result('Bob', 0.1, { security: 0.8 })], {
      kind: 'competency',
      id: 'security',
    });
    expect(sut[0].result.candidateName).toBe('Bob');
  });

  it('lists competencies in the model’s order, unknown ones after', () => {
    expect(
      competenciesOf([result('A', 1, { zeta: 1, security: 1, 'api-design': 1 })], ['api-design', 'security']),
    ).toEqual(['api-design', 'security', 'zeta']);
  });
});

describe('binTotals', () => {
  it('counts totals into ten bins, a perfect score in the last, pending ones nowhere', () => {
    const sut = binTotals([0, 0.05, 0.1, 0.55, 1, null, Number.NaN]);
    expect(sut).toHaveLength(10);
    expect(sut.map((bin) => bin.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(sut[9]).toMatchObject({ from: 0.9, to: 1 });
  });
});

describe('radar geometry', () => {
  it('puts the first axis straight up and goes clockwise', () => {
    const center = { x: 100, y: 100 };
    expect(radarPoint(0, 4, 1, 50, center)).toEqual({ x: 100, y: 50 });
    const right = radarPoint(1, 4, 0.5, 50, center);
    expect(right.x).toBeCloseTo(125);
    expect(right.y).toBeCloseTo(100);
  });

  it('clamps values and draws a missing one at the centre', () => {
    expect(radarPolygon([2, null], 10, { x: 0, y: 0 })).toBe('0.0,-10.0 0.0,0.0');
  });
});
