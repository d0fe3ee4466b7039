import { Injectable } from '@nestjs/common';
import type { AssessmentEntity, AssessmentItemEntity } from '@app/db';
import type { StaffPrincipal } from '../access/principal.js';
import { AssessmentRepository } from '../assessments/assessment.repository.js';
import { DomainException } from '../errors/domain.exception.js';
import type { IntegrityReviewMarkDto } from '../integrity/dto/integrity.dto.js';
import { IntegrityReviewService } from '../integrity/integrity-review.service.js';
import { toResultDto } from '../submissions/submissions.service.js';
import type { CompareDto, ScoreChangeDto } from './dto/review.dto.js';
import { rubricOf } from './item-rubric.js';
import { ReviewCommentRepository } from './review-comment.repository.js';
import { toCommentDto, toReviewDto } from './review-responses.js';
import { SessionReviewRepository, toFinalView, type SessionRow } from './session-review.repository.js';
import {
  computeItem,
  csvCell,
  rank,
  scoreSession,
  type ReviewView,
  type ScoringContext,
  type SessionResult,
} from './session-scoring.js';

export { csvCell, percentileOf } from './session-scoring.js';

/** A session's result with the integrity mark the comparison board shows beside it. */
export type RankedResult = SessionResult & { integrityReview: IntegrityReviewMarkDto };

