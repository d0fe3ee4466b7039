/* eslint-disable @typescript-eslint/no-unused-vars -- a starter: the parameters are for the candidate to use */
/**
 * @param {{ baseMs: number, capMs: number, maxAttempts: number, budgetMs: number }} policy
 * @param {{ status: number, retryAfterSeconds?: number }[]} results
 * @param {number[]} randoms
 * @returns {{ outcome: 'succeeded' | 'not-retryable' | 'gave-up', attempts: number, delaysMs: number[] }}
 */
export function simulateRetries(policy, results, randoms) {
  // Replay the retry policy over the results.
  return { outcome: 'gave-up', attempts: 1, delaysMs: [] };
}
