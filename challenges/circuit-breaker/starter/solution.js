/* eslint-disable @typescript-eslint/no-unused-vars -- a starter: the parameters are for the candidate to use */
export class CircuitBreaker {
  /** @param {{ failureThreshold: number, openMs: number, halfOpenTrials: number }} options */
  constructor(options) {
    this.options = options;
  }

  /** @returns {boolean} */
  canRequest(nowMs) {
    return true;
  }

  onSuccess(nowMs) {}

  onFailure(nowMs) {}

  /** @returns {'closed' | 'open' | 'half-open'} */
  state(nowMs) {
    return 'closed';
  }
}
