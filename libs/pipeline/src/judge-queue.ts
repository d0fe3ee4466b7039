import {
  CHALLENGE_VERIFICATION_QUEUE,
  INTEGRITY_QUEUE,
  JUDGE_JOB_RETRY_LIMIT,
  JUDGE_QUEUE,
  type ChallengeVerificationJobData,
  type IntegrityJobData,
  type JudgeJobData,
} from '@app/contracts';
import { PreparedStatementsDb, preparedQuery } from '@app/db';
import PgBoss from 'pg-boss';
import pg from 'pg';
import type { EntityManager } from 'typeorm';
import type { GuardedWrite } from './live-event.store.js';
import { ensureQueue } from './queue-setup.js';

/**
 * A backstop only: pg-boss hands a job to another judge after this long. A dead judge is noticed
 * much sooner by its missing heartbeat (see the judge's stalled-submission reaper); this must exceed
 * the longest legitimate judging (the engine's 120 s ceiling per submission).
 */
export const JUDGE_JOB_EXPIRY_SECONDS = 180;

/** Sent in the enqueueing transaction (so on commit): idle judges fetch at once instead of at their next poll. */
export const JUDGE_WAKE_CHANNEL = 'assay_judge_jobs';
/** Background jobs (screenings) wait for this long without judging, or for BACKGROUND_PAUSE_MS at most. */
export const BACKGROUND_QUIET_MS = 50;
export const BACKGROUND_PAUSE_MS = 250;

