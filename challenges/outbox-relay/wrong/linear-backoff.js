// Backs off linearly (base times attempts), so a broker that is down for minutes gets retried far too often.
class OutboxRelay {
  constructor(options) {
    this.options = options;
  }
  options;
  messages = [];
  byId = /* @__PURE__ */ new Map();
  dead = [];
  add(id, aggregateId) {
    if (this.byId.has(id)) return false;
    const message = { id, aggregateId, state: 'pending', leasedUntil: 0, notBefore: 0, attempts: 0 };
    this.messages.push(message);
    this.byId.set(id, message);
    return true;
  }
  claim(now) {
    const claimed = [];
    const held = /* @__PURE__ */ new Set();
    for (const message of this.messages) {
      if (claimed.length === this.options.batchSize) break;
      if (message.state !== 'pending') continue;
      const available = !held.has(message.aggregateId) && now >= message.leasedUntil && now >= message.notBefore;
      held.add(message.aggregateId);
      if (!available) continue;
      message.leasedUntil = now + this.options.leaseMs;
      claimed.push(message.id);
    }
    return claimed;
  }
  ack(id, now) {
    const message = this.leased(id, now);
    if (!message) return false;
    message.state = 'published';
    return true;
  }
  fail(id, now) {
    const message = this.leased(id, now);
    if (!message) return false;
    message.attempts += 1;
    message.leasedUntil = 0;
    if (message.attempts >= this.options.maxAttempts) {
      message.state = 'dead';
      this.dead.push(id);
      return 'dead';
    }
    message.notBefore = now + this.options.retryBaseMs * message.attempts;
    return 'retry';
  }
  deadLetters() {
    return [...this.dead];
  }
  pendingCount() {
    return this.messages.filter((message) => message.state === 'pending').length;
  }
  leased(id, now) {
    const message = this.byId.get(id);
    return message && message.state === 'pending' && now < message.leasedUntil ? message : void 0;
  }
}
export { OutboxRelay };
