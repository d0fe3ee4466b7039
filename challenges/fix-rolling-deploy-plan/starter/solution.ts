export interface RolloutPolicy {
  maxUnavailable: number | string;
  canary: boolean;
}

/** The batches in which to upgrade the fleet. */
export function planRollout(instances: string[], policy: RolloutPolicy): string[][] {
  const size =
    typeof policy.maxUnavailable === 'string'
      ? Math.ceil((instances.length * parseFloat(policy.maxUnavailable)) / 100)
      : policy.maxUnavailable;
  const batches: string[][] = [];
  if (policy.canary && instances.length > 0) batches.push([instances[0]!]);
  for (let i = 0; i < instances.length; i += size) {
    batches.push(instances.slice(i, i + size));
  }
  return batches;
}
