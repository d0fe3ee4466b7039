export const compute = (x) => x * 2;
