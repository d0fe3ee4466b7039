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

/** Throttling, server errors and lost connections may succeed later; anything else will not. */
const RETRYABLE = new Set([0, 429, 500, 502, 503, 504]);

export function simulateRetries(policy: RetryPolicy, results: AttemptResult[], randoms: number[]): RetryReport {
  const delaysMs: number[] = [];
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    const result = results[attempt - 1]!;
    if (result.status >= 200 && result.status < 300) return { outcome: 'succeeded', attempts: attempt, delaysMs };
    if (!RETRYABLE.has(result.status)) return { outcome: 'not-retryable', attempts: attempt, delaysMs };
    if (attempt >= policy.maxAttempts) return { outcome: 'gave-up', attempts: attempt, delaysMs };

    // Full jitter: a uniform delay under an exponentially growing, capped ceiling.
    const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
    let delay = Math.floor(randoms[attempt - 1]! * ceiling);
    if (result.retryAfterSeconds !== undefined) delay = Math.max(delay, result.retryAfterSeconds * 1000);
    if (waited + delay > policy.budgetMs) return { outcome: 'gave-up', attempts: attempt, delaysMs };
    waited += delay;
    delaysMs.push(delay);
  }
}
