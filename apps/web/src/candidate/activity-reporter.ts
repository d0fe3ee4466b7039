import { ApiError } from '../api/api-error.js';

/** What the editor and the window report about how an answer is written (never any content). */
export type ActivityKind = 'paste' | 'focus_lost' | 'focus_returned' | 'large_insertion';

export interface ActivityEvent {
  kind: ActivityKind;
  at: string;
  length?: number;
  lines?: number;
}

/** The server takes at most this many events per report. */
export const MAX_EVENTS_PER_REPORT = 50;
/** Events kept while the server cannot be reached; the oldest go first beyond it. */
const MAX_PENDING_EVENTS = 1000;

export type SendActivity = (itemId: string, events: ActivityEvent[]) => Promise<void>;

/**
 * Gathers activity events per item and sends them in batches every few seconds. A network failure
 * keeps them for the next round; a refusal (the session is finished, the log is full, the route is
 * not on this server) drops them: activity is a signal, never a reason to disturb the candidate.
 */
export class ActivityReporter {
  private readonly pending = new Map<string, ActivityEvent[]>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private sending: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly send: SendActivity,
    private readonly intervalMs = 5000,
    private readonly now: () => Date = () => new Date(),
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.flush(), this.intervalMs);
  }

  /** Stops the timer after a last attempt to send what is pending. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
    this.stopped = true;
  }

  record(itemId: string, kind: ActivityKind, size?: { length: number; lines: number }): void {
    if (this.stopped) return;
    const events = this.pending.get(itemId) ?? [];
    events.push({ kind, at: this.now().toISOString(), ...(size ?? {}) });
    if (events.length > MAX_PENDING_EVENTS) events.splice(0, events.length - MAX_PENDING_EVENTS);
    this.pending.set(itemId, events);
  }

  /** Describes an inserted text the way the server counts it. */
  static sizeOf(text: string): { length: number; lines: number } {
    return { length: text.length, lines: text.length === 0 ? 0 : text.split('\n').length };
  }

  pendingCount(): number {
    return [...this.pending.values()].reduce((sum, events) => sum + events.length, 0);
  }

  flush(): Promise<void> {
    this.sending ??= this.sendAll().finally(() => {
      this.sending = null;
    });
    return this.sending;
  }

  private async sendAll(): Promise<void> {
    for (const [itemId, events] of [...this.pending]) {
      while (events.length > 0) {
        const batch = events.slice(0, MAX_EVENTS_PER_REPORT);
        try {
          await this.send(itemId, batch);
        } catch (error) {
          if (!(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500) {
            return; // unreachable or busy: keep them for the next round
          }
        }
        events.splice(0, batch.length);
      }
      this.pending.delete(itemId);
    }
  }
}
