export function createLog() {
  const items: string[] = [];
  return {
    push(entry: string): void {
      items.push(entry);
    },
    entries(): string[] {
      return [...items];
    },
  };
}
