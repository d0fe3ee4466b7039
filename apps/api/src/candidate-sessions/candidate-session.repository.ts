import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AssessmentEntity, CandidateSessionEntity, DraftEntity, InviteEntity, SnapshotEntity } from '@app/db';
import { type EntityManager, QueryFailedError, Repository } from 'typeorm';

export const SNAPSHOT_INTERVAL_MS = 2000;

@Injectable()
export class CandidateSessionRepository {
  constructor(
    @InjectRepository(CandidateSessionEntity) private readonly sessions: Repository<CandidateSessionEntity>,
    @InjectRepository(InviteEntity) private readonly invites: Repository<InviteEntity>,
  ) {}

  findInviteByHash(tokenHash: string): Promise<InviteEntity | null> {
    return this.invites.findOneBy({ tokenHash });
  }

  findByInvite(inviteId: string): Promise<CandidateSessionEntity | null> {
    return this.sessions.findOneBy({ inviteId });
  }

  findById(id: string): Promise<CandidateSessionEntity | null> {
    return this.sessions.findOneBy({ id });
  }

  /** Returns undefined when another request started the session for this invite first. */
  async start(
    session: Pick<CandidateSessionEntity, 'inviteId' | 'assessmentId' | 'organizationId' | 'startedAt' | 'deadline'>,
  ) {
    try {
      return await this.sessions.save({ ...session, status: 'in_progress' as const, finishedAt: null });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
        return undefined;
      throw error;
    }
  }

  /** Finishes a session still in progress; false (a no-op) for one already finished. */
  async finish(manager: EntityManager, id: string, at: Date): Promise<boolean> {
    const [rows] = await manager.query<[{ id: string }[], number]>(
      `UPDATE candidate_sessions SET status = 'finished', "finishedAt" = $2
       WHERE id = $1 AND status = 'in_progress' RETURNING id`,
      [id, at],
    );
    return rows.length > 0;
  }

  /**
   * Finishes, at their deadline, up to `limit` sessions whose time ran out; SKIP LOCKED lets every
   * API node sweep at once without finishing a session twice.
   */
  async finishOverdue(
    manager: EntityManager,
    now: Date,
    limit: number,
  ): Promise<{ id: string; assessmentId: string; finishedAt: Date }[]> {
    const [rows] = await manager.query<[{ id: string; assessmentId: string; finishedAt: Date }[], number]>(
      `UPDATE candidate_sessions SET status = 'finished', "finishedAt" = deadline
       WHERE id IN (SELECT id FROM candidate_sessions WHERE status = 'in_progress' AND deadline <= $1
                    ORDER BY deadline LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id, "assessmentId", "finishedAt"`,
      [now, limit],
    );
    return rows;
  }

  assessmentWithItems(assessmentId: string): Promise<AssessmentEntity | null> {
    return this.sessions.manager
      .getRepository(AssessmentEntity)
      .createQueryBuilder('assessment')
      .leftJoinAndSelect('assessment.items', 'item')
      .leftJoinAndSelect('item.challengeVersion', 'version')
      .leftJoinAndSelect('version.challenge', 'challenge')
      .where('assessment.id = :assessmentId', { assessmentId })
      .orderBy('item.position', 'ASC')
      .getOne();
  }

  drafts(sessionId: string): Promise<DraftEntity[]> {
    return this.sessions.manager.getRepository(DraftEntity).findBy({ sessionId });
  }

  /**
   * Saves the draft and records playback: a new snapshot at most every two seconds per item, the
   * latest one otherwise brought up to date, so the playback always ends on the saved text.
   */
  async saveDraft(
    manager: EntityManager,
    draft: Pick<DraftEntity, 'sessionId' | 'assessmentItemId' | 'language' | 'code' | 'answer'>,
    at: Date,
  ): Promise<{ first: boolean }> {
    const first = !(await manager
      .getRepository(DraftEntity)
      .existsBy({ sessionId: draft.sessionId, assessmentItemId: draft.assessmentItemId }));
    await manager
      .getRepository(DraftEntity)
      .upsert({ ...draft, updatedAt: at }, { conflictPaths: ['sessionId', 'assessmentItemId'] });
    const snapshots = manager.getRepository(SnapshotEntity);
    const last = await snapshots.findOne({
      where: { sessionId: draft.sessionId, assessmentItemId: draft.assessmentItemId },
      order: { takenAt: 'DESC' },
      lock: { mode: 'pessimistic_write' },
    });
    const content = { language: draft.language, code: draft.code, answer: draft.answer };
    if (last && at.getTime() - last.takenAt.getTime() < SNAPSHOT_INTERVAL_MS) {
      await snapshots.update({ id: last.id }, content);
    } else {
      await snapshots.insert({
        sessionId: draft.sessionId,
        assessmentItemId: draft.assessmentItemId,
        ...content,
        takenAt: at,
      });
    }
    return { first };
  }
}
