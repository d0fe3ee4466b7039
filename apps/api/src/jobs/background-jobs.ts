import { ensureQueue } from '@app/pipeline';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';

export interface QueuePolicy {
  retryLimit: number;
  /** Seconds before the first retry. */
  retryDelay: number;
  /** Exponential backoff with jitter from retryDelay. */
  retryBackoff: boolean;
  expireInSeconds: number;
}

/**
 * The API's own pg-boss queues (webhook deliveries, session deadlines), in PostgreSQL like the judge
 * queue. Jobs are sent inside the caller's transaction, so that a job exists exactly when the
 * change that caused it was committed; every API node works them.
 */
export class BackgroundJobs {
  private constructor(private readonly boss: PgBoss) {}

  static async start(databaseUrl: string, queues: Record<string, QueuePolicy>): Promise<BackgroundJobs> {
    const boss = new PgBoss({
      connectionString: databaseUrl,
      max: 2,
      schema: 'pgboss',
      application_name: 'assay-api-jobs',
      schedule: false,
    });
    boss.on('error', () => undefined); // transient connection errors: pg-boss retries on its own
    await boss.start();
    for (const [name, policy] of Object.entries(queues)) {
      await ensureQueue(boss, { name, ...policy, retentionMinutes: 60 * 24 });
    }
    return new BackgroundJobs(boss);
  }

  /** Sends a job in the caller's transaction. */
  async send(
    manager: EntityManager,
    queue: string,
    data: object,
    options: { startAfter?: Date; singletonKey?: string } = {},
  ): Promise<void> {
    const db = {
      executeSql: async (text: string, values: unknown[]) => ({ rows: await manager.query<unknown[]>(text, values) }),
    };
    await this.boss.send(queue, data, { ...options, db });
  }

  /**
   * Runs `handler` for each job of `queue`, `concurrency` at a time on this node; a handler that
   * throws fails the attempt, and pg-boss retries it by the queue's policy.
   */
  async work<T extends object>(
    queue: string,
    concurrency: number,
    handler: (data: T, job: { id: string; retryCount: number }) => Promise<void>,
  ): Promise<void> {
    for (let slot = 0; slot < concurrency; slot++) {
      await this.boss.work<T>(
        queue,
        { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true },
        async ([job]) => {
          if (job) await handler(job.data, { id: job.id, retryCount: job.retryCount });
        },
      );
    }
  }

  async stop(timeoutMs = 5000): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
  }
}
