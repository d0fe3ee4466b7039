import { describe, expect, test } from '@jest/globals';
import { TokenBucket, sleep } from './solution.js';

describe('TokenBucket', () => {
  test('allows a burst up to the capacity', () => {
    const bucket = new TokenBucket(3, 1000);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
  });
  test('refills over time', async () => {
    const bucket = new TokenBucket(1, 50);
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    await sleep(60);
    expect(bucket.take()).toBe(true);
  });
  test('does not exceed the capacity after a long wait', async () => {
    const bucket = new TokenBucket(2, 10);
    await sleep(60);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  });
  test('time moves forward', async () => {
    const before = Date.now();
    await sleep(30);
    expect(Date.now() - before).toBeGreaterThanOrEqual(25);
  });
});
