import { Injectable } from '@nestjs/common';
import type { ActivityEventKind } from '@app/contracts';
import { ActivityEventEntity, OrganizationEntity, SimilarityFlagEntity } from '@app/db';
import { DataSource, type EntityManager } from 'typeorm';

export interface SnapshotSize {
  sessionId: string;
  itemId: string;
  at: Date;
  length: number;
  lines: number;
}

export interface TimelineSubmission {
  id: string;
  itemId: string;
  kind: 'run' | 'final';
  status: string;
  verdict: string | null;
  score: number | null;
  language: string | null;
  length: number;
  createdAt: Date;
  finishedAt: Date | null;
}

/** One side of a flagged pair, with what a reviewer needs to recognise it. */
export interface FlagSide {
  submissionId: string;
  sessionId: string;
  organizationId: string;
  language: string | null;
  code: string | null;
  submittedAt: Date;
  candidateName: string;
  candidateEmail: string;
  assessmentId: string;
  assessmentTitle: string;
}

/** What the integrity routes read and the activity route writes; staff reads are confined to one organisation. */
@Injectable()
export class IntegrityRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Sizes of the playback snapshots (never their text), oldest first. Without `precise`, sizes are in
   * bytes, read from the stored value's header without decompressing it (cheap over many sessions, and
   * the same as characters for ASCII code), and lines are not counted.
   */
  async snapshotSizes(sessionIds: string[], precise = false): Promise<SnapshotSize[]> {
    if (sessionIds.length === 0) return [];
    const size = precise
      ? `COALESCE(length(code), length(answer::text), 0) AS length,
         CASE WHEN code IS NULL OR code = '' THEN 0 ELSE array_length(string_to_array(code, E'\\n'), 1) END AS lines`
      : `COALESCE(octet_length(code), octet_length(answer::text), 0) AS length, 0 AS lines`;
    const rows = await this.dataSource.query<
      { sessionId: string; itemId: string; at: Date; length: number; lines: number }[]
    >(
      `SELECT "sessionId", "assessmentItemId" AS "itemId", "takenAt" AS at, ${size}
       FROM snapshots WHERE "sessionId" = ANY($1) ORDER BY "takenAt", id`,
      [sessionIds],
    );
    return rows.map((row) => ({ ...row, length: Number(row.length), lines: Number(row.lines) }));
  }

  activityEvents(sessionIds: string[]): Promise<ActivityEventEntity[]> {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(ActivityEventEntity)
      .createQueryBuilder('event')
      .where('event.sessionId = ANY(:sessionIds)', { sessionIds })
      .orderBy('event.occurredAt', 'ASC')
      .addOrderBy('event.receivedAt', 'ASC')
      .getMany();
  }

  async submissions(sessionId: string): Promise<TimelineSubmission[]> {
    const rows = await this.dataSource.query<(Omit<TimelineSubmission, 'score'> & { score: string | null })[]>(
      `SELECT id, "assessmentItemId" AS "itemId", kind, status, verdict, score, language,
         COALESCE(length(code), length(answer::text), 0) AS length, "createdAt", "finishedAt"
       FROM submissions WHERE "sessionId" = $1 ORDER BY "createdAt", id`,
      [sessionId],
    );
    return rows.map((row) => ({
      ...row,
      length: Number(row.length),
      score: row.kind === 'run' || row.score === null ? null : Number(row.score),
    }));
  }

  flagsOfSessions(sessionIds: string[]): Promise<SimilarityFlagEntity[]> {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(SimilarityFlagEntity)
      .createQueryBuilder('flag')
      .where('flag.sessionAId = ANY(:sessionIds) OR flag.sessionBId = ANY(:sessionIds)', { sessionIds })
      .orderBy('flag.score', 'DESC')
      .addOrderBy('flag.createdAt', 'ASC')
      .getMany();
  }

  /** Both sides of flags, by submission id; the caller decides what of another organisation's side to show. */
  async flagSides(submissionIds: string[]): Promise<Map<string, FlagSide>> {
    if (submissionIds.length === 0) return new Map();
    const rows = await this.dataSource.query<FlagSide[]>(
      `SELECT s.id AS "submissionId", s."sessionId", s."organizationId", s.language, s.code,
         s."createdAt" AS "submittedAt", i."candidateName", i."candidateEmail",
         a.id AS "assessmentId", a.title AS "assessmentTitle"
       FROM submissions s
       JOIN candidate_sessions cs ON cs.id = s."sessionId"
       JOIN invites i ON i.id = cs."inviteId"
       JOIN assessments a ON a.id = cs."assessmentId"
       WHERE s.id = ANY($1)`,
      [submissionIds],
    );
    return new Map(rows.map((row) => [row.submissionId, row]));
  }

  async challengeNames(challengeIds: string[]): Promise<Map<string, { slug: string; title: string }>> {
    if (challengeIds.length === 0) return new Map();
    const rows = await this.dataSource.query<{ id: string; slug: string; title: string | null }[]>(
      `SELECT c.id, c.slug, v.title FROM challenges c LEFT JOIN challenge_versions v ON v.id = c."currentVersionId"
       WHERE c.id = ANY($1)`,
      [challengeIds],
    );
    return new Map(rows.map((row) => [row.id, { slug: row.slug, title: row.title ?? row.slug }]));
  }

  countActivity(manager: EntityManager, sessionId: string): Promise<number> {
    return manager.getRepository(ActivityEventEntity).countBy({ sessionId });
  }

  async insertActivity(
    manager: EntityManager,
    events: {
      sessionId: string;
      assessmentItemId: string;
      kind: ActivityEventKind;
      occurredAt: Date;
      receivedAt: Date;
      length: number | null;
      lines: number | null;
    }[],
  ): Promise<void> {
    await manager.getRepository(ActivityEventEntity).insert(events);
  }

  /** Serialises the activity writes of one session, so that its cap holds under concurrent reports. */
  async lockSession(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query(`SELECT id FROM candidate_sessions WHERE id = $1 FOR UPDATE`, [sessionId]);
  }

  async crossOrganizationScreening(organizationId: string): Promise<boolean> {
    const organization = await this.dataSource.getRepository(OrganizationEntity).findOneBy({ id: organizationId });
    return organization?.crossOrganizationScreening ?? false;
  }

  async setCrossOrganizationScreening(organizationId: string, enabled: boolean): Promise<void> {
    await this.dataSource
      .getRepository(OrganizationEntity)
      .update({ id: organizationId }, { crossOrganizationScreening: enabled });
  }
}
