export type State = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  failureThreshold: number;
  openMs: number;
  halfOpenTrials: number;
}

/** What the breaker remembers; 'open' turns into half-open by the passing of time alone. */
type Phase =
  | { name: 'closed'; failures: number }
  | { name: 'open'; since: number }
  | { name: 'trials'; started: number; succeeded: number };

export class CircuitBreaker {
  private phase: Phase = { name: 'closed', failures: 0 };

  constructor(private readonly options: BreakerOptions) {}

  state(nowMs: number): State {
    if (this.phase.name === 'closed') return 'closed';
    if (this.phase.name === 'open' && nowMs < this.phase.since + this.options.openMs) return 'open';
    return 'half-open';
  }

  canRequest(nowMs: number): boolean {
    const trials = this.trials(nowMs);
    if (!trials) return this.phase.name === 'closed';
    if (trials.started >= this.options.halfOpenTrials) return false;
    trials.started += 1;
    return true;
  }

  onSuccess(nowMs: number): void {
    if (this.phase.name === 'closed') {
      this.phase.failures = 0;
      return;
    }
    const trials = this.trials(nowMs);
    if (!trials) return;
    trials.succeeded += 1;
    if (trials.succeeded >= this.options.halfOpenTrials) this.phase = { name: 'closed', failures: 0 };
  }

  onFailure(nowMs: number): void {
    if (this.phase.name === 'closed') {
      this.phase.failures += 1;
      if (this.phase.failures >= this.options.failureThreshold) this.phase = { name: 'open', since: nowMs };
      return;
    }
    if (this.state(nowMs) === 'half-open') this.phase = { name: 'open', since: nowMs };
  }

  /** The half-open bookkeeping, started on first use once the open period is over; undefined otherwise. */
  private trials(nowMs: number): Extract<Phase, { name: 'trials' }> | undefined {
    if (this.state(nowMs) !== 'half-open') return undefined;
    if (this.phase.name === 'open') this.phase = { name: 'trials', started: 0, succeeded: 0 };
    return this.phase.name === 'trials' ? this.phase : undefined;
  }
}
