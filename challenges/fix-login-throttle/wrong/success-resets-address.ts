// Clears the address's failures on a success too, so a sprayer resets the count by logging into an account of their own.
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
    // Wait for every lock that applies: the later one decides.
    const until = Math.max(this.lockedUntil.get(accountKey(username)) ?? 0, this.lockedUntil.get(ipKey(ip)) ?? 0);
    return now < until ? { allowed: false, retryAfterMs: until - now } : { allowed: true };
  }

  recordFailure(username: string, ip: string, now: number): void {
    this.fail(accountKey(username), this.options.maxFailures, now);
    this.fail(ipKey(ip), this.options.ipMaxFailures, now);
  }

  /** Clears the account only: a sprayer's own successful login must not reset the address's count. */
  recordSuccess(username: string, _ip: string, _now: number): void {
    this.failures.delete(accountKey(username));
    this.failures.delete(ipKey(_ip));
  }

  private fail(key: string, max: number, now: number): void {
    const recent = (this.failures.get(key) ?? []).filter((at) => now - at < this.options.windowMs);
    recent.push(now);
    if (recent.length >= max) {
      this.lockedUntil.set(key, now + this.options.lockoutMs);
      this.failures.delete(key); // a fresh start once the lock expires
    } else this.failures.set(key, recent);
  }
}

function accountKey(username: string): string {
  return `account:${username.trim().toLowerCase()}`;
}

function ipKey(ip: string): string {
  return `ip:${ip}`;
}
