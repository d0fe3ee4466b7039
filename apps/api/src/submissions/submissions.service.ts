import { Injectable } from '@nestjs/common';
import { hiddenTestName, liveStream, type SubmissionKind } from '@app/contracts';
import type { SubmissionEntity } from '@app/db';
import { JudgeQueue, liveEvent, recordAndAnnounceLiveEvents, statusChangeEvents } from '@app/pipeline';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CandidatePrincipal } from '../access/principal.js';
import { CandidateSessionsService } from '../candidate-sessions/candidate-sessions.service.js';
import { DomainException } from '../errors/domain.exception.js';
import { LiveAccessService } from '../live/live-access.service.js';
import { LiveHub } from '../live/live-hub.js';
import type { AcceptedSubmissionDto, SubmissionResultDto, SubmitDto } from './dto/submission.dto.js';
import { checkItemAnswer } from './item-answer.js';
import { SubmissionRepository } from './submission.repository.js';

const CODE_TYPES = new Set(['coding', 'class', 'stdio', 'spec', 'api-design', 'resilience', 'bug-fix', 'sql']);

@Injectable()
export class SubmissionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: CandidateSessionsService,
    private readonly submissions: SubmissionRepository,
    private readonly queue: JudgeQueue,
    private readonly live: LiveHub,
    private readonly access: LiveAccessService,
  ) {}

  /**
   * Accepts a run or a final submission: its row, its judge jobs and its `submission.queued` events are
   * written in one statement (atomic by itself), so nothing accepted is ever without a job, or the reverse.
   * With the session's lookup before it, accepting costs two round trips.
   */
  async accept(
    candidate: CandidatePrincipal,
    itemId: string,
    kind: SubmissionKind,
    input: SubmitDto,
  ): Promise<AcceptedSubmissionDto> {
    const now = new Date();
    // A final submission makes the item `submitted`: `session.updated` needs where the others stand.
    const { session, item, statuses } = await this.sessions.openItem(candidate, itemId, now, {
      statuses: kind === 'final',
    });
    const type = item.challengeVersion.type;
    const isCode = CODE_TYPES.has(type);
    if (isCode && (input.code === undefined || input.language === undefined)) {
      throw new DomainException('invalid', 'code_required', `A ${type} item takes { language, code }.`);
    }
    if (!isCode && input.answer === undefined) {
      throw new DomainException('invalid', 'answer_required', `A ${type} item takes { answer }.`);
    }
    if (kind === 'run' && !isCode) {
      throw new DomainException('invalid', 'nothing_to_run', `A ${type} item has no sample tests to run.`);
    }
    if (isCode && (type === 'sql') !== (input.language === 'sql')) {
      throw new DomainException(
        'malformed',
        'wrong_language',
        type === 'sql'
          ? `language: a sql item is answered in sql, not ${input.language}.`
          : `language: a ${type} item is answered in javascript or typescript, not sql.`,
      );
    }
    if (!isCode) checkItemAnswer(type, item.challengeVersion.definition, input.answer!);
    const submission = {
      id: randomUUID(),
      sessionId: session.id,
      organizationId: session.organizationId,
      assessmentItemId: item.id,
      challengeVersionId: item.challengeVersionId,
      kind,
      language: isCode ? (input.language ?? null) : null,
      code: isCode ? (input.code ?? null) : null,
      answer: isCode ? null : (input.answer ?? null),
    };
    const queued = { submissionId: submission.id, sessionId: session.id, itemId: item.id, kind };
    const events = [
      liveEvent(liveStream.submission(submission.id), 'submission.queued', queued),
      liveEvent(liveStream.session(session.id), 'submission.queued', queued),
    ];
    if (statuses) events.push(...statusChangeEvents(session, statuses, item.id, 'submitted', now));
    // Final JavaScript/TypeScript code is also screened for similarity (docs/integrity.md).
    const screen = kind === 'final' && isCode && input.language !== 'sql';
    // The submission, its jobs, the judges' wake-up and its events: one statement, atomic by itself.
    const creating = SubmissionRepository.creating(submission);
    const enqueueing = this.queue.enqueueing(4 + creating.params.length, { submissionId: submission.id }, { screen });
    const recorded = await recordAndAnnounceLiveEvents(this.dataSource.manager, events, {
      ctes: `${creating.ctes}, ${enqueueing.ctes}, guard AS (SELECT 1 FROM created, wake)`,
      params: [...creating.params, ...enqueueing.params],
    });
    this.access.accepted(submission.id, { sessionId: session.id, organizationId: session.organizationId, kind });
    this.live.publishSessionEvents(session.assessmentId, recorded.envelopes, recorded.announced);
    return { submissionId: submission.id };
  }

  async result(candidate: CandidatePrincipal, submissionId: string): Promise<SubmissionResultDto> {
    const submission = await this.submissions.findWithResults(submissionId);
    // Rejudges are staff's comparisons, never shown to the candidate.
    if (!submission || submission.sessionId !== candidate.sessionId || submission.kind === 'rejudge') {
      throw new DomainException('not_found', 'submission_not_found', 'No such submission.');
    }
    return toResultDto(submission, 'candidate');
  }
}

/**
 * Details (input, expected, actual) exist for sample tests only: the judge never stores them for hidden
 * ones. Candidates never see the score of an answer (quiz, review, design): resubmitting and watching
 * it would reveal the key. A candidate sees a hidden test's verdict and message under a neutral name.
 */
export function toResultDto(
  submission: SubmissionEntity,
  audience: 'candidate' | 'staff' = 'staff',
): SubmissionResultDto {
  const redact = audience === 'candidate';
  const scoreHidden = submission.kind === 'run' || (redact && submission.answer !== null);
  return {
    id: submission.id,
    itemId: submission.assessmentItemId,
    kind: submission.kind,
    status: submission.status,
    verdict: submission.verdict,
    score: scoreHidden ? null : submission.score,
    message: submission.message,
    createdAt: submission.createdAt,
    tests: (submission.testResults ?? []).map((result) => ({
      index: result.index,
      name: redact && !result.sample ? hiddenTestName(result.index) : result.name,
      sample: result.sample,
      verdict: result.verdict,
      timeMs: result.timeMs,
      // A hidden test's message never quotes its data (the graders' rule): it is safe to show.
      message: result.message,
      ...(result.sample && result.details ? result.details : {}),
    })),
  };
}