/** Idle judges look for jobs this often even without a wake-up (retries, a lost NOTIFY). */
export const JUDGE_POLL_INTERVAL_MS = 1000;

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
  private stopping = false;
  /** Jobs in hand, by id, with the promise of their handler. */
  private readonly active = new Map<string, { queue: string; running: Promise<void> }>();
  /** When this judge last finished judging a submission (for `judgingPause`). */
  private judgingEndedAt = 0;
  /** Idle slots, each with the queue it waits on. */
  private readonly sleepers = new Map<() => void, string>();
  private readonly slots: Promise<void>[] = [];
  private listener?: pg.Client;
  private listenerRetry?: NodeJS.Timeout;

  private constructor(
    private readonly boss: PgBoss,
    private readonly db: PreparedStatementsDb,
    private readonly databaseUrl: string,
    private readonly insertion: CapturedInsert,
    /** pg-boss's fetch of one judge job, its parameters written in (see `judgeJobFetch`). */
    readonly judgeJobFetch: string,
  ) {}

  static async start(options: JudgeQueueOptions): Promise<JudgeQueue> {
    const db = queueDatabase(options);
    const boss = new PgBoss({ db, schema: 'pgboss', maintenanceIntervalSeconds: 10 });
    boss.on('error', () => undefined); // transient connection errors: pg-boss retries on its own
    await boss.start();
    await ensureFetchIndex(db.pool);
    await ensureQueue(boss, {
      name: JUDGE_QUEUE,
      retryLimit: JUDGE_JOB_RETRY_LIMIT,
      retryDelay: 0,
      expireInSeconds: JUDGE_JOB_EXPIRY_SECONDS,
      retentionMinutes: 60,
    });
    // Screening is pure computation over the database: a failed attempt is retried after a pause.
    await ensureQueue(boss, {
      name: INTEGRITY_QUEUE,
      retryLimit: 3,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: 120,
      retentionMinutes: 60,
    });
    // Verifying an uploaded challenge runs every solution file: a failed attempt is retried later.
    await ensureQueue(boss, {
      name: CHALLENGE_VERIFICATION_QUEUE,
      retryLimit: 3,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: 600,
      retentionMinutes: 60 * 24,
    });
    return new JudgeQueue(boss, db, options.databaseUrl, await capturedInsert(boss), await judgeJobFetch(boss));
  }

  /**
   * Enqueues inside the caller's transaction: the job exists exactly when the submission does. With
   * `screen`, the submission's similarity screening is enqueued in the same statement. Idle judges are
   * woken on commit, by a statement of its own, or, with `wakeWith`, by the caller's recording statement
   * (pass `JudgeQueue.wakeJudges` as its write: one round trip less).
   */
  async enqueue(
    manager: EntityManager,
    data: JudgeJobData,
    options: { screen?: boolean; wakeWith?: 'recording' } = {},
  ): Promise<void> {
    await this.boss.insert(submissionJobs(data, options.screen), { db: inTransaction(manager) });
    if (options.wakeWith !== 'recording')
      await preparedQuery(manager, 'SELECT pg_notify($1, $2)', [JUDGE_WAKE_CHANNEL, JUDGE_QUEUE]);
  }

  /**
   * `enqueue` as common table expressions of a statement of the caller's, numbered from `$first`: `jobs`, the
   * insert pg-boss's `insert()` runs (its own SQL and settings, captured when the queue started), and `wake`,
   * the judges' wake-up. A statement that writes a submission and enqueues its jobs this way is atomic by
   * itself and costs one round trip. `wake` is not a write: the statement must select from it (say, in its
   * `guard`), or PostgreSQL never runs it.
   */
  enqueueing(first: number, data: JudgeJobData, options: { screen?: boolean } = {}): GuardedWrite {
    const { text, settings } = this.insertion;
    const renumbered = text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + first - 1}`);
    const wake = first + 1 + settings.length;
    return {
      ctes: `jobs AS (${renumbered}), wake AS (SELECT pg_notify($${wake}, $${wake + 1}))`,
      params: [JSON.stringify(submissionJobs(data, options.screen)), ...settings, JUDGE_WAKE_CHANNEL, JUDGE_QUEUE],
    };
  }

  /** The wake-up of idle judges as a write for `recordAndAnnounceLiveEvents`, sent when it commits. */
  static readonly wakeJudges: GuardedWrite = {
    ctes: `wake AS (SELECT pg_notify($4, $5)), guard AS (SELECT 1 FROM wake)`,
    params: [JUDGE_WAKE_CHANNEL, JUDGE_QUEUE],
  };

  /**
   * The completion of job `jobId` of queue `queue` (both SQL expressions, say parameters) when `condition`
   * holds: the UPDATE of pg-boss's own `complete()` (pg-boss 10, `completeJobs` in its plans), as a common
   * table expression for the statement that records the job's outcome, so that the outcome and the job's
   * completion commit together, in one round trip. A handler that did so returns `completed`.
   */
  static completion(queue: string, jobId: string, condition: string): string {
    return `UPDATE pgboss.job SET completed_on = now(), state = 'completed', output = NULL
      WHERE name = ${queue} AND id = ${jobId}::uuid AND state = 'active' AND ${condition}`;
  }

  /** The verification of an uploaded challenge version, inside the caller's transaction like `enqueue`. */
  async enqueueVerification(manager: EntityManager, data: ChallengeVerificationJobData): Promise<void> {
    await this.boss.send(CHALLENGE_VERIFICATION_QUEUE, data, { db: inTransaction(manager) });
    await manager.query('SELECT pg_notify($1, $2)', [JUDGE_WAKE_CHANNEL, CHALLENGE_VERIFICATION_QUEUE]);
  }

  /**
   * Runs `handler` for each challenge verification job, one at a time per judge, in a slot of its own
   * beside the submission slots (woken like them; drained like them on stop).
   */
  async consumeVerifications(handler: (data: ChallengeVerificationJobData) => Promise<void>): Promise<void> {
    await this.startListening();
    this.slots.push(this.runSlot(CHALLENGE_VERIFICATION_QUEUE, this.fetchOne(CHALLENGE_VERIFICATION_QUEUE), handler));
  }

  /**
   * Runs `handler` for each screening job, one at a time per process (screening is CPU-bound), in a slot
   * beside the submission slots that fetches again as soon as it finishes a job. (pg-boss's `work()` waits
   * its polling interval after every job, which held a judge to two screenings a second.) Screening is not
   * what a candidate waits for: it gives way to judging (see `judgingPause`), and idle it looks for jobs
   * every second.
   */
  async consumeScreenings(handler: (data: IntegrityJobData) => Promise<void>): Promise<void> {
    await this.startListening();
    this.slots.push(this.runSlot(INTEGRITY_QUEUE, this.fetchOne(INTEGRITY_QUEUE), handler, { background: true }));
  }

  /**
   * Runs `handler` for each judge job, `concurrency` at a time. A handler that throws fails the attempt;
   * pg-boss retries it up to the retry limit. Each slot takes its next job as soon as it is free, and an
   * idle slot wakes on the enqueuer's NOTIFY, so a job waits milliseconds rather than a polling
   * interval. Jobs are taken by `take`, a statement of the caller's that runs pg-boss's own fetch
   * (`judgeJobFetch`) and starts the job's work in the same transaction; they are still locked, retried and
   * expired by pg-boss, and completed with pg-boss's own UPDATE, by the handler's last statement when it
   * returns `completed` (see `completion`), else here.
   */
  async consume<T>(
    concurrency: number,
    take: () => Promise<TakenJob<T> | undefined>,
    handler: (work: T, jobId: string) => Promise<'completed' | undefined>,
  ): Promise<void> {
    await this.startListening();
    for (let slot = 0; slot < concurrency; slot++) this.slots.push(this.runSlot(JUDGE_QUEUE, take, handler));
  }

  /** One job of `queue` by pg-boss's `fetch()` (none when PostgreSQL is down). */
  private fetchOne<T extends object>(queue: string): () => Promise<TakenJob<T> | undefined> {
    return async () => {
      const [job] = await this.boss.fetch<T>(queue, { batchSize: 1 });
      return job && { id: job.id, work: job.data };
    };
  }

  private async runSlot<T>(
    queue: string,
    take: () => Promise<TakenJob<T> | undefined>,
    handler: (work: T, jobId: string) => Promise<'completed' | undefined | void>,
    options: { background?: boolean } = {},
  ): Promise<void> {
    while (!this.stopping) {
      if (options.background) await this.judgingPause();
      const job = await take();
      if (!job) {
        await this.idle(queue, JUDGE_POLL_INTERVAL_MS);
        continue;
      }
      const running = this.handle(queue, job, handler);
      this.active.set(job.id, { queue, running });
      await running;
      this.active.delete(job.id);
      if (queue === JUDGE_QUEUE) this.judgingEndedAt = Date.now();
    }
  }

  private async handle<T>(
    queue: string,
    job: TakenJob<T>,
    handler: (work: T, jobId: string) => Promise<'completed' | undefined | void>,
  ): Promise<void> {
    let outcome: 'completed' | undefined | void;
    try {
      outcome = await handler(job.work, job.id);
    } catch (error) {
      await this.boss
        .fail(queue, job.id, { reason: error instanceof Error ? error.message : String(error) })
        .catch(() => undefined); // unreachable database: the job expires and is retried
      return;
    }
    if (outcome !== 'completed') await this.boss.complete(queue, job.id).catch(() => undefined);
  }

  /**
   * A background slot's turn: once this judge has judged nothing for BACKGROUND_QUIET_MS (a candidate
   * who just got a verdict often submits again at once), or after BACKGROUND_PAUSE_MS whatever it does,
   * so that background work never stops while candidates keep the judge busy, but never competes with
   * them for long.
   */
  private async judgingPause(): Promise<void> {
    const started = Date.now();
    for (;;) {
      const now = Date.now();
      const judging = [...this.active.values()].some((job) => job.queue === JUDGE_QUEUE);
      const quietFor = judging ? 0 : now - this.judgingEndedAt;
      if (this.stopping || quietFor >= BACKGROUND_QUIET_MS || now - started >= BACKGROUND_PAUSE_MS) return;
      const wait = Math.min(BACKGROUND_QUIET_MS - quietFor, BACKGROUND_PAUSE_MS - (now - started));
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, wait)));
    }
  }

  private idle(queue: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.set(wake, queue);
    });
  }

  private wakeAll(): void {
    for (const wake of [...this.sleepers.keys()]) wake();
  }

  /**
   * One job was enqueued on `queue` (the NOTIFY's payload): one idle slot of that queue fetches it, not every
   * slot (the others would each run a fetch that finds nothing). Anything else wakes every slot.
   */
  private wakeFor(queue: string): void {
    for (const [wake, waitingOn] of this.sleepers) {
      if (waitingOn === queue) {
        wake();
        return;
      }
    }
    if (queue !== JUDGE_QUEUE && queue !== CHALLENGE_VERIFICATION_QUEUE) this.wakeAll();
  }

  private listening = false;

  /** The wake-up listener, once for every kind of slot. */
  private async startListening(): Promise<void> {
    if (this.listening) return;
    this.listening = true;
    await this.listen();
  }

  /** One LISTEN connection per judge; it comes back by itself after PostgreSQL does. */
  private async listen(): Promise<void> {
    if (this.stopping) return;
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'assay-judge-wake' });
    const retry = () => {
      client.removeAllListeners();
      client.on('error', () => undefined);
      void client.end().catch(() => undefined);
      if (this.listener === client) this.listener = undefined;
      if (!this.stopping) {
        this.listenerRetry = setTimeout(() => void this.listen(), JUDGE_POLL_INTERVAL_MS);
        this.listenerRetry.unref();
      }
    };
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', (message) => this.wakeFor(message.payload ?? ''));
    try {
      await client.connect();
      await client.query(`LISTEN ${JUDGE_WAKE_CHANNEL}`);
      this.listener = client;
      this.wakeAll(); // jobs may have come while it was down
    } catch {
      retry();
    }
  }

  /** Ends a job's current attempt as failed: pg-boss retries it while retries are left. */
  async fail(jobId: string): Promise<void> {
    await this.boss.fail(JUDGE_QUEUE, jobId, { reason: 'the judge running it stopped' });
  }

  depth(): Promise<number> {
    return this.boss.getQueueSize(JUDGE_QUEUE);
  }

  /**
   * Stops taking jobs and waits for the running ones up to `timeoutMs`; jobs still running then
   * are failed, so that another judge retries them at once (graceful shutdown releases its jobs).
   */
  async stop(timeoutMs = 15_000): Promise<void> {
    this.stopping = true;
    clearTimeout(this.listenerRetry);
    this.wakeAll();
    const listener = this.listener;
    listener?.removeAllListeners();
    listener?.on('error', () => undefined);
    await listener?.end().catch(() => undefined);
    const drained = Promise.all(this.slots).then(() => true);
    const finished = await Promise.race([
      drained,
      new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref()),
    ]);
    if (!finished) {
      for (const [jobId, { queue }] of this.active)
        await this.boss.fail(queue, jobId, { reason: 'the judge running it shut down' }).catch(() => undefined);
    }
    await this.boss.stop({ graceful: true, wait: true, timeout: 2000 });
    await this.db.close().catch(() => undefined);
  }
}

/**
 * pg-boss's database: a pool of its own, with PostgreSQL's default plan mode, whose statements are prepared but
 * for the fetch (`isPgBossFetch`).
 */
export function queueDatabase(options: JudgeQueueOptions): PreparedStatementsDb {
  const db = new PreparedStatementsDb(
    { connectionString: options.databaseUrl, max: options.poolSize ?? 4, application_name: 'assay-queue' },
    isPgBossFetch,
  );
  db.pool.on('error', () => undefined); // a connection lost with PostgreSQL: the pool replaces it
  return db;
}

/**
 * pg-boss's fetch (`fetchNextJob` in its plans): the first jobs of a queue in the order `priority DESC,
 * created_on, id`, `LIMIT $2`, locked with SKIP LOCKED. Its generic plan cannot know that the limit is one or
 * a few: it joins the whole of the queue's partition, finished jobs included (pg-boss keeps them there for
 * 12 hours), by a sequential scan. It is planned for each call, with its parameters, which reads the queue's
 * first jobs by `FETCH_INDEX`.
 */
export function isPgBossFetch(text: string): boolean {
  return /\bFOR UPDATE SKIP LOCKED\b/i.test(text);
}

/**
 * The jobs waiting in a queue, in the order pg-boss's fetch takes them: it reads the first one or few and stops,
 * however long the queue. pg-boss's own index on waiting jobs is by `start_after`: with it, each fetch sorted
 * every waiting job of its queue (a backlog of 2,000 screenings made each fetch of one cost 2 ms).
 */
export const FETCH_INDEX = 'job_fetch_order';

/**
 * Creates `FETCH_INDEX` on pg-boss's job table (and so on each queue's partition, present and future) unless
 * it exists. Processes starting together take turns under an advisory lock. Once it exists, a process starting
 * takes no lock on the job table: `CREATE INDEX IF NOT EXISTS` would share-lock it (holding up every insert of
 * a job) before finding the index there, and nodes are added while the platform is busy.
 */
async function ensureFetchIndex(pool: pg.Pool): Promise<void> {
  // One statement, so one transaction: the lock is held until the index is committed.
  await pool.query(`DO $$ BEGIN
    IF to_regclass('pgboss.${FETCH_INDEX}') IS NULL THEN
      PERFORM pg_advisory_xact_lock(hashtextextended('assay:${FETCH_INDEX}', 0));
      CREATE INDEX IF NOT EXISTS ${FETCH_INDEX} ON pgboss.job (name, priority DESC, created_on, id)
        WHERE state < 'active';
    END IF;
  END $$`);
}

/** A job taken off a queue, with what its handler works on (its data, or what a take statement read for it). */
export interface TakenJob<T> {
  id: string;
  work: T;
}

/**
 * pg-boss's fetch of one job of the judge queue (`fetchNextJob` in its plans, as `fetch()` runs it), its two
 * parameters, the queue's name and the batch size 1, written into the text: a data-modifying statement returning
 * the job's `id` and `data`, to be a common table expression of a statement that also starts the job's work
 * (one round trip, and no job active without its work started). With the queue's name in its text, PostgreSQL
 * plans it for the judge queue's partition only, and reads its first waiting job by `FETCH_INDEX`.
 *
 * It is prepared, so planned once per connection, and one condition is added for that plan's sake: the UPDATE
 * also names the fetched job's id as a value (`j.id = (SELECT id FROM next)`, the same row: the fetch takes one).
 * Without it, a plan made before the queue had statistics, as on a new database, paired each fetched job with every
 * job of the partition by name (pg-boss's `j.id = grouped.id` as a filter), and kept doing so once the queue had
 * filled: PostgreSQL plans a prepared statement again only after an ANALYZE.
 */
async function judgeJobFetch(boss: PgBoss): Promise<string> {
  const captured = await capturedSql((db) => boss.fetch(JUDGE_QUEUE, { batchSize: 1, db }));
  if (
    !captured ||
    !isPgBossFetch(captured.text) ||
    JUDGE_QUEUE.includes("'") ||
    captured.values.length !== 2 ||
    captured.values[0] !== JUDGE_QUEUE ||
    captured.values[1] !== 1
  )
    throw new Error('pg-boss fetch() could not be captured');
  const text = captured.text.replace(/\$1\b/g, `'${JUDGE_QUEUE}'`).replace(/\$2\b/g, '1');
  if (/\$\d/.test(text)) throw new Error('pg-boss fetch() has parameters besides its queue and batch size');
  const join = 'AND j.id = grouped.id';
  if (text.split(join).length !== 2) throw new Error(`pg-boss fetch() no longer updates its job by "${join}"`);
  return text.replace(join, `${join} AND j.id = (SELECT id FROM next)`);
}

/** A submission's jobs: its judging, and with `screen` its similarity screening. */
function submissionJobs(data: JudgeJobData, screen = false): PgBoss.JobInsert[] {
  const jobs: PgBoss.JobInsert[] = [{ name: JUDGE_QUEUE, data }];
  if (screen) jobs.push({ name: INTEGRITY_QUEUE, data: data satisfies IntegrityJobData });
  return jobs;
}

/** The statement pg-boss's `insert()` runs: its text (parameters `$1`, the jobs as JSON, to `$n`) and `$2` to `$n`. */
interface CapturedInsert {
  text: string;
  settings: readonly unknown[];
}

/**
 * pg-boss's own insert, read by running `insert()` on a `db` that only records: the text is the same for every
 * call, its parameters after the first (the jobs) are the instance's settings.
 */
async function capturedInsert(boss: PgBoss): Promise<CapturedInsert> {
  const captured = await capturedSql((db) => boss.insert([], { db }));
  if (!captured || !/^\s*WITH\b/i.test(captured.text) || /\$\$/.test(captured.text))
    throw new Error('pg-boss insert() could not be captured');
  return { text: captured.text, settings: captured.values.slice(1) };
}

/** The statement pg-boss runs for `run`, given a `db` that records it instead of sending it. */
async function capturedSql(
  run: (db: { executeSql: (text: string, values: unknown[]) => Promise<{ rows: [] }> }) => Promise<unknown>,
): Promise<{ text: string; values: unknown[] } | undefined> {
  let captured: { text: string; values: unknown[] } | undefined;
  await run({
    executeSql: (text, values) => {
      captured = { text, values };
      return Promise.resolve({ rows: [] });
    },
  });
  return captured;
}

/** pg-boss's `db` option: its SQL runs on the caller's transaction, as prepared statements. */
function inTransaction(manager: EntityManager) {
  return {
    executeSql: async (text: string, values: unknown[]) => ({ rows: await preparedQuery(manager, text, values) }),
  };
}
