// Restarts the open period on every refused request, so under steady traffic the breaker never half-opens.
export class CircuitBreaker {
  constructor(options) {
    this.options = options;
    this.current = 'closed';
    this.failures = 0;
    this.openedAt = 0;
    this.started = 0;
    this.succeeded = 0;
  }

  state(nowMs) {
    if (this.current === 'closed') return 'closed';
    if (this.current === 'open' && nowMs < this.openedAt + this.options.openMs) return 'open';
    return 'half-open';
  }

  canRequest(nowMs) {
    const state = this.state(nowMs);
    if (state === 'closed') return true;
    if (state === 'open') {
      this.openedAt = nowMs;
      return false;
    }
    if (this.current === 'open') Object.assign(this, { current: 'trial', started: 0, succeeded: 0 });
    if (this.started >= this.options.halfOpenTrials) return false;
    this.started += 1;
    return true;
  }

  onSuccess(nowMs) {
    const state = this.state(nowMs);
    if (state === 'closed') this.failures = 0;
    if (state !== 'half-open') return;
    if (this.current === 'open') Object.assign(this, { current: 'trial', started: 0, succeeded: 0 });
    this.succeeded += 1;
    if (this.succeeded >= this.options.halfOpenTrials) Object.assign(this, { current: 'closed', failures: 0 });
  }

  onFailure(nowMs) {
    const state = this.state(nowMs);
    if (state === 'open') return;
    if (state === 'closed') {
      this.failures += 1;
      if (this.failures < this.options.failureThreshold) return;
    }
    this.current = 'open';
    this.openedAt = nowMs;
  }
}
