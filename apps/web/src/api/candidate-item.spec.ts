import { describe, expect, it } from '@jest/globals';
import { toCandidateItem } from './candidate-item.js';

describe('toCandidateItem', () => {
  it('flattens the public content of the API into what the screens read', () => {
    const item = toCandidateItem({
      id: 'i1',
      position: 0,
      challengeSlug: 'lru',
      type: 'class',
      title: 'LRU',
      status: 'draft_saved',
      content: {
        statement: '# LRU',
        languages: ['typescript', 'javascript'],
        starters: [{ path: 'starter/solution.ts', language: 'typescript', content: 'export class X {}' }],
        harness: { sampleTests: [{ name: 'the example' }] },
        estimatedMinutes: 35,
        difficulty: 'medium',
      },
      draft: { language: 'javascript', code: 'x', answer: null, updatedAt: '2026-01-01T00:00:00.000Z' },
    });
    expect(item).toMatchObject({
      statement: '# LRU',
      languages: ['typescript', 'javascript'],
      sampleTests: [{ name: 'the example' }],
      estimatedMinutes: 35,
      difficulty: 'medium',
      draft: { code: 'x', savedAt: '2026-01-01T00:00:00.000Z' },
    });
    expect(item).not.toHaveProperty('content');
  });

  it('keeps an item without content or draft as it is', () => {
    const item = toCandidateItem({ id: 'i', position: 0, challengeSlug: 's', type: 'quiz', title: 'Q', status: 'x' });
    expect(item.statement).toBeUndefined();
    expect(item.draft).toBeNull();
  });
});
