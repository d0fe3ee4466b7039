// Always evicts the least recently used entry, even when an expired entry could have gone instead.
export class LruCache {
  constructor(options) {
    this.options = options;
    this.entries = new Map();
  }

  set(key, value, nowMs, ttlMs = this.options.defaultTtlMs) {
    if (!(ttlMs > 0)) throw new RangeError('ttlMs must be positive');
    let evicted = null;
    if (this.entries.has(key)) this.entries.delete(key);
    else if (this.entries.size >= this.options.maxEntries) {
      evicted = this.entries.keys().next().value;
      this.entries.delete(evicted);
    }
    this.entries.set(key, { value, expiresAt: nowMs + ttlMs });
    return evicted;
  }

  get(key, nowMs) {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    if (entry.expiresAt <= nowMs) return null;
    this.entries.set(key, entry);
    return entry.value;
  }

  delete(key) {
    return this.entries.delete(key);
  }

  size(nowMs) {
    return [...this.entries.values()].filter((entry) => entry.expiresAt > nowMs).length;
  }
}
