export interface RolloutPolicy {
  maxUnavailable: number | string;
  canary: boolean;
}

/** The batches in which to upgrade the fleet. */
export function planRollout(instances: string[], policy: RolloutPolicy): string[][] {
  const fleet = [...new Set(instances)];
  const allowed =
    typeof policy.maxUnavailable === 'string'
      ? Math.floor((fleet.length * parseFloat(policy.maxUnavailable)) / 100)
      : policy.maxUnavailable;
  // At least one at a time, or the loop below never moves.
  const size = Math.max(1, Math.floor(allowed));
  const batches: string[][] = [];
  let start = 0;
  if (policy.canary && fleet.length > 0) {
    batches.push([fleet[0]!]);
    start = 1;
  }
  for (let i = start; i < fleet.length; i += size) batches.push(fleet.slice(i, i + size));
  return batches;
}
