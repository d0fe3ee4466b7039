import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AssessmentEntity,
  CandidateSessionEntity,
  ChallengeVersionCache,
  type ChallengeVersionEntity,
  DraftEntity,
  InviteEntity,
  preparedQuery,
} from '@app/db';
import { SESSION_ITEM_STATUSES_SQL, type GuardedWrite, type ItemStatus } from '@app/pipeline';
import { type EntityManager, Repository } from 'typeorm';

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
   * `item` is null when the session's assessment has no such item. With `statuses`, the same statement also
   * reads where every item of the session stands (`SESSION_ITEM_STATUSES_SQL`), for a `session.updated` to go with the
   * write that follows.
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
         ${options.statuses ? `, ${SESSION_ITEM_STATUSES_SQL} AS statuses` : ''}
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
   * Saves the draft and records playback: a new snapshot at most every SNAPSHOT_INTERVAL_MS per item, the
   * latest one otherwise brought up to date, so the playback always ends on the saved text. As the common
   * table expressions of one statement (parameters from `$4`, as a `GuardedWrite` numbers them, `guard`
   * included), which also records the save's events: autosave is the most frequent write there is, one round
   * trip each. The latest snapshot is locked while it is compared, so concurrent saves of an item take turns.
   */
  static savingDraft(
    draft: Pick<DraftEntity, 'sessionId' | 'assessmentItemId' | 'language' | 'code' | 'answer'>,
    at: Date,
  ): GuardedWrite {
    return {
      ctes: `saved AS (
          INSERT INTO drafts ("sessionId", "assessmentItemId", language, code, answer, "updatedAt")
          VALUES ($4, $5, $6, $7, $8, $9)
          ON CONFLICT ("sessionId", "assessmentItemId") DO UPDATE SET language = EXCLUDED.language,
            code = EXCLUDED.code, answer = EXCLUDED.answer, "updatedAt" = EXCLUDED."updatedAt"
          RETURNING 1),
        latest AS (
          SELECT id, "takenAt" > $9::timestamptz - make_interval(secs => $10 / 1000.0) AS recent FROM snapshots
          WHERE "sessionId" = $4 AND "assessmentItemId" = $5 ORDER BY "takenAt" DESC LIMIT 1 FOR UPDATE),
        refreshed AS (
          UPDATE snapshots SET language = $6, code = $7, answer = $8
          WHERE id = (SELECT id FROM latest WHERE recent) RETURNING 1),
        taken AS (
          INSERT INTO snapshots ("sessionId", "assessmentItemId", language, code, answer, "takenAt")
          SELECT $4, $5, $6, $7, $8, $9 WHERE NOT EXISTS (SELECT 1 FROM latest WHERE recent) RETURNING 1),
        guard AS (SELECT 1 FROM saved)`,
      params: [
        draft.sessionId,
        draft.assessmentItemId,
        draft.language,
        draft.code,
        draft.answer === null ? null : JSON.stringify(draft.answer),
        at,
        SNAPSHOT_INTERVAL_MS,
      ],
    };
  }
}
