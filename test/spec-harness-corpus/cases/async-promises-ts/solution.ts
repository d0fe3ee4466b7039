export async function fetchUser(id: number): Promise<{ id: number; name: string }> {
  await Promise.resolve();
  return { id, name: `user-${id}` };
}
export async function failFetch(message: string): Promise<never> {
  await Promise.resolve();
  throw new Error(message);
}
export function slowValue(ms: number): Promise<number> {
  return new Promise((resolve) => setTimeout(() => resolve(ms), ms));
}
