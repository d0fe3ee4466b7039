// Checks the budget only after sleeping, so the last delay overshoots the budget before the client gives up.
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
    if (attempt >= policy.maxAttempts || waited > policy.budgetMs)
      return { outcome: 'gave-up', attempts: attempt, delaysMs };
    const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
    let delay = Math.floor(randoms[attempt - 1]! * ceiling);
    if (result.retryAfterSeconds !== undefined) delay = Math.max(delay, result.retryAfterSeconds * 1000);
    waited += delay;
    delaysMs.push(delay);
  }
}
