import { Injectable, Logger } from '@nestjs/common';
import { JUDGE_JOB_RETRY_LIMIT, JUDGE_QUEUE, hiddenTestName, liveStream, type LiveEnvelope } from '@app/contracts';
import {
  ChallengeVersionCache,
  type ChallengeVersionEntity,
  type SubmissionEntity,
  isDatabaseUnavailable,
  preparedQuery,
} from '@app/db';
import { JudgeInputError } from '@app/judge-engine';
import {
  JudgeQueue,
  LivePublisher,
  liveEvent,
  recordAndAnnounceLiveEvents,
  type NewLiveEvent,
  type TakenJob,
} from '@app/pipeline';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, QueryFailedError } from 'typeorm';
import { AnswerItemGrader } from './grading/answer-item.grader.js';
import { CodeItemGrader } from './grading/code-item.grader.js';
import type { GradedTest, ItemGrade, ItemGrader } from './grading/item-grader.js';
import { SqlItemGrader } from './grading/sql-item.grader.js';
import { UnjudgeableError } from './grading/stored-definition.js';

export type Finalisation = Omit<ItemGrade, 'scoreShownToCandidate'> & { scoreShownToCandidate?: boolean };

/** How often a judge proves it is still working on a submission. */
export const HEARTBEAT_INTERVAL_MS = 2000;

/**
 * How long a judge keeps retrying a write while PostgreSQL is unreachable (a restart, a failover)
 * before giving the attempt up to the queue's retry.
 */
export const DATABASE_WAIT_MS = 60_000;

/**
 * Test results are written at most this often, counting from the start of the run; those still waiting when
 * grading ends are written with the verdict. Each batch is a statement, a NOTIFY and a socket message per
 * watcher: a submission judged within this time (most are) is written in one statement with its verdict, and
 * a slow one still streams its results as they come, this late at most.
 */
export const RESULT_BATCH_INTERVAL_MS = 20;

/** A submission's id, as a job's data must carry it: anything else in a job never reaches a cast that fails. */
const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/** Names this judge process in `submission.running`, for operators (and the scale-out test). */
const JUDGE_ID = `${hostname()}:${process.pid}`;

interface FinishedTest {
  index: number;
  outcome: GradedTest;
}

/** The running attempt `$5` of submission `$4`, share-locked: a statement guarded by it writes for that attempt only. */
const ATTEMPT_CTE = `attempt AS (
  SELECT 1 FROM submissions WHERE id = $4 AND attempts = $5 AND status = 'running' FOR SHARE)`;

/** What judging a submission reads of it. */
type JudgedSubmission = Pick<
  SubmissionEntity,
  'id' | 'sessionId' | 'challengeVersionId' | 'kind' | 'language' | 'code' | 'answer' | 'attempts' | 'createdAt'
>;

/** One attempt at judging one submission: every write is conditional on still being that attempt. */
interface Attempt {
  submission: JudgedSubmission;
  version: ChallengeVersionEntity;
  attempt: number;
  /** `submission.running` is still to be recorded: by the attempt's first write (see `run`). */
  runningUnrecorded: boolean;
}

/**
 * Judges one submission per job: marks it running (a new attempt), streams each test's result as it
 * comes, and finalises it exactly once. Every write names the attempt it belongs to, so a judge that
 * was presumed dead and comes back cannot mix its results into a newer attempt.
 */
@Injectable()
export class SubmissionJudge {
  private readonly logger = new Logger(SubmissionJudge.name);

