import { describe, expect, it } from '@jest/globals';
import { toSessionDetail, type WireSessionDetail } from './staff-views.js';

const wire = {
  sessionId: 's1',
  assessmentId: 'a1',
  candidateName: 'Ada',
  candidateEmail: 'ada@example.com',
  status: 'finished',
  startedAt: '2026-11-28T00:00:00.000Z',
  finishedAt: '2026-11-28T01:00:00.000Z',
  total: 50,
  percentile: null,
  competencies: {},
  items: [],
  submissions: [],
  reviews: [
    {
      reviewer: { id: 'someone-else', name: 'Other' },
      decision: 'no',
      summary: 'theirs',
      rubric: {},
      updatedAt: '2026-11-28T01:10:00.000Z',
    },
    {
      reviewer: { id: 'me', name: 'Me' },
      decision: 'yes',
      summary: 'mine',
      rubric: { i1: { correctness: { score: 3 } } },
      updatedAt: '2026-11-28T01:20:00.000Z',
    },
  ],
} as unknown as WireSessionDetail;

describe('toSessionDetail', () => {
  it("starts the review form from the signed-in interviewer's saved review", () => {
    const detail = toSessionDetail(wire, null, 'me');
    expect(detail.review).toMatchObject({ decision: 'yes', summary: 'mine', rubric: { i1: { correctness: 3 } } });
  });

  it("never starts from another interviewer's review", () => {
    expect(toSessionDetail(wire, null, 'nobody').review).toBeNull();
    expect(toSessionDetail(wire, null).review).toBeNull();
  });
});
