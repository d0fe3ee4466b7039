// Floors the signed shares of a negative amount, so a refund's cents go to the wrong shares and negative zero appears.
function allocate(amountCents, ratios) {
  if (!Number.isSafeInteger(amountCents)) throw new RangeError('amountCents must be a safe integer');
  if (ratios.length === 0) throw new RangeError('at least one ratio is needed');
  for (const ratio of ratios) {
    if (!Number.isFinite(ratio) || ratio < 0) throw new RangeError('ratios must be finite and not negative');
  }
  const total = ratios.reduce((sum, ratio) => sum + ratio, 0);
  if (total <= 0) throw new RangeError('at least one ratio must be positive');
  const amount = amountCents;
  const exact = ratios.map((ratio) => (amount * ratio) / total);
  const shares = exact.map((value) => Math.floor(value));
  let left = amount - shares.reduce((sum, share) => sum + share, 0);
  const order = exact.map((value, index) => ({ index, remainder: value - shares[index] }));
  order.sort((a, b) => b.remainder - a.remainder);
  for (let i = 0; left !== 0; i = (i + 1) % order.length) {
    shares[order[i].index] += 1;
    left -= 1;
  }
  return shares;
}
export { allocate };
