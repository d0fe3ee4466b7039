import { describe, expect, it } from '@jest/globals';
import { deriveSignals, duration, type ItemActivity } from './integrity-signals.js';

const start = Date.parse('2026-01-05T10:00:00Z');
const at = (seconds: number) => new Date(start + seconds * 1000);

/** Snapshots every few seconds growing steadily from 0 to `finalLength`, between two times. */
function steadyTyping(fromSecond: number, toSecond: number, finalLength: number, startLength = 0) {
  const snapshots: ItemActivity['snapshots'] = [];
  for (let second = fromSecond; second <= toSecond; second += 5) {
    const share = (second - fromSecond) / (toSecond - fromSecond);
    snapshots.push({ at: at(second), length: Math.round(startLength + share * (finalLength - startLength)) });
  }
  return snapshots;
}

describe('deriveSignals', () => {
  it('finds nothing in an answer typed steadily with small pastes and short absences', () => {
    const sut = deriveSignals({
      itemId: 'item',
      snapshots: steadyTyping(0, 1800, 1500),
      events: [
        { at: at(100), kind: 'paste', length: 40 },
        { at: at(600), kind: 'focus_lost', length: null },
        { at: at(630), kind: 'focus_returned', length: null },
      ],
    });
    expect(sut).toEqual([]);
  });

  it('flags a large paste soon after the item was started, saying how large and when', () => {
    const sut = deriveSignals({
      itemId: 'item',
      snapshots: [...steadyTyping(0, 60, 50), { at: at(95), length: 1290 }, ...steadyTyping(100, 1500, 3000, 1290)],
      events: [{ at: at(92), kind: 'paste', length: 1240 }],
    });
    expect(sut).toEqual([
      {
        kind: 'large_paste_early',
        itemId: 'item',
        at: at(92),
        reason: 'Pasted 1,240 characters 1 min 32 s after starting this item.',
      },
    ]);
  });

  it('does not call a large paste late in the work early', () => {
    const sut = deriveSignals({
      itemId: 'item',
      snapshots: steadyTyping(0, 1800, 3000),
      events: [{ at: at(1200), kind: 'paste', length: 250 }],
    });
    expect(sut.map((signal) => signal.kind)).toEqual([]);
  });

  it('flags a long absence followed by most of the answer appearing, even without a reported paste', () => {
    const sut = deriveSignals({
      itemId: 'item',
      snapshots: [...steadyTyping(0, 300, 200), { at: at(700), length: 210 }, { at: at(760), length: 1400 }],
      events: [
        { at: at(310), kind: 'focus_lost', length: null },
        { at: at(690), kind: 'focus_returned', length: null },
      ],
    });
    expect(sut.map((signal) => signal.kind)).toEqual(['absence_then_complete_answer']);
    expect(sut[0].reason).toBe(
      'Away from the assessment for 6 min 20 s, then the answer grew by 1,200 characters (86 % of its final length) within 3 min of returning.',
    );
  });

  it('does not flag a long absence followed by ordinary typing', () => {
    const sut = deriveSignals({
      itemId: 'item',
      snapshots: [...steadyTyping(0, 300, 500), ...steadyTyping(700, 1800, 1500, 500)],
      events: [
        { at: at(310), kind: 'focus_lost', length: null },
        { at: at(690), kind: 'focus_returned', length: null },
      ],
    });
    expect(sut).toEqual([]);
  });

  it('flags a jump between snapshots that the editor did not report as a paste', () => {
    const snapshots = [...steadyTyping(0, 600, 300), { at: at(602), length: 1100 }];
    expect(deriveSignals({ itemId: 'item', snapshots, events: [] }).map((signal) => signal.kind)).toEqual([
      'unreported_large_change',
    ]);
    // The same jump with its paste reported is explained (and too late in the work to be "early").
    const reported = deriveSignals({
      itemId: 'item',
      snapshots,
      events: [{ at: at(601), kind: 'paste', length: 800 }],
    });
    expect(reported.map((signal) => signal.kind)).toEqual([]);
  });

  it('flags an answer that is mostly pasted', () => {
    const sut = deriveSignals({
      itemId: 'item',
      snapshots: [...steadyTyping(0, 400, 100), { at: at(1000), length: 700 }, { at: at(1200), length: 1000 }],
      events: [
        { at: at(999), kind: 'paste', length: 600 },
        { at: at(1199), kind: 'large_insertion', length: 300 },
      ],
    });
    expect(sut.map((signal) => signal.kind)).toEqual(['answer_mostly_pasted']);
    expect(sut[0].reason).toBe("900 characters were pasted or inserted, 90 % of the final answer's 1,000.");
  });
});

describe('duration', () => {
  it.each([
    [0, '0 s'],
    [45_400, '45 s'],
    [180_000, '3 min'],
    [200_000, '3 min 20 s'],
    [3_900_000, '1 h 5 min'],
  ])('writes %d ms as %s', (ms, text) => {
    expect(duration(ms)).toBe(text);
  });
});
