export function allocate(amountCents: number, ratios: number[]): number[] {
  if (!Number.isSafeInteger(amountCents)) throw new RangeError('amountCents must be a safe integer');
  if (ratios.length === 0) throw new RangeError('at least one ratio is needed');
  for (const ratio of ratios) {
    if (!Number.isFinite(ratio) || ratio < 0) throw new RangeError('ratios must be finite and not negative');
  }
  const total = ratios.reduce((sum, ratio) => sum + ratio, 0);
  if (total <= 0) throw new RangeError('at least one ratio must be positive');

  const amount = Math.abs(amountCents);
  const exact = ratios.map((ratio) => (amount * ratio) / total);
  const shares = exact.map((value) => Math.floor(value));
  let left = amount - shares.reduce((sum, share) => sum + share, 0);
  // Largest remainder first; equal remainders keep their order (Array.prototype.sort is stable).
  const order = exact.map((value, index) => ({ index, remainder: value - shares[index]! }));
  order.sort((a, b) => b.remainder - a.remainder);
  for (let i = 0; left > 0; i = (i + 1) % order.length) {
    shares[order[i]!.index]! += 1;
    left -= 1;
  }
  return amountCents < 0 ? shares.map((share) => (share === 0 ? 0 : -share)) : shares;
}
