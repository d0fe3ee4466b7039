/**
 * The batches in which to upgrade the fleet.
 * @param {string[]} instances
 * @param {{ maxUnavailable: number | string, canary: boolean }} policy
 * @returns {string[][]}
 */
export function planRollout(instances, policy) {
  const size =
    typeof policy.maxUnavailable === 'string'
      ? Math.ceil((instances.length * parseFloat(policy.maxUnavailable)) / 100)
      : policy.maxUnavailable;
  const batches = [];
  if (policy.canary && instances.length > 0) batches.push([instances[0]]);
  for (let i = 0; i < instances.length; i += size) {
    batches.push(instances.slice(i, i + size));
  }
  return batches;
}
