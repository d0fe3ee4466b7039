import { Injectable, Logger } from '@nestjs/common';
import { JUDGE_JOB_RETRY_LIMIT, liveStream, type LiveEnvelope, type Verdict } from '@app/contracts';
import { ChallengeVersionEntity, SubmissionEntity, TestResultEntity } from '@app/db';
import { JudgeEngine, JudgeInputError, type JudgeResult, type TestOutcome } from '@app/judge-engine';
import { LivePublisher, appendLiveEvent } from '@app/pipeline';
import { DataSource, type EntityManager } from 'typeorm';
import { UnjudgeableError, toEngineSubmission, type StoredDefinition } from './challenge-definition.js';

export interface Finalisation {
  verdict: Verdict;
  score: number | null;
  message: string;
}

/**
 * Judges one submission per job: marks it running, streams each test's result as it comes, and
 * finalises it exactly once (a conditional update: a retried job finds it finished and stops).
 */
@Injectable()
export class SubmissionJudge {
  private readonly logger = new Logger(SubmissionJudge.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: JudgeEngine,
    private readonly publisher: LivePublisher,
  ) {}

  async judge(submissionId: string): Promise<void> {
    const started = await this.start(submissionId);
    if (!started) return;
    const { submission, version } = started;
    if (submission.attempts > JUDGE_JOB_RETRY_LIMIT) {
      // Every earlier attempt took its judge down with it: never run it again, never pass it.
      await this.finalise(submission, {
        verdict: 'RUNTIME_ERROR',
        score: submission.kind === 'run' ? null : 0,
        message: `Judging stopped: this submission crashed the judge ${submission.attempts - 1} times.`,
      });
      return;
    }
    let finalisation: Finalisation;
    try {
      finalisation = await this.run(submission, version);
    } catch (error) {
      if (error instanceof UnjudgeableError || error instanceof JudgeInputError) {
        this.logger.error(`submission ${submission.id}: ${error.message}`);
        finalisation = {
          verdict: 'INTERNAL_ERROR',
          score: null,
          message: `This item could not be judged: ${error.message}`,
        };
      } else {
        throw error; // a judge fault: the job fails and pg-boss retries it
      }
    }
    await this.finalise(submission, finalisation);
  }

  /** Marks the submission running (a new attempt) and clears what an interrupted attempt left. */
  private async start(
    submissionId: string,
  ): Promise<{ submission: SubmissionEntity; version: ChallengeVersionEntity } | undefined> {
    const envelopes: LiveEnvelope[] = [];
    const started = await this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<[SubmissionEntity[], number]>(
        `UPDATE submissions SET status = 'running', attempts = attempts + 1, "startedAt" = now()
         WHERE id = $1 AND status <> 'finished' RETURNING id`,
        [submissionId],
      );
      if (rows[1] === 0) return undefined;
      await manager.delete(TestResultEntity, { submissionId });
      const submission = await manager.findOneByOrFail(SubmissionEntity, { id: submissionId });
      const version = await manager.findOneByOrFail(ChallengeVersionEntity, { id: submission.challengeVersionId });
      envelopes.push(
        await appendLiveEvent(manager, liveStream.submission(submissionId), 'submission.running', {
          submissionId,
          attempt: submission.attempts,
        }),
      );
      return { submission, version };
    });
    void this.publisher.publish(envelopes);
    return started;
  }

  private async run(submission: SubmissionEntity, version: ChallengeVersionEntity): Promise<Finalisation> {
    const definition = version.definition as StoredDefinition;
    const engineSubmission = toEngineSubmission(
      definition,
      { language: submission.language, source: submission.code },
      submission.kind === 'run',
    );
    let index = 0;
    let recording = Promise.resolve();
    const result = await this.engine.judge(engineSubmission, {
      onTestFinished: (outcome) => {
        const position = index++;
        // Results are written and published one after another, in the order the tests finished.
        recording = recording.then(() => this.record(submission, position, outcome));
      },
    });
    await recording;
    return {
      verdict: result.verdict,
      score: submission.kind === 'run' ? null : scoreOf(result),
      message: result.message,
    };
  }

  private async record(submission: SubmissionEntity, index: number, outcome: TestOutcome): Promise<void> {
    const details = outcome.sample ? (outcome.details ?? null) : null;
    const envelope = await this.dataSource.transaction(async (manager) => {
      await manager.insert(TestResultEntity, {
        submissionId: submission.id,
        index,
        name: outcome.name.slice(0, 300),
        sample: outcome.sample,
        weight: outcome.weight,
        verdict: outcome.verdict,
        timeMs: Math.round(outcome.timeMs),
        message: outcome.message,
        details,
      });
      return appendLiveEvent(manager, liveStream.submission(submission.id), 'test.finished', {
        submissionId: submission.id,
        index,
        name: outcome.name,
        sample: outcome.sample,
        verdict: outcome.verdict,
        timeMs: Math.round(outcome.timeMs),
        message: outcome.message,
        ...(details ? { details } : {}),
      });
    });
    void this.publisher.publish([envelope]);
  }

  /** Exactly once: only a running submission becomes finished, and only one update can do it. */
  async finalise(submission: SubmissionEntity, result: Finalisation): Promise<void> {
    const envelopes: LiveEnvelope[] = [];
    await this.dataSource.transaction(async (manager: EntityManager) => {
      const updated = await manager.query<[unknown[], number]>(
        `UPDATE submissions SET status = 'finished', verdict = $2, score = $3, message = $4, "finishedAt" = now()
         WHERE id = $1 AND status = 'running' RETURNING id`,
        [submission.id, result.verdict, result.score, result.message.slice(0, 2000)],
      );
      if (updated[1] === 0) return;
      const finished = {
        submissionId: submission.id,
        kind: submission.kind,
        verdict: result.verdict,
        score: result.score,
        message: result.message,
      };
      envelopes.push(
        await appendLiveEvent(manager, liveStream.submission(submission.id), 'submission.finished', finished),
      );
      envelopes.push(
        await appendLiveEvent(manager, liveStream.session(submission.sessionId), 'submission.finished', finished),
      );
    });
    void this.publisher.publish(envelopes);
  }
}

/** Share of the weight of hidden tests passed (all tests when a challenge has no hidden ones). */
export function scoreOf(result: JudgeResult): number {
  const hidden = result.tests.filter((test) => !test.sample);
  const counted = hidden.length > 0 ? hidden : result.tests;
  const total = counted.reduce((sum, test) => sum + test.weight, 0);
  if (total === 0) return 0;
  const passed = counted.filter((test) => test.verdict === 'ACCEPTED').reduce((sum, test) => sum + test.weight, 0);
  return Math.round((passed / total) * 100_000) / 100_000;
}
