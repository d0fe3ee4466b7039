import { Injectable } from '@nestjs/common';
import {
  CandidateSessionEntity,
  InviteEntity,
  ScoreAuditEntity,
  ScoreOverrideEntity,
  SessionReviewEntity,
  SnapshotEntity,
  SubmissionEntity,
  UserEntity,
  type ReviewRubric,
} from '@app/db';
import { DataSource, type EntityManager } from 'typeorm';
import type { FinalView, OverrideView, ReviewView } from './session-scoring.js';

export interface SessionRow {
  session: CandidateSessionEntity;
  invite: InviteEntity;
}

/** A final submission of a challenge version by anyone, with its override: the population of a version. */
export interface PopulationRow extends FinalView {
  challengeVersionId: string;
  overrideScore: number | null;
}

const numberOrNull = (value: string | number | null) => (value === null ? null : Number(value));

/** What staff read and write about candidates' sessions; every staff query is confined to one organisation. */
@Injectable()
export class SessionReviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  async sessionsOfAssessment(organizationId: string, assessmentId: string): Promise<SessionRow[]> {
    const sessions = await this.dataSource
      .getRepository(CandidateSessionEntity)
      .createQueryBuilder('session')
      .innerJoinAndSelect('session.invite', 'invite')
      .where('session.assessmentId = :assessmentId AND session.organizationId = :organizationId', {
        assessmentId,
        organizationId,
      })
      .orderBy('session.startedAt', 'ASC')
      .getMany();
    return sessions.map((session) => ({ session, invite: session.invite! }));
  }

  async session(organizationId: string, sessionId: string): Promise<SessionRow | undefined> {
    const session = await this.dataSource
      .getRepository(CandidateSessionEntity)
      .createQueryBuilder('session')
      .innerJoinAndSelect('session.invite', 'invite')
      .where('session.id = :sessionId AND session.organizationId = :organizationId', { sessionId, organizationId })
      .getOne();
    return session ? { session, invite: session.invite! } : undefined;
  }

  /** Locks the session row: score changes of one session happen one at a time. */
  async lockSession(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query('SELECT id FROM candidate_sessions WHERE id = $1 FOR UPDATE', [sessionId]);
  }

  /** The last final submission of each item of the sessions (the one that counts), with results. */
  async finalSubmissions(sessionIds: string[]): Promise<SubmissionEntity[]> {
    if (sessionIds.length === 0) return [];
    return this.dataSource
      .getRepository(SubmissionEntity)
      .createQueryBuilder('submission')
      .leftJoinAndSelect('submission.testResults', 'result')
      .where(
        `submission.id IN (
          SELECT DISTINCT ON ("sessionId", "assessmentItemId") id FROM submissions
          WHERE "sessionId" = ANY(:sessionIds) AND kind = 'final'
          ORDER BY "sessionId", "assessmentItemId", "createdAt" DESC)`,
        { sessionIds },
      )
      .orderBy('result.index', 'ASC')
      .getMany();
  }

  /** Everyone's final submissions of these challenge versions, in any organisation, with overrides. */
  async population(versionIds: string[]): Promise<PopulationRow[]> {
    if (versionIds.length === 0) return [];
    const rows = await this.dataSource.query<
      (Omit<PopulationRow, 'score' | 'overrideScore'> & { score: string | null; overrideScore: string | null })[]
    >(
      `SELECT f.id, f."sessionId", f."assessmentItemId", f."challengeVersionId", f.status, f.verdict, f.score,
              f.answer, o.score AS "overrideScore"
         FROM (SELECT DISTINCT ON ("sessionId", "assessmentItemId")
                      id, "sessionId", "assessmentItemId", "challengeVersionId", status, verdict, score, answer
                 FROM submissions
                WHERE "challengeVersionId" = ANY($1) AND kind = 'final'
                ORDER BY "sessionId", "assessmentItemId", "createdAt" DESC) f
         LEFT JOIN score_overrides o ON o."sessionId" = f."sessionId" AND o."assessmentItemId" = f."assessmentItemId"`,
      [versionIds],
    );
    return rows.map((row) => ({
      ...row,
      score: numberOrNull(row.score),
      overrideScore: numberOrNull(row.overrideScore),
    }));
  }

  async overrides(sessionIds: string[]): Promise<OverrideView[]> {
    if (sessionIds.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(ScoreOverrideEntity)
      .createQueryBuilder('override')
      .innerJoinAndSelect('override.overriddenBy', 'user')
      .where('override.sessionId = ANY(:sessionIds)', { sessionIds })
      .getMany();
    return rows.map((row) => ({
      sessionId: row.sessionId,
      itemId: row.assessmentItemId,
      score: row.score,
      reason: row.reason,
      by: { id: row.overriddenById, name: row.overriddenBy!.name },
      at: row.at,
    }));
  }

  /** Reviews of the sessions, oldest first, with their reviewers. */
  reviewEntities(sessionIds: string[]): Promise<SessionReviewEntity[]> {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(SessionReviewEntity)
      .createQueryBuilder('review')
      .innerJoinAndSelect('review.reviewer', 'reviewer')
      .where('review.sessionId = ANY(:sessionIds)', { sessionIds })
      .orderBy('review.createdAt', 'ASC')
      .getMany();
  }

  async reviews(sessionIds: string[]): Promise<ReviewView[]> {
    return (await this.reviewEntities(sessionIds)).map((review) => ({
      sessionId: review.sessionId,
      reviewer: { id: review.reviewerId, name: review.reviewer!.name },
      decision: review.decision,
      rubric: review.rubric,
    }));
  }

  /** Creates or replaces the reviewer's review of the session. */
  async saveReview(
    manager: EntityManager,
    review: Pick<SessionReviewEntity, 'organizationId' | 'sessionId' | 'reviewerId' | 'decision' | 'summary'> & {
      rubric: ReviewRubric;
    },
  ): Promise<SessionReviewEntity> {
    await manager
      .getRepository(SessionReviewEntity)
      .upsert({ ...review, updatedAt: new Date() }, { conflictPaths: ['sessionId', 'reviewerId'] });
    return manager.getRepository(SessionReviewEntity).findOneOrFail({
      where: { sessionId: review.sessionId, reviewerId: review.reviewerId },
      relations: { reviewer: true },
    });
  }

  findOverride(manager: EntityManager, sessionId: string, itemId: string): Promise<ScoreOverrideEntity | null> {
    return manager.getRepository(ScoreOverrideEntity).findOneBy({ sessionId, assessmentItemId: itemId });
  }

  async setOverride(
    manager: EntityManager,
    override: Pick<
      ScoreOverrideEntity,
      'organizationId' | 'sessionId' | 'assessmentItemId' | 'score' | 'reason' | 'overriddenById' | 'at'
    >,
  ): Promise<void> {
    await manager
      .getRepository(ScoreOverrideEntity)
      .upsert(override, { conflictPaths: ['sessionId', 'assessmentItemId'] });
  }

  async removeOverride(manager: EntityManager, sessionId: string, itemId: string): Promise<void> {
    await manager.getRepository(ScoreOverrideEntity).delete({ sessionId, assessmentItemId: itemId });
  }

  addAudit(
    manager: EntityManager,
    row: Omit<ScoreAuditEntity, 'id' | 'session' | 'changedBy'>,
  ): Promise<ScoreAuditEntity> {
    return manager.getRepository(ScoreAuditEntity).save(row);
  }

  audit(sessionId: string): Promise<ScoreAuditEntity[]> {
    return this.dataSource
      .getRepository(ScoreAuditEntity)
      .createQueryBuilder('audit')
      .innerJoinAndSelect('audit.changedBy', 'user')
      .where('audit.sessionId = :sessionId', { sessionId })
      .orderBy('audit.at', 'ASC')
      .addOrderBy('audit.id', 'ASC')
      .getMany();
  }

  async personOf(userId: string): Promise<{ id: string; name: string }> {
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: userId });
    return { id: user.id, name: user.name };
  }

  playback(sessionId: string, itemId: string): Promise<SnapshotEntity[]> {
    return this.dataSource.getRepository(SnapshotEntity).find({
      where: { sessionId, assessmentItemId: itemId },
      order: { takenAt: 'ASC' },
    });
  }
}

export const toFinalView = (submission: SubmissionEntity): FinalView => ({
  id: submission.id,
  sessionId: submission.sessionId,
  assessmentItemId: submission.assessmentItemId,
  status: submission.status,
  verdict: submission.verdict,
  score: submission.score,
  answer: submission.answer,
});