  private readonly graders = new Map<string, ItemGrader>();
  /** Recently judged challenge versions: a judge reads each (large) definition once. */
  private readonly versions = new ChallengeVersionCache();

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JudgeQueue,
    private readonly publisher: LivePublisher,
    code: CodeItemGrader,
    sql: SqlItemGrader,
    answers: AnswerItemGrader,
  ) {
    for (const grader of [code, sql, answers]) for (const type of grader.types) this.graders.set(type, grader);
  }

  /**
   * Takes the next judge job and starts its submission as a new attempt, in one statement: pg-boss's fetch
   * (`JudgeQueue.judgeJobFetch`) and the submission's UPDATE, which also returns what judging needs. A job
   * whose submission is finished (a retry of a job whose verdict had committed) comes without one. Nothing
   * when no job waits, or when PostgreSQL cannot be reached: the queue's slot looks again later. A judge
   * that dies right after it took a job leaves a running submission, which the stalled-submission reaper sees.
   * Prepared: the fetch's plan is fit for that (see `JudgeQueue.judgeJobFetch`), and the submission is named by
   * a value, read by its primary key even by a plan made before the table had statistics.
   */
  async take(): Promise<TakenJob<JudgedSubmission | undefined> | undefined> {
    let rows: ({ jobId: string } & (JudgedSubmission | { [K in keyof JudgedSubmission]: null }))[];
    try {
      rows = await preparedQuery(
        this.dataSource.manager,
        `WITH fetched AS (${this.queue.judgeJobFetch}),
         started AS (
           UPDATE submissions SET status = 'running', attempts = attempts + 1, "startedAt" = now(),
             "jobId" = (SELECT id FROM fetched), "heartbeatAt" = now()
           WHERE id = (SELECT CASE WHEN data->>'submissionId' ~* '${UUID_PATTERN}'
               THEN (data->>'submissionId')::uuid END FROM fetched)
             AND status <> 'finished'
           RETURNING id, "sessionId", "challengeVersionId", kind, language, code, answer, attempts, "createdAt")
         SELECT fetched.id AS "jobId", started.* FROM fetched LEFT JOIN started ON true`,
        [],
      );
    } catch (error) {
      if (!isDatabaseUnavailable(error)) this.logger.error(`taking a judge job failed: ${String(error)}`);
      return undefined;
    }
    if (rows.length === 0) return undefined;
    const { jobId, ...submission } = rows[0];
    return { id: jobId, work: submission.id === null ? undefined : submission };
  }

  /**
   * Judges `submission`, started as a new attempt by `take` for job `jobId`. Returns `completed` when the
   * verdict's statement also completed the job (the usual case); otherwise the queue completes it.
   */
  async judge(submission: JudgedSubmission | undefined, jobId: string): Promise<'completed' | undefined> {
    if (!submission) return undefined;
    const version = await this.retrying(() =>
      this.versions.get(this.dataSource.manager, submission.challengeVersionId),
    );
    const attempt: Attempt = { submission, version, attempt: submission.attempts, runningUnrecorded: true };
    if (attempt.attempt > JUDGE_JOB_RETRY_LIMIT) {
      // Every earlier attempt took its judge down with it: never run it again, never pass it.
      await this.recordRunning(attempt);
      const finished = await this.finalise(
        attempt,
        crashedTooOften(attempt.submission, attempt.attempt - 1),
        [],
        jobId,
      );
      return finished ? 'completed' : undefined;
    }
    const heartbeat = setInterval(() => void this.beat(attempt), HEARTBEAT_INTERVAL_MS);
    let finalisation: Finalisation;
    let unrecorded: FinishedTest[] = [];
    try {
      ({ finalisation, unrecorded } = await this.run(attempt));
    } catch (error) {
      if (!(error instanceof UnjudgeableError || error instanceof JudgeInputError)) throw error; // retried by pg-boss
      this.logger.error(`submission ${submission.id}: ${error.message}`);
      finalisation = {
        verdict: 'INTERNAL_ERROR',
        score: null,
        message: `This item could not be judged: ${error.message}`,
      };
    } finally {
      clearInterval(heartbeat);
    }
    return (await this.finalise(attempt, finalisation, unrecorded, jobId)) ? 'completed' : undefined;
  }

  /**
   * `submission.running` as an event of the attempt's next statement, once: a first attempt's running goes
   * with its first results or its verdict. (A later attempt records it on its own, at once, with the removal
   * of what the interrupted attempt had written: see `recordRunning`.)
   */
  private takeRunning(attempt: Attempt): NewLiveEvent[] {
    if (!attempt.runningUnrecorded) return [];
    attempt.runningUnrecorded = false;
    return [runningEvent(attempt)];
  }

  /** Clears what an interrupted attempt left and records `submission.running`, in one statement. */
  private async recordRunning(attempt: Attempt): Promise<void> {
    if (!attempt.runningUnrecorded) return;
    attempt.runningUnrecorded = false;
    const { submission } = attempt;
    const recorded = await this.retrying(() =>
      recordAndAnnounceLiveEvents(this.dataSource.manager, [runningEvent(attempt)], {
        ctes: `${ATTEMPT_CTE},
            cleared AS (DELETE FROM test_results WHERE "submissionId" = $4 AND EXISTS (SELECT 1 FROM attempt)),
            guard AS (SELECT 1 FROM attempt)`,
        params: [submission.id, attempt.attempt],
      }),
    );
    this.publishUnannounced(recorded);
  }

  private async beat(attempt: Attempt): Promise<void> {
    await this.dataSource
      .query(`UPDATE submissions SET "heartbeatAt" = now() WHERE id = $1 AND attempts = $2 AND status = 'running'`, [
        attempt.submission.id,
        attempt.attempt,
      ])
      .catch(() => undefined);
  }

  /**
   * Grades the submission, writing each test's result as it comes: one statement at a time, each taking
   * every result that finished while the previous one was being written, at most one every
   * RESULT_BATCH_INTERVAL_MS from the start of the run. Results still waiting when grading ends are returned:
   * the verdict's statement writes them.
   *
   * `submission.running` is an event of the first of these statements, or of the verdict's: a submission judged
   * within the interval (most are) costs one statement less, and its watchers one message less. A run with
   * nothing written by the end of the first interval records it then, on its own. A later attempt records it at
   * once, with the removal of what the interrupted attempt wrote.
   */
  private async run(attempt: Attempt): Promise<{ finalisation: Finalisation; unrecorded: FinishedTest[] }> {
    const { submission, version } = attempt;
    const grader = this.graders.get(version.type);
    if (!grader) throw new UnjudgeableError(`No grader judges ${version.type} items.`);
    let index = 0;
    let recording = Promise.resolve();
    // Each write waits for the one before. A failed write fails the run when grading ends (the attempt is
    // retried by the queue); until then its rejection is observed here, not left unhandled.
    const then = (write: () => Promise<void> | undefined) => {
      recording = recording.then(write);
      recording.catch(() => undefined);
    };
    let waiting: FinishedTest[] = [];
    let graded = false;
    let lastBatchAt = Date.now();
    let endPause: (() => void) | undefined;
    const pause = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        endPause = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    if (attempt.attempt > 1) then(() => this.recordRunning(attempt));
    const announcing = setTimeout(
      () => then(() => (graded ? undefined : this.recordRunning(attempt))),
      RESULT_BATCH_INTERVAL_MS,
    );
    let finalisation: Finalisation;
    try {
      finalisation = await grader.grade(
        {
          kind: submission.kind,
          type: version.type,
          definition: version.definition,
          language: submission.language,
          code: submission.code,
          answer: submission.answer,
        },
        (test) => {
          waiting.push({ index: index++, outcome: test });
          if (waiting.length > 1) return; // joins the batch already waiting for its turn
          then(async () => {
            const wait = lastBatchAt + RESULT_BATCH_INTERVAL_MS - Date.now();
            if (wait > 0 && !graded) await pause(wait);
            if (graded) return; // the verdict's statement takes them
            const batch = waiting;
            waiting = [];
            lastBatchAt = Date.now();
            return this.record(attempt, batch);
          });
        },
      );
    } finally {
      graded = true;
      clearTimeout(announcing);
      endPause?.();
      // Settled whatever grading did: a verdict for an ungradable submission must come after these writes.
      await recording.catch(() => undefined);
    }
    await recording;
    return { finalisation, unrecorded: waiting };
  }

  /**
   * Writes a batch of test results and their `test.finished` events in one statement, only while this is
   * still the running attempt (the attempt's row is share-locked by the statement).
   */
  private async record(attempt: Attempt, batch: readonly FinishedTest[]): Promise<void> {
    const { submission } = attempt;
    const results = testResults(submission.id, batch);
    const events = [...this.takeRunning(attempt), ...results.events];
    const recorded = await this.retrying(() =>
      recordAndAnnounceLiveEvents(this.dataSource.manager, events, {
        ctes: `${ATTEMPT_CTE},
          guard AS (${insertTestResults('$6', 'EXISTS (SELECT 1 FROM attempt)')} RETURNING index)`,
        params: [submission.id, attempt.attempt, results.rows],
      }),
    ).catch((error: unknown) => {
      // Only after a retried write whose first commit did land (the connection died on COMMIT).
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
        return { envelopes: [], announced: true };
      throw error;
    });
    this.publishUnannounced(recorded);
  }

  /**
   * One statement (which PostgreSQL runs atomically), retried while PostgreSQL is unreachable (up to
   * DATABASE_WAIT_MS): the writes of an attempt are conditional on that attempt, so running one again is
   * harmless.
   */
  private async retrying<T>(work: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + DATABASE_WAIT_MS;
    for (let pause = 200; ; pause = Math.min(pause * 2, 2000)) {
      try {
        return await work();
      } catch (error) {
        if (!isDatabaseUnavailable(error) || Date.now() + pause > deadline) throw error;
        this.logger.warn(`database unavailable (${(error as Error).message}); retrying in ${pause} ms`);
        await sleep(pause);
      }
    }
  }

  /**
   * Exactly once: only the current attempt of a running submission can finish it. The verdict, its
   * `submission.finished` events, the results of the tests not written yet, and `submission.running` when no
   * write of the attempt has recorded it yet are one statement.
   */
  async finalise(
    attempt: Attempt,
    result: Finalisation,
    unrecorded: readonly FinishedTest[] = [],
    jobId?: string,
  ): Promise<boolean> {
    const { submission } = attempt;
    const results = testResults(submission.id, unrecorded);
    const finished = {
      submissionId: submission.id,
      kind: submission.kind,
      verdict: result.verdict,
      // Candidates may subscribe to these streams: an answer's score stays with staff.
      score: result.scoreShownToCandidate === false ? null : result.score,
      message: result.message,
      latencyMs: Date.now() - submission.createdAt.getTime(),
    };
    const events = [
      ...this.takeRunning(attempt),
      ...results.events,
      liveEvent(liveStream.submission(submission.id), 'submission.finished', finished),
    ];
    // A rejudge is staff's business: it stays off the candidate's session stream.
    if (submission.kind !== 'rejudge') {
      events.push(liveEvent(liveStream.session(submission.sessionId), 'submission.finished', finished));
    }
    const recorded = await this.retrying(() =>
      recordAndAnnounceLiveEvents(this.dataSource.manager, events, {
        ctes: `guard AS (
          UPDATE submissions SET status = 'finished', verdict = $6, score = $7, message = $8, grading = $9,
            "finishedAt" = now()
          WHERE id = $4 AND status = 'running' AND attempts = $5 RETURNING id),
          results AS (${insertTestResults('$10', 'EXISTS (SELECT 1 FROM guard)')})${
            // The job is completed with its verdict: one round trip less, and no finished submission whose
            // job is still active (a crash in between would have judged it again, to no effect).
            jobId === undefined
              ? ''
              : `, completed AS (${JudgeQueue.completion('$11', '$12', 'EXISTS (SELECT 1 FROM guard)')})`
          }`,
        params: [
          submission.id,
          attempt.attempt,
          result.verdict,
          result.score,
          result.message.slice(0, 2000),
          result.grading === undefined ? null : JSON.stringify(result.grading),
          results.rows,
          ...(jobId === undefined ? [] : [JUDGE_QUEUE, jobId]),
        ],
      }),
    );
    this.publishUnannounced(recorded);
    return recorded.envelopes.length > 0;
  }

  /** Events whose statement could not announce them (too large for a NOTIFY) go through the publisher. */
  private publishUnannounced({ envelopes, announced }: { envelopes: LiveEnvelope[]; announced: boolean }): void {
    if (!announced) void this.publisher.publish(envelopes);
  }
}
/** `submission.running` of an attempt, naming this judge. */
function runningEvent({ submission, attempt }: Attempt): NewLiveEvent {
  return liveEvent(liveStream.submission(submission.id), 'submission.running', {
    submissionId: submission.id,
    attempt,
    judge: JUDGE_ID,
  });
}

