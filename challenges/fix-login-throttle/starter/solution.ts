export interface ThrottleOptions {
  maxFailures: number;
  windowMs: number;
  lockoutMs: number;
  ipMaxFailures: number;
}

export type Decision = { allowed: true } | { allowed: false; retryAfterMs: number };

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly lockedUntil = new Map<string, number>();

  constructor(private readonly options: ThrottleOptions) {}

  check(username: string, ip: string, now: number): Decision {
    const until = this.lockedUntil.get(`user:${username}`) ?? 0;
    if (now < until) return { allowed: false, retryAfterMs: until - now };
    if (now < (this.lockedUntil.get(`ip:${ip}`) ?? 0)) return { allowed: false, retryAfterMs: until - now };
    return { allowed: true };
  }

  recordFailure(username: string, ip: string, now: number): void {
    this.fail(`user:${username}`, this.options.maxFailures, now);
    this.fail(`ip:${ip}`, this.options.ipMaxFailures, now);
  }

  recordSuccess(username: string, ip: string, _now: number): void {
    this.failures.delete(`user:${username}`);
    this.failures.delete(`ip:${ip}`);
  }

  private fail(key: string, max: number, now: number): void {
    const recent = (this.failures.get(key) ?? []).filter((at) => now - at < this.options.windowMs);
    recent.push(now);
    this.failures.set(key, recent);
    if (recent.length >= max) this.lockedUntil.set(key, now + this.options.lockoutMs);
  }
}
