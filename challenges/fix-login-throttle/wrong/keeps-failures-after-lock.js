// Keeps the counted failures when locking, so once the lock expires the next single failure locks the account again.
class LoginThrottle {
  constructor(options) {
    this.options = options;
  }
  options;
  failures = /* @__PURE__ */ new Map();
  lockedUntil = /* @__PURE__ */ new Map();
  check(username, ip, now) {
    const until = Math.max(this.lockedUntil.get(accountKey(username)) ?? 0, this.lockedUntil.get(ipKey(ip)) ?? 0);
    return now < until ? { allowed: false, retryAfterMs: until - now } : { allowed: true };
  }
  recordFailure(username, ip, now) {
    this.fail(accountKey(username), this.options.maxFailures, now);
    this.fail(ipKey(ip), this.options.ipMaxFailures, now);
  }
  /** Clears the account only: a sprayer's own successful login must not reset the address's count. */
  recordSuccess(username, _ip, _now) {
    this.failures.delete(accountKey(username));
  }
  fail(key, max, now) {
    const recent = (this.failures.get(key) ?? []).filter((at) => now - at < this.options.windowMs);
    recent.push(now);
    if (recent.length >= max) {
      this.lockedUntil.set(key, now + this.options.lockoutMs);
    }
    this.failures.set(key, recent);
  }
}
function accountKey(username) {
  return `account:${username.trim().toLowerCase()}`;
}
function ipKey(ip) {
  return `ip:${ip}`;
}
export { LoginThrottle };
