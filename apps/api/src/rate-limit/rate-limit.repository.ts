import { Injectable } from '@nestjs/common';
import { preparedQuery } from '@app/db';
import { DataSource } from 'typeorm';

export interface WindowCount {
  hits: number;
  /** Seconds until the current window ends. */
  resetsInSeconds: number;
}

@Injectable()
export class RateLimitRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts one hit in the key's current window, starting a new window when the last one ended. */
  async hit(key: string, windowSeconds: number): Promise<WindowCount> {
    const rows = await preparedQuery<{ hits: number; resets_in: string }>(
      this.dataSource.manager,
      `INSERT INTO rate_limit_buckets (key, "windowStartedAt", hits) VALUES ($1, now(), 1)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN rate_limit_buckets."windowStartedAt" <= now() - make_interval(secs => $2)
                     THEN 1 ELSE rate_limit_buckets.hits + 1 END,
         "windowStartedAt" = CASE WHEN rate_limit_buckets."windowStartedAt" <= now() - make_interval(secs => $2)
                     THEN now() ELSE rate_limit_buckets."windowStartedAt" END
       RETURNING hits, extract(epoch FROM "windowStartedAt" + make_interval(secs => $2) - now()) AS resets_in`,
      [key, windowSeconds],
    );
    const row = rows[0];
    return { hits: row.hits, resetsInSeconds: Math.max(1, Math.ceil(Number(row.resets_in))) };
  }

  async sweep(olderThanSeconds: number): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM rate_limit_buckets WHERE "windowStartedAt" < now() - make_interval(secs => $1)`,
      [olderThanSeconds],
    );
  }
}
