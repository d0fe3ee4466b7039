import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { LiveEnvelope } from '@app/contracts';
import { appendSessionEvent, appendSessionUpdated } from '@app/pipeline';
import { DataSource } from 'typeorm';
import { LiveHub } from '../live/live-hub.js';
import { CandidateSessionRepository } from './candidate-session.repository.js';

const SWEEP_INTERVAL_MS = 5000;
const SWEEP_BATCH = 100;

/**
 * Finishes sessions whose time ran out even when their candidate has gone quiet, so that staff
 * watching the assessment see `session.finished` within seconds of the deadline. Every API node
 * sweeps; SKIP LOCKED keeps two nodes from finishing the same session.
 */
@Injectable()
export class SessionDeadlineSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionDeadlineSweeper.name);
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: CandidateSessionRepository,
    private readonly live: LiveHub,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn(`deadline sweep failed: ${String(error)}`))
        .finally(() => (this.sweeping = undefined));
    }, SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Finishes the overdue sessions of one batch; returns how many. */
  async sweep(now = new Date()): Promise<number> {
    const envelopes: LiveEnvelope[] = [];
    const finished = await this.dataSource.transaction(async (manager) => {
      const rows = await this.sessions.finishOverdue(manager, now, SWEEP_BATCH);
      for (const session of rows) {
        envelopes.push(
          ...(await appendSessionEvent(manager, session, 'session.finished', {
            sessionId: session.id,
            finishedAt: session.finishedAt.toISOString(),
            reason: 'time_up',
          })),
          ...(await appendSessionUpdated(manager, session.id, now)),
        );
      }
      return rows.length;
    });
    this.live.publish(envelopes);
    return finished;
  }
}
