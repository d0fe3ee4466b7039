/** The time limit offered for an assessment: the items' estimate plus a quarter, in steps of 5 minutes. */
export function suggestedDuration(estimatedMinutes: number): number {
  if (!Number.isFinite(estimatedMinutes) || estimatedMinutes <= 0) return 60;
  const withMargin = Math.ceil((estimatedMinutes * 1.25) / 5) * 5;
  return Math.min(600, Math.max(15, withMargin));
}
