import { describe, expect, it } from '@jest/globals';
import type { CandidateItem } from '../api/api-types.js';
import { languagesOf, starterCode, startingPoint } from './item-draft.js';

const item = (extra: Partial<CandidateItem> = {}): CandidateItem => ({
  id: 'i1',
  position: 0,
  challengeSlug: 'lru-cache',
  type: 'coding',
  title: 'LRU cache',
  status: 'draft_saved',
  ...extra,
});

describe('startingPoint', () => {
  it('starts from the starter when nothing was saved anywhere', () => {
    expect(startingPoint(item({ status: 'not_started' }), null)).toEqual({
      body: null,
      needsSync: false,
      source: 'starter',
    });
  });

  it('prefers the server draft over an older browser copy', () => {
    const sut = startingPoint(
      item({ draft: { language: 'typescript', code: 'server', savedAt: '2030-01-01T00:00:10Z' } }),
      { body: { language: 'typescript', code: 'old' }, changedAt: Date.parse('2030-01-01T00:00:05Z'), synced: true },
    );
    expect(sut).toEqual({ body: { language: 'typescript', code: 'server' }, needsSync: false, source: 'server' });
  });

  it('resumes the newer browser copy and saves it again when the server never confirmed it', () => {
    const sut = startingPoint(
      item({ draft: { language: 'typescript', code: 'server', savedAt: '2030-01-01T00:00:10Z' } }),
      {
        body: { language: 'typescript', code: 'offline work' },
        changedAt: Date.parse('2030-01-01T00:01:00Z'),
        synced: false,
      },
    );
    expect(sut).toEqual({ body: { language: 'typescript', code: 'offline work' }, needsSync: true, source: 'browser' });
  });

  it('uses the browser copy when the server sends no draft content', () => {
    const sut = startingPoint(item(), { body: { answer: { a: 1 } }, changedAt: 5, synced: true });
    expect(sut).toEqual({ body: { answer: { a: 1 } }, needsSync: false, source: 'browser' });
  });
});

describe('languages and starters', () => {
  it('offers the item’s languages, SQL for SQL items, else TypeScript and JavaScript', () => {
    expect(languagesOf(item({ languages: ['javascript'] }))).toEqual(['javascript']);
    expect(languagesOf(item({ type: 'sql' }))).toEqual(['sql']);
    expect(languagesOf(item())).toEqual(['typescript', 'javascript']);
  });

  it('uses the starter of the language, or a comment', () => {
    const withStarter = item({ starters: [{ language: 'typescript', content: 'export function f() {}' }] });
    expect(starterCode(withStarter, 'typescript')).toBe('export function f() {}');
    expect(starterCode(withStarter, 'sql')).toBe('-- Write your query here.\n');
  });
});
