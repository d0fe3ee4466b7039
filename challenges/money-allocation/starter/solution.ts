/* eslint-disable @typescript-eslint/no-unused-vars -- a starter: the parameters are for the candidate to use */
/** Splits `amountCents` by `ratios` with the largest remainder method; the shares add up to `amountCents`. */
export function allocate(amountCents: number, ratios: number[]): number[] {
  return ratios.map(() => 0);
}
