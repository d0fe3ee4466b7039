import {
  INTEGRITY_QUEUE,
  JUDGE_JOB_RETRY_LIMIT,
  JUDGE_QUEUE,
  type IntegrityJobData,
  type JudgeJobData,
} from '@app/contracts';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';

/**
 * A backstop only: pg-boss hands a job to another judge after this long. A dead judge is noticed
 * much sooner by its missing heartbeat (see the judge's stalled-submission reaper); this must exceed
 * the longest legitimate judging (the engine's 120 s ceiling per submission).
 */
export const JUDGE_JOB_EXPIRY_SECONDS = 180;

export interface JudgeQueueOptions {
  databaseUrl: string;
  /** Connections of pg-boss's own pool. */
  poolSize?: number;
}

/**
 * The judge job queue on pg-boss, in PostgreSQL: no other stateful service. The API enqueues in the
 * same transaction that writes the submission; judges consume with bounded concurrency.
 */
export class JudgeQueue {
  private constructor(private readonly boss: PgBoss) {}

  static async start(options: JudgeQueueOptions): Promise<JudgeQueue> {
    const boss = new PgBoss({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 4,
      schema: 'pgboss',
      application_name: 'assay-queue',
      maintenanceIntervalSeconds: 10,
    });
    boss.on('error', () => undefined); // transient connection errors: pg-boss retries on its own
    await boss.start();
    await boss.createQueue(JUDGE_QUEUE, {
      name: JUDGE_QUEUE,
      retryLimit: JUDGE_JOB_RETRY_LIMIT,
      retryDelay: 0,
      expireInSeconds: JUDGE_JOB_EXPIRY_SECONDS,
      retentionMinutes: 60,
    });
    // Screening is pure computation over the database: a failed attempt is retried after a pause.
    await boss.createQueue(INTEGRITY_QUEUE, {
      name: INTEGRITY_QUEUE,
      retryLimit: 3,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: 120,
      retentionMinutes: 60,
    });
    return new JudgeQueue(boss);
  }

  /** Enqueues inside the caller's transaction: the job exists exactly when the submission does. */
  async enqueue(manager: EntityManager, data: JudgeJobData): Promise<void> {
    await this.boss.send(JUDGE_QUEUE, data, { db: inTransaction(manager) });
  }

  /** A similarity screening of a final submission, inside the caller's transaction like `enqueue`. */
  async enqueueScreening(manager: EntityManager, data: IntegrityJobData): Promise<void> {
    await this.boss.send(INTEGRITY_QUEUE, data, { db: inTransaction(manager) });
  }

  /** Runs `handler` for each screening job, one at a time per process (screening is CPU-bound). */
  async consumeScreenings(handler: (data: IntegrityJobData) => Promise<void>): Promise<void> {
    await this.boss.work<IntegrityJobData>(
      INTEGRITY_QUEUE,
      { batchSize: 1, pollingIntervalSeconds: 0.5 },
      async ([job]) => {
        if (job) await handler(job.data);
      },
    );
  }

  /**
   * Runs `handler` for each job, `concurrency` at a time. A handler that throws fails the attempt;
   * pg-boss retries it up to the retry limit.
   */
  async consume(concurrency: number, handler: (data: JudgeJobData, jobId: string) => Promise<void>): Promise<void> {
    for (let slot = 0; slot < concurrency; slot++) {
      await this.boss.work<JudgeJobData>(
        JUDGE_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true },
        async ([job]) => {
          if (job) await handler(job.data, job.id);
        },
      );
    }
  }

  /** Ends a job's current attempt as failed: pg-boss retries it while retries are left. */
  async fail(jobId: string): Promise<void> {
    await this.boss.fail(JUDGE_QUEUE, jobId, { reason: 'the judge running it stopped' });
  }

  depth(): Promise<number> {
    return this.boss.getQueueSize(JUDGE_QUEUE);
  }

  /** Stops taking jobs and waits for the running ones (graceful), up to `timeoutMs`. */
  async stop(timeoutMs = 15_000): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
  }
}

/** pg-boss's `db` option: its SQL runs on the caller's transaction. */
function inTransaction(manager: EntityManager) {
  return {
    executeSql: async (text: string, values: unknown[]) => ({ rows: await manager.query<unknown[]>(text, values) }),
  };
}
