import { describe, expect, test } from '@jest/globals';
import { cases } from './fixtures.js';
import { countWords } from './solution.js';

describe('countWords', () => {
  for (const { input, words } of cases) {
    test(`"${input}" has ${words} words`, () => {
      expect(countWords(input)).toBe(words);
    });
  }
});