const sessionNotFound = () => new DomainException('not_found', 'session_not_found', 'No such session.');
const assessmentNotFound = () => new DomainException('not_found', 'assessment_not_found', 'No such assessment.');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Results, session detail and comparison: everything staff read about how candidates did. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly reviews: SessionReviewRepository,
    private readonly comments: ReviewCommentRepository,
    private readonly assessments: AssessmentRepository,
    private readonly integrity: IntegrityReviewService,
  ) {}

  /** Ranked results of every session of an assessment, with percentiles within it. */
  async results(staff: StaffPrincipal, assessmentId: string): Promise<RankedResult[]> {
    const assessment = await this.assessments.findInOrganization(staff.organizationId, assessmentId);
    if (!assessment) throw assessmentNotFound();
    const rows = await this.reviews.sessionsOfAssessment(staff.organizationId, assessmentId);
    const context = await this.context(assessment.items ?? [], rows);
    const marks = await this.integrity.reviewMarks(
      staff.organizationId,
      rows.map((row) => row.session.id),
    );
    return rank(
      rows.map((row) => ({
        ...scoreSession(identityOf(row), context),
        integrityReview: marks.get(row.session.id) ?? { suggested: false, reasons: [] },
      })),
    );
  }

  /** One session's result, ranked within its assessment. */
  async sessionResult(
    staff: StaffPrincipal,
    sessionId: string,
  ): Promise<{ row: SessionRow; result: SessionResult; assessment: AssessmentEntity }> {
    const row = await this.reviews.session(staff.organizationId, sessionId);
    if (!row) throw sessionNotFound();
    const assessment = await this.assessments.findInOrganization(staff.organizationId, row.session.assessmentId);
    if (!assessment) throw sessionNotFound();
    const result = (await this.results(staff, assessment.id)).find((candidate) => candidate.sessionId === sessionId);
    if (!result) throw sessionNotFound();
    return { row, result, assessment };
  }

  async session(staff: StaffPrincipal, sessionId: string) {
    const { row, result, assessment } = await this.sessionResult(staff, sessionId);
    const finals = await this.reviews.finalSubmissions([sessionId]);
    const comments = await this.comments.ofSubmissions(
      staff.organizationId,
      finals.map((submission) => submission.id),
    );
    const reviews = await this.reviews.reviewEntities([sessionId]);
    const items = assessment.items ?? [];
    return {
      ...result,
      assessmentId: row.session.assessmentId,
      deadline: row.session.deadline,
      items: result.items.map((item) => {
        const rubric = rubricOf(items.find((candidate) => candidate.id === item.itemId)!.challengeVersion!);
        return { ...item, rubric: { source: rubric.source, criteria: rubric.rubric.criteria } };
      }),
      submissions: finals.map((submission) => ({
        ...toResultDto(submission),
        language: submission.language,
        code: submission.code,
        answer: submission.answer,
        grading: submission.grading,
        comments: comments.filter((comment) => comment.submissionId === submission.id).map(toCommentDto),
      })),
      reviews: reviews.map((review) => toReviewDto(review, items)),
      scoreAudit: await this.audit(staff, sessionId),
    };
  }

  async audit(staff: StaffPrincipal, sessionId: string): Promise<ScoreChangeDto[]> {
    const row = await this.reviews.session(staff.organizationId, sessionId);
    if (!row) throw sessionNotFound();
    return (await this.reviews.audit(sessionId)).map((entry) => ({
      id: entry.id,
      sessionId: entry.sessionId,
      itemId: entry.assessmentItemId,
      from: entry.fromScore,
      to: entry.toScore,
      reason: entry.reason,
      by: { id: entry.changedById, name: entry.changedBy!.name },
      at: entry.at,
    }));
  }

  async playback(staff: StaffPrincipal, sessionId: string, itemId: string) {
    const row = await this.reviews.session(staff.organizationId, sessionId);
    if (!row) throw sessionNotFound();
    const snapshots = await this.reviews.playback(sessionId, itemId);
    return snapshots.map((snapshot) => ({
      at: snapshot.takenAt,
      language: snapshot.language,
      code: snapshot.code,
      answer: snapshot.answer,
    }));
  }

  /** 2–4 sessions of the assessment side by side, in the order asked. */
  async compare(staff: StaffPrincipal, assessmentId: string, list: string | undefined): Promise<CompareDto> {
    const ids = (list ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    const problems: string[] = [];
    if (ids.length < 2 || ids.length > 4) problems.push(`give 2 to 4 session ids (got ${ids.length})`);
    const malformed = ids.filter((id) => !UUID.test(id));
    if (malformed.length > 0) problems.push(`not session ids: ${malformed.slice(0, 4).join(', ')}`);
    if (new Set(ids.map((id) => id.toLowerCase())).size !== ids.length) problems.push('a session is repeated');
    if (problems.length > 0) {
      throw new DomainException('malformed', 'invalid_compare', `Cannot compare: ${problems.join('; ')}.`, {
        sessionIds: ids,
      });
    }
    const assessment = await this.assessments.findInOrganization(staff.organizationId, assessmentId);
    if (!assessment) throw assessmentNotFound();
    const results = await this.results(staff, assessmentId);
    const byId = new Map(results.map((result) => [result.sessionId, result]));
    const missing = ids.filter((id) => !byId.has(id.toLowerCase()));
    if (missing.length > 0) {
      throw new DomainException(
        'not_found',
        'session_not_found',
        `No such session in this assessment: ${missing.join(', ')}.`,
        { sessionIds: missing },
      );
    }
    const candidates = ids.map((id) => byId.get(id.toLowerCase())!);
    return {
      assessmentId,
      items: (assessment.items ?? []).map((item) => ({
        itemId: item.id,
        challengeSlug: item.challengeVersion!.challenge!.slug,
        title: item.challengeVersion!.title,
        type: item.challengeVersion!.type,
        weight: item.weight,
        competencies: item.challengeVersion!.competencies,
      })),
      competencies: [...new Set(candidates.flatMap((candidate) => Object.keys(candidate.competencies)))].sort(),
      candidates,
    };
  }

  async resultsCsv(staff: StaffPrincipal, assessmentId: string): Promise<string> {
    const results = await this.results(staff, assessmentId);
    const assessment = await this.assessments.findInOrganization(staff.organizationId, assessmentId);
    const items = assessment?.items ?? [];
    const competencies = [...new Set(results.flatMap((result) => Object.keys(result.competencies)))].sort();
    const header = [
      'rank',
      'candidate',
      'email',
      'status',
      'total',
      'percentile',
      ...competencies.map((id) => `competency:${id}`),
      ...items.map((item) => `item:${item.challengeVersion!.challenge!.slug}`),
      'decisions',
    ];
    const lines = results.map((result, index) => [
      String(index + 1),
      result.candidateName,
      result.candidateEmail,
      result.status,
      result.total.toFixed(1),
      result.percentile === null ? '' : result.percentile.toFixed(0),
      ...competencies.map((id) => (result.competencies[id] === undefined ? '' : result.competencies[id].toFixed(1))),
      ...result.items.map((item) =>
        item.score === null ? '' : `${(item.score * 100).toFixed(1)}${item.overridden ? '*' : ''}`,
      ),
      result.decisions.map((decision) => decision.decision).join('; '),
    ]);
    return [header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }

  /** What scoring needs for these sessions, and the population of each challenge version for its percentiles. */
  private async context(items: AssessmentItemEntity[], rows: SessionRow[]): Promise<ScoringContext> {
    const sessionIds = rows.map((row) => row.session.id);
    const [finals, overrides, reviews] = await Promise.all([
      this.reviews.finalSubmissions(sessionIds),
      this.reviews.overrides(sessionIds),
      this.reviews.reviews(sessionIds),
    ]);
    return {
      items,
      finals: finals.map(toFinalView),
      overrides,
      reviews,
      versionScores: await this.versionScores(items),
    };
  }

  /** Scores of everyone who submitted each version (overrides and reviews applied), by version id. */
  private async versionScores(items: AssessmentItemEntity[]): Promise<Map<string, number[]>> {
    const versions = new Map(items.map((item) => [item.challengeVersionId, item.challengeVersion!]));
    const rows = await this.reviews.population([...versions.keys()]);
    const designSessions = [
      ...new Set(
        rows
          .filter((row) => versions.get(row.challengeVersionId)?.type === 'system-design')
          .map((row) => row.sessionId),
      ),
    ];
    const reviews = await this.reviews.reviews(designSessions);
    const reviewsBySession = new Map<string, ReviewView[]>();
    for (const review of reviews) {
      const list = reviewsBySession.get(review.sessionId);
      if (list) list.push(review);
      else reviewsBySession.set(review.sessionId, [review]);
    }
    const scores = new Map<string, number[]>();
    for (const row of rows) {
      const version = versions.get(row.challengeVersionId)!;
      const computed = computeItem(version, row, reviewsBySession.get(row.sessionId) ?? [], row.assessmentItemId);
      const score = row.overrideScore ?? computed.autoScore;
      if (score === null) continue;
      const list = scores.get(version.id);
      if (list) list.push(score);
      else scores.set(version.id, [score]);
    }
    return scores;
  }
}

function identityOf(row: SessionRow) {
  return {
    sessionId: row.session.id,
    candidateName: row.invite.candidateName,
    candidateEmail: row.invite.candidateEmail,
    status: row.session.status,
    startedAt: row.session.startedAt,
    finishedAt: row.session.finishedAt,
  };
}
