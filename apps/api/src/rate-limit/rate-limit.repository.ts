import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { preparedQuery } from '@app/db';
import { DataSource } from 'typeorm';

export interface WindowCount {
  hits: number;
  /** Seconds until the current window ends. */
  resetsInSeconds: number;
}

/** How long hits counted on this node alone may wait before they are added to the shared counter. */
export const RATE_LIMIT_SYNC_MS = 1000;

/**
 * A key is counted on this node alone while the shared count is below this share of its limit, and
 * for at most a tenth of the limit between two synchronisations: a burst spread over a few nodes can
 * pass the limit by no more than a few tenths before every node sees the shared count again.
 */
const LOCAL_SHARE = 0.5;
const LOCAL_BURST_SHARE = 0.1;

interface LocalWindow {
  windowSeconds: number;
  windowEndsAt: number;
  /** The shared count when this node last synchronised. */
  shared: number;
  /** Hits counted here since then, not yet added to the shared count. */
  pending: number;
  syncedAt: number;
}

/**
 * Fixed-window counters per key, shared by every API node through PostgreSQL (`rate_limit_buckets`).
 * A key far from its limit is counted in memory and added to the shared counter within
 * `RATE_LIMIT_SYNC_MS`, so that the common case (a candidate submitting well under the limit) costs no
 * round trip; near the limit every hit is counted in PostgreSQL at once.
 */
@Injectable()
export class RateLimitRepository implements OnModuleDestroy {
  private readonly windows = new Map<string, LocalWindow>();
  private flushTimer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Counts one hit in the key's current window (starting a new window when the last one ended); `limit` is
   * the caller's budget for the key, which decides whether the hit may be counted in memory.
   */
  async hit(key: string, windowSeconds: number, limit: number): Promise<WindowCount> {
    const now = Date.now();
    const local = this.windows.get(key);
    if (
      local !== undefined &&
      now < local.windowEndsAt &&
      now - local.syncedAt < RATE_LIMIT_SYNC_MS &&
      local.shared + local.pending + 1 <= limit * LOCAL_SHARE &&
      local.pending + 1 <= limit * LOCAL_BURST_SHARE
    ) {
      local.pending++;
      this.scheduleFlush();
      return { hits: local.shared + local.pending, resetsInSeconds: Math.ceil((local.windowEndsAt - now) / 1000) };
    }
    const hits = 1 + (local !== undefined && now < local.windowEndsAt ? local.pending : 0);
    if (local !== undefined) local.pending = 0; // counted now, with this hit
    const [counted] = await this.add([key], [hits], windowSeconds);
    this.remember(key, windowSeconds, counted, now);
    return { hits: counted.hits, resetsInSeconds: counted.resetsInSeconds };
  }

  async sweep(olderThanSeconds: number): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM rate_limit_buckets WHERE "windowStartedAt" < now() - make_interval(secs => $1)`,
      [olderThanSeconds],
    );
    const now = Date.now();
    for (const [key, window] of this.windows)
      if (window.windowEndsAt <= now && window.pending === 0) this.windows.delete(key);
  }

  async onModuleDestroy(): Promise<void> {
    clearTimeout(this.flushTimer);
    await this.flushing;
    await this.flush().catch(() => undefined);
  }

  /** Adds counts to keys' shared counters in one statement; returns each key's count and reset, in order. */
  private async add(keys: string[], counts: number[], windowSeconds: number): Promise<WindowCount[]> {
    const rows = await preparedQuery<{ key: string; hits: number; resets_in: string }>(
      this.dataSource.manager,
      `INSERT INTO rate_limit_buckets AS bucket (key, "windowStartedAt", hits)
       SELECT key, now(), hits FROM unnest($1::varchar[], $2::int[]) AS counted(key, hits)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN bucket."windowStartedAt" <= now() - make_interval(secs => $3)
                     THEN EXCLUDED.hits ELSE bucket.hits + EXCLUDED.hits END,
         "windowStartedAt" = CASE WHEN bucket."windowStartedAt" <= now() - make_interval(secs => $3)
                     THEN now() ELSE bucket."windowStartedAt" END
       RETURNING key, hits, extract(epoch FROM "windowStartedAt" + make_interval(secs => $3) - now()) AS resets_in`,
      [keys, counts, windowSeconds],
    );
    const byKey = new Map(rows.map((row) => [row.key, row]));
    return keys.map((key) => {
      const row = byKey.get(key)!;
      return { hits: row.hits, resetsInSeconds: Math.max(1, Math.ceil(Number(row.resets_in))) };
    });
  }

  private remember(key: string, windowSeconds: number, counted: WindowCount, now: number): void {
    this.windows.set(key, {
      windowSeconds,
      windowEndsAt: now + counted.resetsInSeconds * 1000,
      shared: counted.hits,
      pending: 0,
      syncedAt: now,
    });
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== undefined) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      this.flushing = this.flushing.then(() => this.flush()).catch(() => undefined);
    }, RATE_LIMIT_SYNC_MS / 2);
    this.flushTimer.unref();
  }

  /** Adds every key's hits counted here to its shared counter (one statement per window length). */
  private async flush(): Promise<void> {
    const due = [...this.windows].filter(([, window]) => window.pending > 0);
    for (const windowSeconds of new Set(due.map(([, window]) => window.windowSeconds))) {
      const batch = due
        .filter(([, window]) => window.windowSeconds === windowSeconds)
        .map(([key, window]) => ({ key, window, hits: window.pending }));
      // Taken out of `pending` before the statement: a hit counted exactly meanwhile must not add them again.
      for (const entry of batch) entry.window.pending = 0;
      const now = Date.now();
      let counted: WindowCount[];
      try {
        counted = await this.add(
          batch.map((entry) => entry.key),
          batch.map((entry) => entry.hits),
          windowSeconds,
        );
      } catch (error) {
        for (const entry of batch) entry.window.pending += entry.hits; // tried again at the next flush
        this.scheduleFlush();
        throw error;
      }
      batch.forEach((entry, i) => {
        const current = this.windows.get(entry.key);
        if (current !== entry.window) return; // counted exactly meanwhile: that count is newer
        const arrived = current.pending; // counted here while the statement ran
        this.remember(entry.key, windowSeconds, counted[i], now);
        this.windows.get(entry.key)!.pending = arrived;
        if (arrived > 0) this.scheduleFlush();
      });
    }
  }
}
