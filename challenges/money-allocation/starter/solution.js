/**
 * Splits `amountCents` by `ratios` with the largest remainder method; the shares add up to `amountCents`.
 * @param {number} amountCents
 * @param {number[]} ratios
 * @returns {number[]}
 */
export function allocate(amountCents, ratios) {
  return ratios.map(() => 0);
}
