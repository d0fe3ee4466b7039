/* eslint-disable @typescript-eslint/no-unused-vars -- a starter: the parameters are for the candidate to use */
export class LruCache {
  constructor(private readonly options: { maxEntries: number; defaultTtlMs: number }) {}

  set(key: string, value: unknown, nowMs: number, ttlMs = this.options.defaultTtlMs): string | null {
    return null;
  }

  get(key: string, nowMs: number): unknown {
    return null;
  }

  delete(key: string): boolean {
    return false;
  }

  size(nowMs: number): number {
    return 0;
  }
}
