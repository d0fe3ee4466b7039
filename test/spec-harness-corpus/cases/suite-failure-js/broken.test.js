import { describe, expect, test } from '@jest/globals';
import { setup } from './solution';

describe('a describe callback that throws', () => {
  test('would pass', () => {
    expect(1).toBe(1);
  });
  setup();
});
