import { describe, expect, it } from '@jest/globals';
import type { LiveEnvelope } from '@app/contracts';
import { RecentEvents } from './recent-events.js';

function event(stream: string, seq: number): LiveEnvelope {
  return { stream, seq, type: 'test.finished', payload: {} as never, at: new Date(0).toISOString() };
}

describe('recent events of submission streams', () => {
  it('replays a stream seen from its first event, after any position', () => {
    const recent = new RecentEvents();
    for (const seq of [1, 2, 2, 3]) recent.add(event('submission:a', seq));
    expect(recent.after('submission:a', 0)!.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(recent.after('submission:a', 2)!.map((e) => e.seq)).toEqual([3]);
    expect(recent.after('submission:a', 3)).toEqual([]);
  });

  it('knows nothing of a stream it did not see from the start, or saw with a gap, or of other streams', () => {
    const recent = new RecentEvents();
    recent.add(event('submission:late', 2));
    recent.add(event('submission:late', 3));
    expect(recent.after('submission:late', 0)).toBeUndefined();
    recent.add(event('submission:gap', 1));
    recent.add(event('submission:gap', 3));
    recent.add(event('submission:gap', 4));
    expect(recent.after('submission:gap', 0)).toBeUndefined();
    recent.add(event('session:s', 1));
    expect(recent.after('session:s', 0)).toBeUndefined();
  });

  it('keeps a bounded number of streams and of events per stream', () => {
    const recent = new RecentEvents(2, 3);
    for (const id of ['a', 'b', 'c']) recent.add(event(`submission:${id}`, 1));
    expect(recent.after('submission:a', 0)).toBeUndefined();
    expect(recent.after('submission:c', 0)).toHaveLength(1);
    for (const seq of [2, 3, 4]) recent.add(event('submission:c', seq));
    expect(recent.after('submission:c', 0)).toBeUndefined();
  });
});
