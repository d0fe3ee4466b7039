export interface HistogramBin {
  /** In [0, 1]. */
  from: number;
  to: number;
  count: number;
}

/** Totals in [0, 1] into equal bins; a perfect score falls into the last bin, pending totals nowhere. */
export function binTotals(totals: (number | null | undefined)[], binCount = 10): HistogramBin[] {
  const bins: HistogramBin[] = Array.from({ length: binCount }, (_, index) => ({
    from: index / binCount,
    to: (index + 1) / binCount,
    count: 0,
  }));
  for (const total of totals) {
    if (typeof total !== 'number' || !Number.isFinite(total)) continue;
    const clamped = Math.min(1, Math.max(0, total));
    bins[Math.min(binCount - 1, Math.floor(clamped * binCount))].count += 1;
  }
  return bins;
}
