export function never(): Promise<void> {
  return new Promise(() => undefined);
}
export function after<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}
