import { describe, expect, it } from '@jest/globals';
import { parseLiveEvent, streamOf } from './live-events.js';
import { StreamCursor } from './stream-cursor.js';

describe('StreamCursor', () => {
  it('applies events in order and drops duplicates', () => {
    const sut = new StreamCursor();
    expect(sut.decide(1)).toBe('apply');
    sut.advance(1);
    expect(sut.decide(1)).toBe('duplicate');
    expect(sut.decide(2)).toBe('apply');
    sut.advance(2);
    expect(sut.last).toBe(2);
  });

  it('reports a gap instead of applying an event out of order', () => {
    const sut = new StreamCursor(4);
    expect(sut.decide(6)).toBe('gap');
    expect(sut.decide(3)).toBe('duplicate');
    expect(sut.decide(5)).toBe('apply');
  });

  it('refuses sequence numbers that are not integers', () => {
    const sut = new StreamCursor();
    expect(sut.decide(1.5)).toBe('duplicate');
    expect(sut.decide(-1)).toBe('duplicate');
    expect(sut.decide(Number.NaN)).toBe('duplicate');
  });
});

describe('parseLiveEvent', () => {
  it('reads the envelope and finds the stream from the ids', () => {
    expect(parseLiveEvent({ type: 'test.finished', seq: 3, data: { submissionId: 's1', name: 'a' } })).toEqual({
      type: 'test.finished',
      seq: 3,
      stream: 'submission:s1',
      data: { submissionId: 's1', name: 'a' },
    });
    expect(parseLiveEvent({ type: 'session.updated', seq: 1, stream: 'session:x', payload: {} })?.stream).toBe(
      'session:x',
    );
  });

  it('rejects unknown types, missing sequence numbers and non-objects', () => {
    expect(parseLiveEvent({ type: 'evil', seq: 1, data: { submissionId: 's' } })).toBeUndefined();
    expect(parseLiveEvent({ type: 'test.finished', data: { submissionId: 's' } })).toBeUndefined();
    expect(parseLiveEvent('test.finished')).toBeUndefined();
    expect(parseLiveEvent({ type: 'test.finished', seq: 1, data: {} })).toBeUndefined();
  });

  it('names streams like the gateway', () => {
    expect(streamOf({ sessionId: 'a' })).toBe('session:a');
    expect(streamOf({ assessmentId: 'b' })).toBe('assessment:b');
  });
});
