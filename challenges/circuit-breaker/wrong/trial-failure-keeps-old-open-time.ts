// Re-opens after a failed trial without restarting the clock, so the breaker is half-open again at once and hammers the dependency.
export class CircuitBreaker {
  private current: 'closed' | 'open' | 'trial' = 'closed';
  private failures = 0;
  private openedAt = 0;
  private started = 0;
  private succeeded = 0;

  constructor(private readonly options: { failureThreshold: number; openMs: number; halfOpenTrials: number }) {}

  state(nowMs: number) {
    if (this.current === 'closed') return 'closed';
    if (this.current === 'open' && nowMs < this.openedAt + this.options.openMs) return 'open';
    return 'half-open';
  }

  canRequest(nowMs: number): boolean {
    const state = this.state(nowMs);
    if (state !== 'half-open') return state === 'closed';
    if (this.current === 'open') [this.current, this.started, this.succeeded] = ['trial', 0, 0];
    if (this.started >= this.options.halfOpenTrials) return false;
    this.started += 1;
    return true;
  }

  onSuccess(nowMs: number): void {
    const state = this.state(nowMs);
    if (state === 'closed') this.failures = 0;
    if (state !== 'half-open') return;
    if (this.current === 'open') [this.current, this.started, this.succeeded] = ['trial', 0, 0];
    this.succeeded += 1;
    if (this.succeeded >= this.options.halfOpenTrials) [this.current, this.failures] = ['closed', 0];
  }

  onFailure(nowMs: number): void {
    const state = this.state(nowMs);
    if (state === 'open') return;
    if (state === 'closed') {
      this.failures += 1;
      if (this.failures < this.options.failureThreshold) return;
      this.openedAt = nowMs;
    }
    this.current = 'open';
  }
}
