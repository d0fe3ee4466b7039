// Computes Retry-After for the whole cost instead of the tokens still missing, so clients back off longer than needed.
export class TokenBucketLimiter {
  constructor(options) {
    this.options = options;
    this.buckets = new Map();
  }

  tryAcquire(key, nowMs, cost = 1) {
    const { capacity, refillPerSecond } = this.options;
    if (!Number.isInteger(cost) || cost < 1 || cost > capacity) throw new RangeError('bad cost');
    const bucket = this.buckets.get(key) ?? { tokens: capacity, updatedAt: nowMs };
    const elapsed = Math.max(0, nowMs - bucket.updatedAt);
    bucket.tokens = Math.min(capacity, bucket.tokens + (elapsed * refillPerSecond) / 1000);
    bucket.updatedAt = Math.max(bucket.updatedAt, nowMs);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterMs: 0 };
    }
    return {
      allowed: false,
      remaining: Math.floor(bucket.tokens),
      retryAfterMs: Math.ceil((cost * 1000) / refillPerSecond),
    };
  }
}
