/* eslint-disable @typescript-eslint/no-unused-vars -- a starter: the parameters are for the candidate to use */
export class LruCache {
  /** @param {{ maxEntries: number, defaultTtlMs: number }} options */
  constructor(options) {
    this.options = options;
  }

  /** @returns {string | null} the evicted key */
  set(key, value, nowMs, ttlMs = this.options.defaultTtlMs) {
    return null;
  }

  get(key, nowMs) {
    return null;
  }

  /** @returns {boolean} */
  delete(key) {
    return false;
  }

  /** @returns {number} */
  size(nowMs) {
    return 0;
  }
}
