export const ratio = (a: number, b: number): number => a / b;
export const average = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
export const big = (): bigint => 2n ** 64n;
