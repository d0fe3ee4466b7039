import { describe, expect, it } from '@jest/globals';
import { CompactFingerprintIndex, type SubmissionFingerprints } from '@app/integrity';
import { FingerprintCache, ScreeningIndex, ScreeningIndexes, type IndexedSubmission } from './screening-index.js';

const range = (from: number, to: number) => Int32Array.from({ length: to - from }, (_, index) => from + index);

function newIndexed(overrides: Partial<IndexedSubmission> & { sequence: number }): IndexedSubmission {
  return {
    submissionId: `submission-${overrides.sequence}`,
    sessionId: `session-${overrides.sequence}`,
    organizationId: 'org-a',
    distinct: range(0, 20),
    ...overrides,
  };
}

const neighbourIds = (sut: ScreeningIndex, query: Partial<Parameters<ScreeningIndex['neighbours']>[1]> = {}) =>
  sut
    .neighbours(range(0, 20), {
      minShared: 8,
      sessionId: 'session-screened',
      organizationId: 'org-a',
      crossOrganization: false,
      ...query,
    })
    .map(({ submission, shared }) => `${submission.submissionId}:${shared}`)
    .sort();

describe('ScreeningIndex', () => {
  it('applies rows in sequence once, whichever screening of the judge caught up first', () => {
    const sut = new ScreeningIndex(new CompactFingerprintIndex());
    const first = [newIndexed({ sequence: 3 }), newIndexed({ sequence: 7 })];
    sut.apply(first);
    sut.apply([...first, newIndexed({ sequence: 9, distinct: range(10, 30) })]); // overlapping catch-up
    expect(sut.size).toBe(3);
    expect(sut.lastSequence).toBe(9);
    expect(neighbourIds(sut)).toEqual(['submission-3:20', 'submission-7:20', 'submission-9:10']);
  });

  it('leaves out the screened submission’s own session, fewer than minShared, and other organisations unless allowed', () => {
    const sut = new ScreeningIndex(new CompactFingerprintIndex());
    sut.apply([
      newIndexed({ sequence: 1, sessionId: 'session-screened' }),
      newIndexed({ sequence: 2, distinct: range(15, 40) }), // shares 5
      newIndexed({ sequence: 3, organizationId: 'org-b' }),
      newIndexed({ sequence: 4 }),
    ]);
    expect(neighbourIds(sut)).toEqual(['submission-4:20']);
    expect(neighbourIds(sut, { crossOrganization: true })).toEqual(['submission-3:20', 'submission-4:20']);
    expect(neighbourIds(sut, { minShared: 5 })).toEqual(['submission-2:5', 'submission-4:20']);
  });

  it('forgets a removed row, but not a newer row of the same submission', () => {
    const sut = new ScreeningIndex(new CompactFingerprintIndex());
    sut.apply([newIndexed({ sequence: 1 }), newIndexed({ sequence: 2 })]);
    sut.remove('submission-1', 1);
    sut.remove('unknown', 5);
    expect(neighbourIds(sut)).toEqual(['submission-2:20']);

    // submission-2 indexed again (row 6, after its row 2 was removed): a late removal of row 2 keeps row 6.
    sut.apply([newIndexed({ sequence: 6, submissionId: 'submission-2', sessionId: 'session-2' })]);
    sut.remove('submission-2', 2);
    expect(neighbourIds(sut)).toEqual(['submission-2:20']);
    expect(sut.size).toBe(1);
    sut.remove('submission-2', 6);
    expect(neighbourIds(sut)).toEqual([]);
  });
});

describe('ScreeningIndexes', () => {
  it('drops the least recently screened challenges beyond its budget, never the one asked for', () => {
    const sut = new ScreeningIndexes(5);
    const create = () => new CompactFingerprintIndex();
    const fill = (index: ScreeningIndex, count: number) =>
      index.apply(Array.from({ length: count }, (_, at) => newIndexed({ sequence: index.lastSequence + at + 1 })));
    const a = sut.of('a', create);
    fill(a, 2);
    const b = sut.of('b', create);
    fill(b, 2);
    expect(sut.of('a', create)).toBe(a); // a is now the most recently used
    const c = sut.of('c', create);
    fill(c, 4); // 8 held: the next call drops b, then a
    expect(sut.of('c', create)).toBe(c);
    expect(sut.of('a', create)).not.toBe(a);
    expect(sut.of('c', create)).toBe(c);
    const big = sut.of('big', create);
    fill(big, 9);
    expect(sut.of('big', create)).toBe(big); // over budget alone: kept
    expect(sut.of('c', create)).not.toBe(c);
  });
});

describe('FingerprintCache', () => {
  const fingerprintsOf = (tokens: number): SubmissionFingerprints => ({
    hashes: new Int32Array(0),
    positions: new Int32Array(0),
    tokenOrder: new Int32Array(0),
    distinct: new Int32Array(0),
    tokenLines: new Int32Array(tokens),
    k: 10,
    truncated: false,
  });

  it('keeps the most recently used within its byte budget', () => {
    const sut = new FingerprintCache(1000);
    sut.set('a', fingerprintsOf(100)); // 400 bytes
    sut.set('b', fingerprintsOf(100));
    expect(sut.get('a')).toBeDefined(); // a is now the most recently used
    sut.set('c', fingerprintsOf(100)); // 1,200 bytes: b goes
    expect(sut.get('b')).toBeUndefined();
    expect(sut.get('a')).toBeDefined();
    expect(sut.get('c')).toBeDefined();
    sut.set('huge', fingerprintsOf(1000)); // alone over budget: kept, every other one goes
    expect(sut.get('huge')).toBeDefined();
    expect(sut.get('a')).toBeUndefined();
    expect(sut.get('c')).toBeUndefined();
  });
});
