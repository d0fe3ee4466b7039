// Rounds every share to the nearest cent independently, so 100 split three ways gives 99 and the ledger stops balancing.
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
  const shares = exact.map((value) => Math.round(value));
  return amountCents < 0 ? shares.map((share) => (share === 0 ? 0 : -share)) : shares;
}
