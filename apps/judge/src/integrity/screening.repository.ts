import { Injectable } from '@nestjs/common';
import { ScreenedSubmissionEntity, SimilarityFlagEntity, type SubmissionEntity } from '@app/db';
import type { EntityManager } from 'typeorm';

/** An indexed submission sharing fingerprints with the one being screened. */
export interface IndexedNeighbour {
  submissionId: string;
  sessionId: string;
  organizationId: string;
  fingerprintCount: number;
  shared: number;
}

/** The fingerprint index and the flags, in PostgreSQL. Every method runs in the screening's transaction. */
@Injectable()
export class ScreeningRepository {
  async lockChallenge(manager: EntityManager, challengeId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `integrity-screening:${challengeId}`,
    ]);
  }

  isScreened(manager: EntityManager, submissionId: string): Promise<boolean> {
    return manager.existsBy(ScreenedSubmissionEntity, { submissionId });
  }

  /** Whether no later final submission of the same session item exists (jobs may run out of order). */
  async isLatestFinal(
    manager: EntityManager,
    submission: Pick<SubmissionEntity, 'id' | 'sessionId' | 'assessmentItemId'>,
  ): Promise<boolean> {
    const [latest] = await manager.query<{ id: string }[]>(
      `SELECT id FROM submissions WHERE "sessionId" = $1 AND "assessmentItemId" = $2 AND kind = 'final'
       ORDER BY "createdAt" DESC, id DESC LIMIT 1`,
      [submission.sessionId, submission.assessmentItemId],
    );
    return latest?.id === submission.id;
  }

  async removeEarlierOfItem(
    manager: EntityManager,
    submission: Pick<SubmissionEntity, 'sessionId' | 'assessmentItemId'>,
  ): Promise<void> {
    await manager.delete(ScreenedSubmissionEntity, {
      sessionId: submission.sessionId,
      assessmentItemId: submission.assessmentItemId,
    });
  }

  /**
   * Indexed submissions of the challenge sharing at least `minShared` distinct fingerprints, from
   * other sessions: of the same organisation, and of organisations that allow cross-organisation
   * screening when this one does too.
   */
  async neighbours(
    manager: EntityManager,
    query: { challengeId: string; organizationId: string; sessionId: string; hashes: Int32Array; minShared: number },
  ): Promise<IndexedNeighbour[]> {
    if (query.hashes.length === 0) return [];
    const rows = await manager.query<IndexedNeighbour[]>(
      `WITH shared AS (
         SELECT "submissionId", count(*)::int AS shared FROM submission_fingerprints
         WHERE "challengeId" = $1 AND hash = ANY($2::int[])
         GROUP BY "submissionId" HAVING count(*) >= $3)
       SELECT s."submissionId", s."sessionId", s."organizationId", s."fingerprintCount", shared.shared
       FROM shared
       JOIN screened_submissions s ON s."submissionId" = shared."submissionId"
       JOIN organizations theirs ON theirs.id = s."organizationId"
       JOIN organizations ours ON ours.id = $4
       WHERE s."sessionId" <> $5
         AND (s."organizationId" = ours.id OR (ours."crossOrganizationScreening" AND theirs."crossOrganizationScreening"))
       ORDER BY shared.shared DESC`,
      [query.challengeId, Array.from(query.hashes), query.minShared, query.organizationId, query.sessionId],
    );
    return rows;
  }

  async insertFlag(
    manager: EntityManager,
    flag: Omit<SimilarityFlagEntity, 'id' | 'createdAt' | 'screenedA' | 'screenedB'>,
  ): Promise<void> {
    await manager.getRepository(SimilarityFlagEntity).insert(flag);
  }

  async index(
    manager: EntityManager,
    entry: {
      submission: Pick<SubmissionEntity, 'id' | 'organizationId' | 'sessionId' | 'assessmentItemId'>;
      challengeId: string;
      hashes: Int32Array;
      truncated: boolean;
    },
  ): Promise<void> {
    const { submission } = entry;
    await manager.getRepository(ScreenedSubmissionEntity).insert({
      submissionId: submission.id,
      organizationId: submission.organizationId,
      challengeId: entry.challengeId,
      sessionId: submission.sessionId,
      assessmentItemId: submission.assessmentItemId,
      fingerprintCount: entry.hashes.length,
      truncated: entry.truncated,
    });
    await manager.query(
      `INSERT INTO submission_fingerprints ("challengeId", hash, "submissionId") SELECT $1, unnest($2::int[]), $3`,
      [entry.challengeId, Array.from(entry.hashes), submission.id],
    );
  }
}
