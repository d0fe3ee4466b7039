export class Counter {
  private value = 0;
  next(): number {
    this.value += 1;
    return this.value;
  }
  reset(): void {
    // Subtly wrong: resets to 1.
    this.value = 1;
  }
}
export const shared = new Counter();
