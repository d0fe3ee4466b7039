import { Injectable } from '@nestjs/common';
import { CandidateSessionEntity, InviteEntity, SnapshotEntity, SubmissionEntity } from '@app/db';
import { DataSource } from 'typeorm';

export interface SessionRow {
  session: CandidateSessionEntity;
  invite: InviteEntity;
}

/** What staff read about candidates' sessions; every query is confined to one organisation. */
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

  playback(sessionId: string, itemId: string): Promise<SnapshotEntity[]> {
    return this.dataSource.getRepository(SnapshotEntity).find({
      where: { sessionId, assessmentItemId: itemId },
      order: { takenAt: 'ASC' },
    });
  }
}
