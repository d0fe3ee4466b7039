// Caps the jittered delay instead of the ceiling, so once the ceiling passes the cap most delays equal the cap and clients retry in lockstep.
export function simulateRetries(
  policy: { baseMs: number; capMs: number; maxAttempts: number; budgetMs: number },
  results: { status: number; retryAfterSeconds?: number }[],
  randoms: number[],
) {
  const retryable = [0, 429, 500, 502, 503, 504];
  const delaysMs: number[] = [];
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    const { status, retryAfterSeconds } = results[attempt - 1]!;
    if (status >= 200 && status < 300) return { outcome: 'succeeded', attempts: attempt, delaysMs };
    if (!retryable.includes(status)) return { outcome: 'not-retryable', attempts: attempt, delaysMs };
    if (attempt === policy.maxAttempts) return { outcome: 'gave-up', attempts: attempt, delaysMs };
    let delay = Math.min(policy.capMs, Math.floor(randoms[attempt - 1]! * policy.baseMs * 2 ** (attempt - 1)));
    if (retryAfterSeconds !== undefined) delay = Math.max(delay, retryAfterSeconds * 1000);
    if (waited + delay > policy.budgetMs) return { outcome: 'gave-up', attempts: attempt, delaysMs };
    waited += delay;
    delaysMs.push(delay);
  }
}
