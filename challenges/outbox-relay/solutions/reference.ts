export interface RelayOptions {
  batchSize: number;
  leaseMs: number;
  maxAttempts: number;
  retryBaseMs: number;
}

interface OutboxMessage {
  id: string;
  aggregateId: string;
  state: 'pending' | 'published' | 'dead';
  leasedUntil: number;
  notBefore: number;
  attempts: number;
}

export class OutboxRelay {
  private readonly messages: OutboxMessage[] = [];
  private readonly byId = new Map<string, OutboxMessage>();
  private readonly dead: string[] = [];

  constructor(private readonly options: RelayOptions) {}

  add(id: string, aggregateId: string): boolean {
    if (this.byId.has(id)) return false;
    const message: OutboxMessage = { id, aggregateId, state: 'pending', leasedUntil: 0, notBefore: 0, attempts: 0 };
    this.messages.push(message);
    this.byId.set(id, message);
    return true;
  }

  claim(now: number): string[] {
    const claimed: string[] = [];
    // Aggregates with an earlier message still to publish: their later messages wait.
    const held = new Set<string>();
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

  ack(id: string, now: number): boolean {
    const message = this.leased(id, now);
    if (!message) return false;
    message.state = 'published';
    return true;
  }

  fail(id: string, now: number): 'retry' | 'dead' | false {
    const message = this.leased(id, now);
    if (!message) return false;
    message.attempts += 1;
    message.leasedUntil = 0;
    if (message.attempts >= this.options.maxAttempts) {
      message.state = 'dead';
      this.dead.push(id);
      return 'dead';
    }
    message.notBefore = now + this.options.retryBaseMs * 2 ** (message.attempts - 1);
    return 'retry';
  }

  deadLetters(): string[] {
    return [...this.dead];
  }

  pendingCount(): number {
    return this.messages.filter((message) => message.state === 'pending').length;
  }

  private leased(id: string, now: number): OutboxMessage | undefined {
    const message = this.byId.get(id);
    return message && message.state === 'pending' && now < message.leasedUntil ? message : undefined;
  }
}
