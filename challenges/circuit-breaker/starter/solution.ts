/* eslint-disable @typescript-eslint/no-unused-vars -- a starter: the parameters are for the candidate to use */
export type State = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  failureThreshold: number;
  openMs: number;
  halfOpenTrials: number;
}

export class CircuitBreaker {
  constructor(private readonly options: BreakerOptions) {}

  canRequest(nowMs: number): boolean {
    return true;
  }

  onSuccess(nowMs: number): void {}

  onFailure(nowMs: number): void {}

  state(nowMs: number): State {
    return 'closed';
  }
}
