/* eslint-disable @typescript-eslint/no-unused-vars -- a starter: the parameters are for the candidate to use */
export class TokenBucketLimiter {
  /** @param {{ capacity: number, refillPerSecond: number }} options */
  constructor(options) {
    this.options = options;
  }

  /**
   * @param {string} key
   * @param {number} nowMs
   * @param {number} [cost=1]
   * @returns {{ allowed: boolean, remaining: number, retryAfterMs: number }}
   */
  tryAcquire(key, nowMs, cost = 1) {
    // Decide, and update the key's bucket.
    return { allowed: true, remaining: 0, retryAfterMs: 0 };
  }
}
