import { describe, expect, it } from '@jest/globals';
import { competencyLabel, minutesLabel, percentileLabel, scoreLabel, typeLabel } from './format.js';

describe('format', () => {
  it('writes scores as clamped whole percentages and a dash when pending', () => {
    expect(scoreLabel(0.716)).toBe('72%');
    expect(scoreLabel(1.2)).toBe('100%');
    expect(scoreLabel(null)).toBe('–');
    expect(scoreLabel(Number.NaN)).toBe('–');
    expect(percentileLabel(87.4)).toBe('P87');
  });

  it('writes durations in hours and minutes', () => {
    expect(minutesLabel(45)).toBe('45 min');
    expect(minutesLabel(90)).toBe('1 h 30 min');
    expect(minutesLabel(120)).toBe('2 h');
  });

  it('names types and competencies in the product’s words, and unknown ones readably', () => {
    expect(typeLabel('system-design')).toBe('System design');
    expect(competencyLabel('data-modeling')).toBe('Data storage');
    expect(typeLabel('new-kind')).toBe('New kind');
  });
});