/**
 * Test results as rows for `insertTestResults` (one JSON array) and as `test.finished` events. The candidate
 * reads the submission's stream: a hidden test shows its verdict and a message that quotes no test data (the
 * graders' rule), never its name.
 */
function testResults(submissionId: string, tests: readonly FinishedTest[]): { rows: string; events: NewLiveEvent[] } {
  const rows = tests.map(({ index, outcome }) => ({
    index,
    name: outcome.name.slice(0, 300),
    sample: outcome.sample,
    weight: outcome.weight,
    verdict: outcome.verdict,
    timeMs: Math.round(outcome.timeMs),
    message: outcome.message,
    details: outcome.sample ? (outcome.details ?? null) : null,
  }));
  const events = tests.map(({ index, outcome }, i) =>
    liveEvent(liveStream.submission(submissionId), 'test.finished', {
      submissionId,
      index,
      name: outcome.sample ? outcome.name : hiddenTestName(index),
      sample: outcome.sample,
      verdict: outcome.verdict,
      timeMs: rows[i].timeMs,
      message: outcome.message,
      ...(rows[i].details ? { details: rows[i].details } : {}),
    }),
  );
  return { rows: JSON.stringify(rows), events };
}

/** SQL inserting the test results of submission `$4` given as a JSON array (`rows`), when `condition` holds. */
function insertTestResults(rows: string, condition: string): string {
  return `INSERT INTO test_results ("submissionId", index, name, sample, weight, verdict, "timeMs", message, details)
    SELECT $4, r.index, r.name, r.sample, r.weight, r.verdict, r."timeMs", r.message, r.details
    FROM jsonb_to_recordset(${rows}::jsonb) AS r(index int, name varchar, sample boolean, weight real,
      verdict verdict, "timeMs" int, message text, details jsonb)
    WHERE ${condition}`;
}

/** The verdict of a submission whose judging took its judge down every time: never a pass. */
export function crashedTooOften(submission: Pick<SubmissionEntity, 'kind'>, crashes: number): Finalisation {
  return {
    verdict: 'RUNTIME_ERROR',
    score: submission.kind === 'run' ? null : 0,
    message: `Judging stopped: the judge running this submission stopped ${crashes} times. It was not run again.`,
  };
}
