import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { JUDGE_QUEUE } from '@app/contracts';
import { JudgeQueue } from '@app/pipeline';
import { DataSource } from 'typeorm';
import { HEARTBEAT_INTERVAL_MS } from './submission-judge.service.js';

/** A judge that missed this many heartbeats is dead (kill -9, a lost machine). */
export const STALL_AFTER_MS = 7 * HEARTBEAT_INTERVAL_MS;
const SWEEP_INTERVAL_MS = 3000;

/**
 * Hands the submissions of dead judges back to the queue: their job's attempt is failed, so that
 * pg-boss retries it at once on a live judge, long before the job's own expiry. Every judge runs
 * it; SKIP LOCKED keeps two judges from reclaiming the same submission.
 */
@Injectable()
export class StalledSubmissionReaper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StalledSubmissionReaper.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JudgeQueue,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn(`sweep failed: ${String(error)}`))
        .finally(() => (this.sweeping = undefined));
    }, SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  async sweep(): Promise<number> {
    const [stalled] = await this.dataSource.query<[{ id: string; jobId: string | null }[], number]>(
      `UPDATE submissions SET status = 'queued', "heartbeatAt" = NULL
       WHERE id IN (
         SELECT id FROM submissions
         WHERE status = 'running' AND "heartbeatAt" < now() - make_interval(secs => $1)
         FOR UPDATE SKIP LOCKED)
       RETURNING id, "jobId"`,
      [STALL_AFTER_MS / 1000],
    );
    for (const { id, jobId } of stalled) {
      this.logger.warn(`submission ${id}: its judge stopped; retrying job ${jobId ?? '(none)'}`);
      if (jobId) await this.queue.fail(jobId);
    }
    // A job fetched whose submission never started: the fetch committed but its answer was lost
    // (PostgreSQL went away at that moment), so no judge holds it. Without this, it would wait for
    // pg-boss's expiry.
    const orphaned = await this.dataSource.query<{ jobId: string; submissionId: string }[]>(
      `SELECT job.id AS "jobId", submission.id AS "submissionId"
       FROM pgboss.job job JOIN submissions submission ON submission.id::text = job.data->>'submissionId'
       WHERE job.name = $1 AND job.state = 'active' AND job.started_on < now() - make_interval(secs => $2)
         AND submission.status = 'queued'`,
      [JUDGE_QUEUE, STALL_AFTER_MS / 1000],
    );
    for (const { jobId, submissionId } of orphaned) {
      this.logger.warn(`submission ${submissionId}: its job ${jobId} was fetched but never started; retrying it`);
      await this.queue.fail(jobId);
    }
    return stalled.length + orphaned.length;
  }
}
