// Ignores Retry-After: the client comes back before the provider said it could take the request.
export function simulateRetries(
  policy: { baseMs: number; capMs: number; maxAttempts: number; budgetMs: number },
  results: { status: number; retryAfterSeconds?: number }[],
  randoms: number[],
) {
  const retryable = new Set([0, 429, 500, 502, 503, 504]);
  const delaysMs: number[] = [];
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    const result = results[attempt - 1]!;
    if (result.status >= 200 && result.status < 300) return { outcome: 'succeeded', attempts: attempt, delaysMs };
    if (!retryable.has(result.status)) return { outcome: 'not-retryable', attempts: attempt, delaysMs };
    if (attempt >= policy.maxAttempts) return { outcome: 'gave-up', attempts: attempt, delaysMs };
    const delay = Math.floor(randoms[attempt - 1]! * Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1)));
    if (waited + delay > policy.budgetMs) return { outcome: 'gave-up', attempts: attempt, delaysMs };
    waited += delay;
    delaysMs.push(delay);
  }
}
