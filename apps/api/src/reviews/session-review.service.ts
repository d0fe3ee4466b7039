import { Injectable } from '@nestjs/common';
import { DefinitionError, parseRubricRatings } from '@app/challenge-kit';
import type { AssessmentItemEntity, ReviewRubric } from '@app/db';
import { DataSource } from 'typeorm';
import type { StaffPrincipal } from '../access/principal.js';
import { CandidateSessionsService } from '../candidate-sessions/candidate-sessions.service.js';
import { DomainException } from '../errors/domain.exception.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';
import type { ReviewDto, SaveReviewDto, ScoreOverrideDto, ScoreOverrideResultDto } from './dto/review.dto.js';
import { rubricOf } from './item-rubric.js';
import { toReviewDto } from './review-responses.js';
import { ReviewsService } from './reviews.service.js';
import { SessionReviewRepository, type SessionRow } from './session-review.repository.js';

/** Interviewers' judgement of a session: rubric, decision and summary; score overrides with their audit trail. */
@Injectable()
export class SessionReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SessionReviewRepository,
    private readonly results: ReviewsService,
    private readonly sessions: CandidateSessionsService,
    private readonly outbox: WebhookOutbox,
  ) {}

  /** Creates or replaces the caller's review of a finished session. */
  async saveReview(staff: StaffPrincipal, sessionId: string, input: SaveReviewDto): Promise<ReviewDto> {
    const { row, assessment } = await this.results.sessionResult(staff, sessionId);
    await this.requireFinished(row);
    const items = assessment.items ?? [];
    const rubric = readRatings(input.rubric ?? {}, items);
    const review = await this.dataSource.transaction(async (manager) => {
      const saved = await this.repository.saveReview(manager, {
        organizationId: staff.organizationId,
        sessionId,
        reviewerId: staff.userId,
        decision: input.decision,
        summary: input.summary,
        rubric,
      });
      await this.outbox.emit(manager, staff.organizationId, 'review.submitted', {
        sessionId,
        assessmentId: row.session.assessmentId,
        reviewId: saved.id,
        reviewer: { id: staff.userId, name: saved.reviewer!.name },
        decision: saved.decision,
      });
      return saved;
    });
    return toReviewDto(review, items);
  }

  async list(staff: StaffPrincipal, sessionId: string): Promise<ReviewDto[]> {
    const { assessment } = await this.results.sessionResult(staff, sessionId);
    return (await this.repository.reviewEntities([sessionId])).map((review) =>
      toReviewDto(review, assessment.items ?? []),
    );
  }

  /**
   * Sets (or with a null score removes) the override of an item's score. The computed score is kept;
   * the change is an audit row and a webhook, in one transaction under the session's lock.
   */
  async overrideScore(
    staff: StaffPrincipal,
    sessionId: string,
    itemId: string,
    input: ScoreOverrideDto,
  ): Promise<ScoreOverrideResultDto> {
    const { row, result } = await this.results.sessionResult(staff, sessionId);
    const item = result.items.find((candidate) => candidate.itemId === itemId);
    if (!item) throw new DomainException('not_found', 'item_not_found', 'No such item in this session.');
    await this.requireFinished(row);
    const by = await this.repository.personOf(staff.userId);
    const at = new Date();
    const audit = await this.dataSource.transaction(async (manager) => {
      await this.repository.lockSession(manager, sessionId);
      const existing = await this.repository.findOverride(manager, sessionId, itemId);
      const from = existing ? existing.score : item.autoScore;
      if (input.score === null) {
        if (!existing) {
          throw new DomainException(
            'conflict',
            'no_override',
            'This item’s score is not overridden: nothing to remove.',
          );
        }
        await this.repository.removeOverride(manager, sessionId, itemId);
      } else {
        await this.repository.setOverride(manager, {
          organizationId: staff.organizationId,
          sessionId,
          assessmentItemId: itemId,
          score: input.score,
          reason: input.reason,
          overriddenById: staff.userId,
          at,
        });
      }
      const entry = await this.repository.addAudit(manager, {
        organizationId: staff.organizationId,
        sessionId,
        assessmentItemId: itemId,
        fromScore: from,
        toScore: input.score,
        reason: input.reason,
        changedById: staff.userId,
        at,
      });
      await this.outbox.emit(manager, staff.organizationId, 'score.overridden', {
        sessionId,
        assessmentId: row.session.assessmentId,
        itemId,
        from,
        to: input.score,
        reason: input.reason,
        by,
      });
      return entry;
    });
    return {
      id: audit.id,
      sessionId,
      itemId,
      from: audit.fromScore,
      to: audit.toScore,
      originalScore: item.autoScore,
      reason: audit.reason,
      by,
      at,
    };
  }

  /** Reviews and overrides judge finished work: a session past its deadline is finished first. */
  private async requireFinished(row: SessionRow): Promise<void> {
    if (row.session.status === 'finished') return;
    if (row.session.deadline.getTime() <= Date.now()) {
      await this.sessions.finishAtDeadline(row.session.id);
      return;
    }
    throw new DomainException(
      'conflict',
      'session_in_progress',
      'The candidate is still working on this session: review it once it is finished.',
    );
  }
}

/** Checks ratings item by item against each item's rubric; every problem is reported at once (422). */
function readRatings(raw: Record<string, unknown>, items: AssessmentItemEntity[]): ReviewRubric {
  const problems: { path: string; message: string }[] = [];
  const ratings: ReviewRubric = {};
  for (const [itemId, value] of Object.entries(raw)) {
    const item = items.find((candidate) => candidate.id === itemId);
    if (!item) {
      problems.push({ path: `rubric.${itemId}`, message: 'is not an item of this session' });
      continue;
    }
    try {
      const parsed = parseRubricRatings(
        value,
        rubricOf(item.challengeVersion!).rubric,
        `The ratings of item ${itemId}`,
      );
      ratings[itemId] = { ...parsed };
    } catch (error) {
      if (!(error instanceof DefinitionError)) throw error;
      for (const problem of error.problems) {
        problems.push({ path: `rubric.${itemId}${problem.path ? `.${problem.path}` : ''}`, message: problem.message });
      }
    }
  }
  if (problems.length > 0) {
    throw new DomainException(
      'invalid',
      'invalid_rubric',
      `The rubric ratings are not valid: ${problems.map((problem) => `${problem.path} ${problem.message}`).join('; ')}.`,
      problems,
    );
  }
  return ratings;
}
