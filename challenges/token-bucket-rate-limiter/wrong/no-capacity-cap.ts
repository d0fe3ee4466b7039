// Forgets to cap the refill at the capacity, so a key idle for an hour can burst far beyond the bucket size.
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(private readonly options: { capacity: number; refillPerSecond: number }) {}

  tryAcquire(key: string, nowMs: number, cost = 1) {
    const { capacity, refillPerSecond } = this.options;
    if (!Number.isInteger(cost) || cost < 1 || cost > capacity) throw new RangeError('bad cost');
    const bucket = this.buckets.get(key) ?? { tokens: capacity, updatedAt: nowMs };
    bucket.tokens += (Math.max(0, nowMs - bucket.updatedAt) * refillPerSecond) / 1000;
    bucket.updatedAt = Math.max(bucket.updatedAt, nowMs);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterMs: 0 };
    }
    return {
      allowed: false,
      remaining: Math.floor(bucket.tokens),
      retryAfterMs: Math.ceil(((cost - bucket.tokens) * 1000) / refillPerSecond),
    };
  }
}
