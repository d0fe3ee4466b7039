import { describe, expect, test } from '@jest/globals';
import { never, after } from './solution.js';

describe('timeouts', () => {
  test('a promise that never settles times out', async () => {
    await never();
    expect(true).toBe(true);
  }, 100);
  test('a slow value within the timeout', async () => {
    expect(await after(30, 'ok')).toBe('ok');
  }, 1000);
  test('a value slower than the timeout', async () => {
    expect(await after(300, 'late')).toBe('late');
  }, 100);
  test('the next test still runs', () => {
    expect(1 + 1).toBe(2);
  });
});
