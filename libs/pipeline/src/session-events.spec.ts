import { describe, expect, it } from '@jest/globals';
import { statusChangeEvents, type ItemStatus } from './session-events.js';

describe('session.updated for a write that moves an item', () => {
  const session = { id: 's1', status: 'in_progress' as const, deadline: new Date('2026-01-01T01:00:00Z') };
  const now = new Date('2026-01-01T00:00:00Z');
  const statuses: ItemStatus[] = [
    { id: 'a', status: 'not_started' },
    { id: 'b', status: 'draft_saved' },
    { id: 'c', status: 'submitted' },
  ];

  it('tells watchers when the item moves forward, with every item as it now stands', () => {
    const [event] = statusChangeEvents(session, statuses, 'a', 'draft_saved', now);
    expect(event).toMatchObject({
      stream: 'session:s1',
      type: 'session.updated',
      payload: {
        sessionId: 's1',
        remainingSeconds: 3600,
        items: [
          { id: 'a', status: 'draft_saved' },
          { id: 'b', status: 'draft_saved' },
          { id: 'c', status: 'submitted' },
        ],
      },
    });
    expect(statusChangeEvents(session, statuses, 'b', 'submitted', now)).toHaveLength(1);
  });

  it('says nothing when the item stands there or further already, or is not the session’s', () => {
    expect(statusChangeEvents(session, statuses, 'b', 'draft_saved', now)).toEqual([]);
    expect(statusChangeEvents(session, statuses, 'c', 'draft_saved', now)).toEqual([]);
    expect(statusChangeEvents(session, statuses, 'c', 'submitted', now)).toEqual([]);
    expect(statusChangeEvents(session, statuses, 'x', 'submitted', now)).toEqual([]);
  });
});
