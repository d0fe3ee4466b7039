import { describe, expect, it } from '@jest/globals';
import { suggestedDuration } from './assessment-plan.js';

describe('suggestedDuration', () => {
  it('adds a quarter and rounds up to 5 minutes', () => {
    expect(suggestedDuration(40)).toBe(50);
    expect(suggestedDuration(45)).toBe(60);
  });

  it('stays within the limits the API accepts', () => {
    expect(suggestedDuration(4)).toBe(15);
    expect(suggestedDuration(1000)).toBe(600);
    expect(suggestedDuration(0)).toBe(60);
    expect(suggestedDuration(Number.NaN)).toBe(60);
  });
});
