export class OutboxRelay {
  /** @param {{ batchSize: number, leaseMs: number, maxAttempts: number, retryBaseMs: number }} options */
  constructor(options) {
    this.options = options;
  }

  /** @returns {boolean} false (and ignored) when the id exists */
  add(id, aggregateId) {
    return true;
  }

  /** @returns {string[]} the ids to publish now, leased until now + leaseMs */
  claim(now) {
    return [];
  }

  /** @returns {boolean} */
  ack(id, now) {
    return false;
  }

  /** @returns {'retry' | 'dead' | false} */
  fail(id, now) {
    return false;
  }

  /** @returns {string[]} */
  deadLetters() {
    return [];
  }

  /** @returns {number} */
  pendingCount() {
    return 0;
  }
}
