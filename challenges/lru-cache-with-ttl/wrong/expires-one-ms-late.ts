// Treats the expiry instant as still valid (expiresAt < now), so an entry lives one millisecond too long.
export class LruCache {
  private readonly entries = new Map<string, { value: unknown; expiresAt: number }>();

  constructor(private readonly options: { maxEntries: number; defaultTtlMs: number }) {}

  set(key: string, value: unknown, nowMs: number, ttlMs = this.options.defaultTtlMs): string | null {
    if (!(ttlMs > 0)) throw new RangeError('ttlMs must be positive');
    let evicted: string | null = null;
    if (this.entries.has(key)) this.entries.delete(key);
    else if (this.entries.size >= this.options.maxEntries) {
      const expired = [...this.entries].find(([, entry]) => entry.expiresAt < nowMs);
      evicted = expired ? expired[0] : this.entries.keys().next().value!;
      this.entries.delete(evicted);
    }
    this.entries.set(key, { value, expiresAt: nowMs + ttlMs });
    return evicted;
  }

  get(key: string, nowMs: number): unknown {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    if (entry.expiresAt < nowMs) return null;
    this.entries.set(key, entry);
    return entry.value;
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  size(nowMs: number): number {
    return [...this.entries.values()].filter((entry) => entry.expiresAt >= nowMs).length;
  }
}
