import { Injectable } from '@nestjs/common';
import type { AssessmentItemEntity, SubmissionEntity } from '@app/db';
import type { StaffPrincipal } from '../access/principal.js';
import { AssessmentRepository } from '../assessments/assessment.repository.js';
import { DomainException } from '../errors/domain.exception.js';
import type { IntegrityReviewMarkDto } from '../integrity/dto/integrity.dto.js';
import { IntegrityReviewService } from '../integrity/integrity-review.service.js';
import { toResultDto } from '../submissions/submissions.service.js';
import { SessionReviewRepository, type SessionRow } from './session-review.repository.js';

export interface ItemResult {
  itemId: string;
  challengeSlug: string;
  type: string;
  weight: number;
  competencies: string[];
  /** 0..1, or null while not submitted or not auto-graded; pending review: what is graded so far. */
  score: number | null;
  status: 'not_submitted' | 'judging' | 'scored' | 'pending_review';
}

export interface SessionResult {
  sessionId: string;
  candidateName: string;
  candidateEmail: string;
  status: string;
  startedAt: Date;
  finishedAt: Date | null;
  /** Weighted over the items, 0..100; items not scored yet count as 0. */
  total: number;
  percentile: number | null;
  competencies: Record<string, number>;
  items: ItemResult[];
  /** Set when similarity flags or timeline signals suggest a person look before trusting the score. */
  integrityReview: IntegrityReviewMarkDto;
}

const sessionNotFound = () => new DomainException('not_found', 'session_not_found', 'No such session.');

@Injectable()
export class ReviewsService {
  constructor(
    private readonly reviews: SessionReviewRepository,
    private readonly assessments: AssessmentRepository,
    private readonly integrity: IntegrityReviewService,
  ) {}

  /** Ranked results of every session of an assessment, with percentiles within it. */
  async results(staff: StaffPrincipal, assessmentId: string): Promise<SessionResult[]> {
    const assessment = await this.assessments.findInOrganization(staff.organizationId, assessmentId);
    if (!assessment) throw new DomainException('not_found', 'assessment_not_found', 'No such assessment.');
    const rows = await this.reviews.sessionsOfAssessment(staff.organizationId, assessmentId);
    const finals = await this.reviews.finalSubmissions(rows.map((row) => row.session.id));
    const results = rows.map((row) => scoreSession(row, assessment.items ?? [], finals));
    const marks = await this.integrity.reviewMarks(
      staff.organizationId,
      rows.map((row) => row.session.id),
    );
    for (const result of results) result.integrityReview = marks.get(result.sessionId) ?? result.integrityReview;
    const totals = results.map((result) => result.total);
    for (const result of results) result.percentile = percentileOf(result.total, totals);
    return results.sort((a, b) => b.total - a.total);
  }

  async session(staff: StaffPrincipal, sessionId: string) {
    const row = await this.reviews.session(staff.organizationId, sessionId);
    if (!row) throw sessionNotFound();
    const assessment = await this.assessments.findInOrganization(staff.organizationId, row.session.assessmentId);
    const finals = await this.reviews.finalSubmissions([sessionId]);
    const result = scoreSession(row, assessment?.items ?? [], finals);
    result.integrityReview = (await this.integrity.reviewMarks(staff.organizationId, [sessionId])).get(sessionId)!;
    return {
      ...result,
      assessmentId: row.session.assessmentId,
      deadline: row.session.deadline,
      submissions: finals.map((submission) => ({
        ...toResultDto(submission),
        language: submission.language,
        code: submission.code,
        answer: submission.answer,
        grading: submission.grading,
      })),
    };
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

  async resultsCsv(staff: StaffPrincipal, assessmentId: string): Promise<string> {
    const results = await this.results(staff, assessmentId);
    const competencies = [...new Set(results.flatMap((result) => Object.keys(result.competencies)))].sort();
    const header = [
      'rank',
      'candidate',
      'email',
      'status',
      'total',
      'percentile',
      ...competencies.map((id) => `competency:${id}`),
    ];
    const lines = results.map((result, index) => [
      String(index + 1),
      result.candidateName,
      result.candidateEmail,
      result.status,
      result.total.toFixed(1),
      result.percentile === null ? '' : result.percentile.toFixed(0),
      ...competencies.map((id) => (result.competencies[id] === undefined ? '' : result.competencies[id].toFixed(1))),
    ]);
    return [header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }
}

/** RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function scoreSession(row: SessionRow, items: AssessmentItemEntity[], finals: SubmissionEntity[]): SessionResult {
  const mine = new Map(finals.filter((s) => s.sessionId === row.session.id).map((s) => [s.assessmentItemId, s]));
  const itemResults: ItemResult[] = items.map((item) => {
    const submission = mine.get(item.id);
    // A design's estimates are graded at once; its rubric waits for interviewers (score so far counts).
    const rubricPending = (submission?.grading as { rubricPending?: unknown } | null)?.rubricPending === true;
    const status: ItemResult['status'] = !submission
      ? 'not_submitted'
      : submission.status !== 'finished'
        ? 'judging'
        : submission.score === null || rubricPending
          ? 'pending_review'
          : 'scored';
    return {
      itemId: item.id,
      challengeSlug: item.challengeVersion!.challenge!.slug,
      type: item.challengeVersion!.type,
      weight: item.weight,
      competencies: item.challengeVersion!.competencies,
      score: status === 'scored' || status === 'pending_review' ? (submission!.score ?? null) : null,
      status,
    };
  });
  const weightSum = itemResults.reduce((sum, item) => sum + item.weight, 0);
  const total =
    weightSum === 0
      ? 0
      : (itemResults.reduce((sum, item) => sum + item.weight * (item.score ?? 0), 0) / weightSum) * 100;
  const competencies: Record<string, number> = {};
  for (const id of new Set(itemResults.flatMap((item) => item.competencies))) {
    const tagged = itemResults.filter((item) => item.competencies.includes(id));
    const weight = tagged.reduce((sum, item) => sum + item.weight, 0);
    competencies[id] =
      weight === 0 ? 0 : (tagged.reduce((sum, item) => sum + item.weight * (item.score ?? 0), 0) / weight) * 100;
  }
  return {
    sessionId: row.session.id,
    candidateName: row.invite.candidateName,
    candidateEmail: row.invite.candidateEmail,
    status: row.session.status,
    startedAt: row.session.startedAt,
    finishedAt: row.session.finishedAt,
    total: Math.round(total * 10) / 10,
    percentile: null,
    competencies,
    items: itemResults,
    integrityReview: { suggested: false, reasons: [] },
  };
}

/** Share of the others scoring strictly less, plus half of the ties (the usual mid-rank definition). */
export function percentileOf(value: number, all: number[]): number | null {
  if (all.length < 2) return null;
  const below = all.filter((other) => other < value).length;
  const ties = all.filter((other) => other === value).length - 1;
  return Math.round(((below + ties / 2) / (all.length - 1)) * 100);
}
