import { describe, expect, it } from '@jest/globals';
import { ServerCountdown, formatRemaining, spokenRemaining, urgencyOf } from './server-countdown.js';

describe('ServerCountdown', () => {
  it('counts down from what the server said and re-syncs', () => {
    const sut = new ServerCountdown(90, 1_000);
    expect(sut.remainingSeconds(1_000)).toBe(90);
    expect(sut.remainingSeconds(31_000)).toBe(60);
    expect(sut.remainingSeconds(1_000_000)).toBe(0);
    sut.sync(30, 40_000);
    expect(sut.remainingSeconds(40_000)).toBe(30);
  });

  it('rounds a partial second up, so the timer never shows 00:00 with time left', () => {
    const sut = new ServerCountdown(1, 0);
    expect(sut.remainingSeconds(999)).toBe(1);
    expect(sut.remainingSeconds(1_000)).toBe(0);
  });
});

describe('formatting time left', () => {
  it('formats with and without hours', () => {
    expect(formatRemaining(0)).toBe('00:00');
    expect(formatRemaining(309)).toBe('05:09');
    expect(formatRemaining(3_909)).toBe('1:05:09');
    expect(formatRemaining(-5)).toBe('00:00');
  });

  it('speaks it in words', () => {
    expect(spokenRemaining(3_660)).toBe('1 hour 1 minute left');
    expect(spokenRemaining(125)).toBe('2 minutes left');
    expect(spokenRemaining(1)).toBe('1 second left');
  });

  it('raises urgency in the last five minutes and the last one', () => {
    expect(urgencyOf(301)).toBe('calm');
    expect(urgencyOf(300)).toBe('soon');
    expect(urgencyOf(60)).toBe('critical');
  });
});
