import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../api/api-error.js';
import { ActivityReporter, MAX_EVENTS_PER_REPORT, type ActivityEvent } from './activity-reporter.js';

const at = () => new Date('2026-01-01T00:00:00.000Z');

describe('ActivityReporter', () => {
  it('sends the events of each item in batches the server accepts', async () => {
    const sent: [string, ActivityEvent[]][] = [];
    const reporter = new ActivityReporter(
      (itemId, events) => {
        sent.push([itemId, events]);
        return Promise.resolve();
      },
      1000,
      at,
    );
    for (let index = 0; index < MAX_EVENTS_PER_REPORT + 5; index++) reporter.record('a', 'focus_lost');
    reporter.record('b', 'paste', ActivityReporter.sizeOf('x\ny'));
    await reporter.flush();
    expect(sent.map(([itemId, events]) => [itemId, events.length])).toEqual([
      ['a', MAX_EVENTS_PER_REPORT],
      ['a', 5],
      ['b', 1],
    ]);
    expect(sent[2][1][0]).toEqual({ kind: 'paste', at: '2026-01-01T00:00:00.000Z', length: 3, lines: 2 });
    expect(reporter.pendingCount()).toBe(0);
  });

  it('keeps the events while the server cannot be reached, and drops what it refuses', async () => {
    let failure: Error | null = new ApiError(0, 'offline', 'network');
    const sent: ActivityEvent[][] = [];
    const reporter = new ActivityReporter(
      (_itemId, events) => {
        if (failure) return Promise.reject(failure);
        sent.push(events);
        return Promise.resolve();
      },
      1000,
      at,
    );
    reporter.record('a', 'large_insertion', { length: 400, lines: 10 });
    await reporter.flush();
    expect(reporter.pendingCount()).toBe(1);
    failure = null;
    await reporter.flush();
    expect(sent).toHaveLength(1);

    failure = new ApiError(409, 'The session is finished.', 'session_finished');
    reporter.record('a', 'focus_returned');
    await reporter.flush();
    expect(reporter.pendingCount()).toBe(0);
  });
});
