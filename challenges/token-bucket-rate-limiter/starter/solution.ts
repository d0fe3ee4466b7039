/* eslint-disable @typescript-eslint/no-unused-vars -- a starter: the parameters are for the candidate to use */
export interface LimiterOptions {
  capacity: number;
  refillPerSecond: number;
}

export interface Decision {
  allowed: boolean;
  remaining: number;
  retryAfterMs: number;
}

export class TokenBucketLimiter {
  constructor(private readonly options: LimiterOptions) {}

  tryAcquire(key: string, nowMs: number, cost = 1): Decision {
    // Decide, and update the key's bucket.
    return { allowed: true, remaining: 0, retryAfterMs: 0 };
  }
}
