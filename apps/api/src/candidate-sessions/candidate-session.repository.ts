import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AssessmentEntity,
  CandidateSessionEntity,
  ChallengeVersionCache,
  type ChallengeVersionEntity,
  DraftEntity,
  InviteEntity,
  SnapshotEntity,
  preparedQuery,
} from '@app/db';
import { ITEM_STATUS_SQL } from '@app/pipeline';
import type { SessionItemStatus } from '@app/contracts';
import { type EntityManager, Repository } from 'typeorm';

/** Where an item of a session stands. */
export interface ItemStatus {
  id: string;
  status: SessionItemStatus;
}

export const SNAPSHOT_INTERVAL_MS = 2000;

/** An item a candidate works on, with what accepting their work needs of its challenge version. */
export interface OpenedItem {
  id: string;
  challengeVersionId: string;
  challengeVersion: ChallengeVersionEntity;
}

@Injectable()
export class CandidateSessionRepository {
  private readonly versions = new ChallengeVersionCache();

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

  findInviteById(id: string): Promise<InviteEntity | null> {
    return this.invites.findOneBy({ id });
  }

  /** Throws a unique violation (23505) when another request started the session for this invite first. */
  start(
    manager: EntityManager,
    session: Pick<CandidateSessionEntity, 'inviteId' | 'assessmentId' | 'organizationId' | 'startedAt' | 'deadline'>,
  ): Promise<CandidateSessionEntity> {
    return manager
      .getRepository(CandidateSessionEntity)
      .save({ ...session, status: 'in_progress' as const, finishedAt: null });
  }

  /** Finishes a session still in progress; false when it was already finished (by another request). */
  async finish(manager: EntityManager, id: string, at: Date): Promise<boolean> {
    const result = await manager
      .getRepository(CandidateSessionEntity)
      .update({ id, status: 'in_progress' }, { status: 'finished', finishedAt: at });
    return (result.affected ?? 0) > 0;
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

  /**
   * A session and one item of its assessment, with the item's challenge version: one prepared statement
   * (every autosave and submission asks), the version (which never changes) from the process's cache.
   * `item` is null when the session's assessment has no such item.
   */
  /**
   * The session and one of its items, in one query. With `statuses`, also where every item of the session
   * stands (`ITEM_STATUS_SQL`), for a `session.updated` to go with the write that follows.
   */
  async sessionWithItem(
    sessionId: string,
    itemId: string,
    options: { statuses?: boolean } = {},
  ): Promise<{ session: CandidateSessionEntity; item: OpenedItem | null; statuses?: ItemStatus[] } | null> {
    const manager = this.sessions.manager;
    const [row] = await preparedQuery<
      CandidateSessionEntity & { itemId: string | null; challengeVersionId: string | null; statuses?: ItemStatus[] }
    >(
      manager,
      `SELECT session.id, session."inviteId", session."assessmentId", session."organizationId", session."startedAt",
         session.deadline, session."finishedAt", session.status, item.id AS "itemId", item."challengeVersionId"
         ${
           options.statuses
             ? `, COALESCE((SELECT json_agg(json_build_object('id', item.id, 'status', ${ITEM_STATUS_SQL})
                                     ORDER BY item.position)
                     FROM assessment_items item WHERE item."assessmentId" = session."assessmentId"), '[]') AS statuses`
             : ''
         }
       FROM candidate_sessions session
       LEFT JOIN assessment_items item ON item."assessmentId" = session."assessmentId" AND item.id = $2
       WHERE session.id = $1`,
      [sessionId, itemId],
    );
    if (!row) return null;
    const { itemId: foundItemId, challengeVersionId, statuses, ...session } = row;
    if (foundItemId === null || challengeVersionId === null) return { session, item: null, statuses };
    const challengeVersion = await this.versions.get(manager, challengeVersionId);
    return { session, item: { id: foundItemId, challengeVersionId, challengeVersion }, statuses };
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
