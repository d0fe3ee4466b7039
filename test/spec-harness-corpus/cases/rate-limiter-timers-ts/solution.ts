export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Subtly wrong: refills without a cap.
export class TokenBucket {
  private tokens: number;
  private last = Date.now();
  constructor(
    private readonly capacity: number,
    private readonly refillMs: number,
  ) {
    this.tokens = capacity;
  }
  get limit(): number {
    return this.capacity;
  }
  take(): boolean {
    const now = Date.now();
    const earned = Math.floor((now - this.last) / this.refillMs);
    if (earned > 0) {
      this.tokens += earned;
      this.last += earned * this.refillMs;
    }
    if (this.tokens <= 0) return false;
    this.tokens--;
    return true;
  }
}
