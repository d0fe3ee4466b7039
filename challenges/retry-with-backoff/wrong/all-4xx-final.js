// Treats every 4xx as final, so a 429 "slow down" ends the checkout instead of being retried.
export function simulateRetries(policy, results, randoms) {
  const delaysMs = [];
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    const result = results[attempt - 1];
    if (result.status >= 200 && result.status < 300) return { outcome: 'succeeded', attempts: attempt, delaysMs };
    if (result.status !== 0 && result.status < 500) return { outcome: 'not-retryable', attempts: attempt, delaysMs };
    if (result.status === 501 || result.status > 504) return { outcome: 'not-retryable', attempts: attempt, delaysMs };
    if (attempt >= policy.maxAttempts) return { outcome: 'gave-up', attempts: attempt, delaysMs };
    const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
    let delay = Math.floor(randoms[attempt - 1] * ceiling);
    if (result.retryAfterSeconds !== undefined) delay = Math.max(delay, result.retryAfterSeconds * 1000);
    if (waited + delay > policy.budgetMs) return { outcome: 'gave-up', attempts: attempt, delaysMs };
    waited += delay;
    delaysMs.push(delay);
  }
}
