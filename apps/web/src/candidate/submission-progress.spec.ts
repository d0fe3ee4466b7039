import { describe, expect, it } from '@jest/globals';
import type { LiveEvent } from '../live/live-events.js';
import { applyEvent, applySnapshot, sending, tally } from './submission-progress.js';

const event = (type: LiveEvent['type'], seq: number, data: Record<string, unknown>): LiveEvent => ({
  type,
  seq,
  stream: 'submission:s1',
  data: { submissionId: 's1', ...data },
});

describe('submission progress', () => {
  it('follows the live events to a verdict, tests in order of their index', () => {
    let sut = sending('run', 0);
    sut = applyEvent(sut, event('submission.queued', 1, {}));
    sut = applyEvent(sut, event('submission.running', 2, {}));
    sut = applyEvent(sut, event('test.finished', 4, { index: 1, name: 'b', verdict: 'WRONG_ANSWER', sample: false }));
    sut = applyEvent(
      sut,
      event('test.finished', 3, {
        index: 0,
        name: 'a',
        verdict: 'ACCEPTED',
        sample: true,
        input: [1],
        expected: 2,
        actual: 2,
      }),
    );
    sut = applyEvent(sut, event('submission.finished', 5, { verdict: 'WRONG_ANSWER', score: 0.5 }));
    expect(sut.phase).toBe('finished');
    expect(sut.verdict).toBe('WRONG_ANSWER');
    expect(sut.score).toBe(0.5);
    expect(sut.tests.map((test) => test.name)).toEqual(['a', 'b']);
    expect(sut.tests[0]).toMatchObject({ input: [1], expected: 2, actual: 2 });
    expect(tally(sut.tests)).toEqual({ passed: 1, total: 2, samplePassed: 1, sampleTotal: 1 });
  });

  it("reads a sample test's details from the judge's `details` (SQL result tables included)", () => {
    const table = { columns: [{ name: 'n', type: 'int4' }], rows: [['1']], totalRows: 1 };
    const sut = applyEvent(
      sending('run', 0),
      event('test.finished', 1, {
        index: 0,
        name: 's',
        verdict: 'WRONG_ANSWER',
        sample: true,
        details: { input: 'dataset sample', expected: table, actual: table },
      }),
    );
    expect(sut.tests[0]).toMatchObject({ input: 'dataset sample', expected: table, actual: table });
  });

  it('never shows details of a hidden test even if an event carries them', () => {
    const sut = applyEvent(
      sending('final', 0),
      event('test.finished', 1, { index: 0, name: 'h', verdict: 'ACCEPTED', sample: false, expected: 'secret' }),
    );
    expect(sut.tests[0]).not.toHaveProperty('expected');
  });

  it('never goes back to an earlier phase when a late poll answers', () => {
    let sut = applyEvent(sending('run', 0), event('submission.finished', 9, { verdict: 'ACCEPTED', score: 1 }));
    sut = applySnapshot(sut, { id: 's1', kind: 'run', status: 'running', verdict: null, score: null, tests: [] });
    expect(sut.phase).toBe('finished');
    expect(sut.verdict).toBe('ACCEPTED');
  });

  it('merges a polled snapshot with tests already received live, without duplicates', () => {
    let sut = applyEvent(
      sending('run', 0),
      event('test.finished', 1, { index: 0, name: 'a', verdict: 'ACCEPTED', sample: true }),
    );
    sut = applySnapshot(sut, {
      id: 's1',
      kind: 'run',
      status: 'finished',
      verdict: 'ACCEPTED',
      score: 1,
      tests: [
        { name: 'a', sample: true, verdict: 'ACCEPTED', timeMs: 3 },
        { name: 'b', sample: true, verdict: 'ACCEPTED', timeMs: 4 },
      ],
    });
    expect(sut.tests.map((test) => [test.name, test.timeMs])).toEqual([
      ['a', 3],
      ['b', 4],
    ]);
    expect(sut.submissionId).toBe('s1');
  });
});
