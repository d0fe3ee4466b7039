interface Entry {
  value: unknown;
  expiresAt: number;
}

export class LruCache {
  /** A Map iterates in insertion order: re-inserting a key makes it the most recently used. */
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: { maxEntries: number; defaultTtlMs: number }) {}

  set(key: string, value: unknown, nowMs: number, ttlMs = this.options.defaultTtlMs): string | null {
    if (!(ttlMs > 0)) throw new RangeError('ttlMs must be a positive number');
    let evicted: string | null = null;
    if (this.entries.has(key)) this.entries.delete(key);
    else if (this.entries.size >= this.options.maxEntries) evicted = this.evict(nowMs);
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
    let live = 0;
    for (const entry of this.entries.values()) if (entry.expiresAt > nowMs) live += 1;
    return live;
  }

  /** The least recently used expired entry, or else the least recently used one. */
  private evict(nowMs: number): string {
    let victim: string | undefined;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= nowMs) {
        victim = key;
        break;
      }
    }
    victim ??= this.entries.keys().next().value!;
    this.entries.delete(victim);
    return victim;
  }
}
