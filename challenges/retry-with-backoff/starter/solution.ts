/* eslint-disable @typescript-eslint/no-unused-vars -- a starter: the parameters are for the candidate to use */
export interface RetryPolicy {
  baseMs: number;
  capMs: number;
  maxAttempts: number;
  budgetMs: number;
}

export interface AttemptResult {
  status: number;
  retryAfterSeconds?: number;
}

export interface RetryReport {
  outcome: 'succeeded' | 'not-retryable' | 'gave-up';
  attempts: number;
  delaysMs: number[];
}

export function simulateRetries(policy: RetryPolicy, results: AttemptResult[], randoms: number[]): RetryReport {
  // Replay the retry policy over the results.
  return { outcome: 'gave-up', attempts: 1, delaysMs: [] };
}
