export interface LimiterOptions {
  capacity: number;
  refillPerSecond: number;
}

export interface Decision {
  allowed: boolean;
  remaining: number;
  retryAfterMs: number;
}

interface Bucket {
  tokens: number;
  /** The latest time seen for this key: a clock that goes backwards neither refills nor drains. */
  updatedAt: number;
}

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly options: LimiterOptions) {}

  tryAcquire(key: string, nowMs: number, cost = 1): Decision {
    const { capacity, refillPerSecond } = this.options;
    if (!Number.isInteger(cost) || cost < 1 || cost > capacity) {
      throw new RangeError(`cost must be an integer from 1 to ${capacity}`);
    }
    const bucket = this.buckets.get(key) ?? { tokens: capacity, updatedAt: nowMs };
    const elapsed = Math.max(0, nowMs - bucket.updatedAt);
    bucket.tokens = Math.min(capacity, bucket.tokens + (elapsed * refillPerSecond) / 1000);
    bucket.updatedAt = Math.max(bucket.updatedAt, nowMs);
    this.buckets.set(key, bucket);

    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterMs: 0 };
    }
    const retryAfterMs = Math.ceil(((cost - bucket.tokens) * 1000) / refillPerSecond);
    return { allowed: false, remaining: Math.floor(bucket.tokens), retryAfterMs };
  }
}
