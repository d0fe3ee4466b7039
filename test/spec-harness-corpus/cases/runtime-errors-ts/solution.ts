export function parseConfig(text: string): Record<string, unknown> {
  return JSON.parse(text) as Record<string, unknown>;
}
export function lookup(source: Record<string, unknown>, path: string): unknown {
  let value: unknown = source;
  for (const key of path.split('.')) value = (value as Record<string, unknown>)[key];
  return value;
}
