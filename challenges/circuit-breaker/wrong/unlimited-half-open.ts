// Lets every request through once half-open, so a recovering dependency gets the whole backlog at once.
export class CircuitBreaker {
  private current: 'closed' | 'open' | 'trial' = 'closed';
  private failures = 0;
  private openedAt = 0;
  private succeeded = 0;

  constructor(private readonly options: { failureThreshold: number; openMs: number; halfOpenTrials: number }) {}

  state(nowMs: number) {
    if (this.current === 'closed') return 'closed';
    if (this.current === 'open' && nowMs < this.openedAt + this.options.openMs) return 'open';
    return 'half-open';
  }

  canRequest(nowMs: number): boolean {
    const state = this.state(nowMs);
    if (state === 'half-open' && this.current === 'open') [this.current, this.succeeded] = ['trial', 0];
    return state !== 'open';
  }

  onSuccess(nowMs: number): void {
    const state = this.state(nowMs);
    if (state === 'closed') this.failures = 0;
    if (state !== 'half-open') return;
    if (this.current === 'open') [this.current, this.succeeded] = ['trial', 0];
    if (++this.succeeded >= this.options.halfOpenTrials) [this.current, this.failures] = ['closed', 0];
  }

  onFailure(nowMs: number): void {
    const state = this.state(nowMs);
    if (state === 'open') return;
    if (state === 'closed' && ++this.failures < this.options.failureThreshold) return;
    this.current = 'open';
    this.openedAt = nowMs;
  }
}
