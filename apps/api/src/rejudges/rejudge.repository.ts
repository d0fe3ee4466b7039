import { Injectable } from '@nestjs/common';
import {
  AssessmentEntity,
  AssessmentItemEntity,
  CandidateSessionEntity,
  ChallengeVersionEntity,
  RejudgeEntity,
  SubmissionEntity,
} from '@app/db';
import { DataSource, type EntityManager } from 'typeorm';

/** Queries of re-judging; every one is confined to an organisation. */
@Injectable()
export class RejudgeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The item of an assessment of the organisation, with its pinned version's challenge. */
  findItem(organizationId: string, assessmentId: string, itemId: string): Promise<AssessmentItemEntity | null> {
    return this.dataSource
      .getRepository(AssessmentItemEntity)
      .createQueryBuilder('item')
      .innerJoin('item.assessment', 'assessment')
      .innerJoinAndSelect('item.challengeVersion', 'version')
      .innerJoinAndSelect('version.challenge', 'challenge')
      .where('item.id = :itemId AND item.assessmentId = :assessmentId', { itemId, assessmentId })
      .andWhere('assessment.organizationId = :organizationId', { organizationId })
      .getOne();
  }

  /** Every version of a challenge, oldest first (without their definitions). */
  versions(challengeId: string): Promise<ChallengeVersionEntity[]> {
    return this.dataSource.getRepository(ChallengeVersionEntity).find({
      where: { challengeId },
      order: { version: 'ASC' },
      select: { id: true, challengeId: true, version: true, contentHash: true, createdAt: true, verification: true },
    });
  }

  /** The last final submission of every session for the item: the ones that count. */
  async lastFinalSubmissions(manager: EntityManager, itemId: string): Promise<SubmissionEntity[]> {
    return manager
      .getRepository(SubmissionEntity)
      .createQueryBuilder('submission')
      .where(
        `submission.id IN (
          SELECT DISTINCT ON ("sessionId") id FROM submissions
          WHERE "assessmentItemId" = :itemId AND kind = 'final'
          ORDER BY "sessionId", "createdAt" DESC)`,
        { itemId },
      )
      .getMany();
  }

  save(manager: EntityManager, rejudge: Omit<RejudgeEntity, 'id' | 'createdAt'>): Promise<RejudgeEntity> {
    return manager.getRepository(RejudgeEntity).save(rejudge);
  }

  createSubmission(manager: EntityManager, submission: Partial<SubmissionEntity>): Promise<SubmissionEntity> {
    return manager
      .getRepository(SubmissionEntity)
      .save({ ...submission, kind: 'rejudge' as const, status: 'queued' as const, verdict: null, score: null });
  }

  find(organizationId: string, id: string): Promise<RejudgeEntity | null> {
    return this.dataSource.getRepository(RejudgeEntity).findOneBy({ id, organizationId });
  }

  assessmentExists(organizationId: string, assessmentId: string): Promise<boolean> {
    return this.dataSource.getRepository(AssessmentEntity).existsBy({ id: assessmentId, organizationId });
  }

  listForAssessment(organizationId: string, assessmentId: string): Promise<RejudgeEntity[]> {
    return this.dataSource
      .getRepository(RejudgeEntity)
      .find({ where: { organizationId, assessmentId }, order: { createdAt: 'DESC' } });
  }

  /** The rejudged submissions with their originals and the candidates' names. */
  async pairs(rejudgeId: string): Promise<{ rejudged: SubmissionEntity; original: SubmissionEntity; name: string }[]> {
    const rejudged = await this.dataSource
      .getRepository(SubmissionEntity)
      .find({ where: { rejudgeId }, order: { createdAt: 'ASC' } });
    if (rejudged.length === 0) return [];
    const originals = await this.dataSource
      .getRepository(SubmissionEntity)
      .createQueryBuilder('submission')
      .where('submission.id IN (:...ids)', { ids: rejudged.map((submission) => submission.rejudgeOfId) })
      .getMany();
    const sessions = await this.dataSource
      .getRepository(CandidateSessionEntity)
      .createQueryBuilder('session')
      .innerJoinAndSelect('session.invite', 'invite')
      .where('session.id IN (:...ids)', { ids: [...new Set(rejudged.map((submission) => submission.sessionId))] })
      .getMany();
    const originalOf = new Map(originals.map((submission) => [submission.id, submission]));
    const nameOf = new Map(sessions.map((session) => [session.id, session.invite!.candidateName]));
    return rejudged.map((submission) => ({
      rejudged: submission,
      original: originalOf.get(submission.rejudgeOfId!)!,
      name: nameOf.get(submission.sessionId) ?? '',
    }));
  }
}
