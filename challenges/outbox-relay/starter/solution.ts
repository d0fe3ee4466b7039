/* eslint-disable @typescript-eslint/no-unused-vars -- a starter: the parameters are for the candidate to use */
export interface RelayOptions {
  batchSize: number;
  leaseMs: number;
  maxAttempts: number;
  retryBaseMs: number;
}

export class OutboxRelay {
  constructor(private readonly options: RelayOptions) {}

  add(id: string, aggregateId: string): boolean {
    return true;
  }

  claim(now: number): string[] {
    return [];
  }

  ack(id: string, now: number): boolean {
    return false;
  }

  fail(id: string, now: number): 'retry' | 'dead' | false {
    return false;
  }

  deadLetters(): string[] {
    return [];
  }

  pendingCount(): number {
    return 0;
  }
}
