export function visit(items: number[], fn: (n: number) => void): void {
  items.forEach(fn);
}
// Subtly wrong: skips the last item.
export function visitSome(items: number[], fn: (n: number) => void): void {
  items.slice(0, -1).forEach(fn);
}
