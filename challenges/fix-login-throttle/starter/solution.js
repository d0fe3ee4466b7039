class LoginThrottle {
  constructor(options) {
    this.options = options;
  }
  options;
  failures = /* @__PURE__ */ new Map();
  lockedUntil = /* @__PURE__ */ new Map();
  check(username, ip, now) {
    const until = this.lockedUntil.get(`user:${username}`) ?? 0;
    if (now < until) return { allowed: false, retryAfterMs: until - now };
    if (now < (this.lockedUntil.get(`ip:${ip}`) ?? 0)) return { allowed: false, retryAfterMs: until - now };
    return { allowed: true };
  }
  recordFailure(username, ip, now) {
    this.fail(`user:${username}`, this.options.maxFailures, now);
    this.fail(`ip:${ip}`, this.options.ipMaxFailures, now);
  }
  recordSuccess(username, ip, _now) {
    this.failures.delete(`user:${username}`);
    this.failures.delete(`ip:${ip}`);
  }
  fail(key, max, now) {
    const recent = (this.failures.get(key) ?? []).filter((at) => now - at < this.options.windowMs);
    recent.push(now);
    this.failures.set(key, recent);
    if (recent.length >= max) this.lockedUntil.set(key, now + this.options.lockoutMs);
  }
}
export { LoginThrottle };
