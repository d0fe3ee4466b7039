import { Injectable } from '@nestjs/common';
import type { SimilarityFlagEntity, SubmissionEntity } from '@app/db';
import type { EntityManager } from 'typeorm';

/** What the claim of a screening found, under the challenge's lock. */
export type ScreeningClaim =
  | { status: 'already_screened' | 'superseded' }
  | {
      status: 'claimed';
      /** Whether the submission's organisation allows cross-organisation screening. */
      crossOrganization: boolean;
      /** The earlier screened submissions of the same session item, removed with their flags. */
      removed: { submissionId: string; sequence: number }[];
    };

/** A row of the index as a judge reads it to catch up. */
export interface IndexedRow {
  submissionId: string;
  sessionId: string;
  organizationId: string;
  sequence: number;
  fingerprints: Buffer;
}

/**
 * The screened submissions and the flags, in PostgreSQL, the source of truth: the judges count shared
 * fingerprints in memory (ScreeningIndex), from what these rows hold. Every method runs in the
 * screening's transaction.
 */
@Injectable()
export class ScreeningRepository {
  /**
   * Takes the challenge's screening lock for the transaction, which also commits without waiting for
   * its WAL to reach the disk: a screening lost in a crash is screened again, since its job is marked
   * done only afterwards, by a commit that waits and so makes the screening's durable first (and so
   * does any later screening whose flags refer to it).
   */
  async lockChallenge(manager: EntityManager, challengeId: string): Promise<void> {
    await manager.query(
      `SELECT set_config('synchronous_commit', 'off', true), pg_advisory_xact_lock(hashtextextended($1, 0))`,
      [`integrity-screening:${challengeId}`],
    );
  }

  /**
   * In one statement, after the lock: whether the submission is screened already (a retried job), or
   * superseded by a later final submission of its session item (jobs may run out of order); if neither,
   * removes the earlier screened submission of the item (the last final submission is the one that
   * counts) and reads whether the organisation screens across organisations.
   */
  async claim(
    manager: EntityManager,
    submission: Pick<SubmissionEntity, 'id' | 'sessionId' | 'assessmentItemId' | 'organizationId'>,
  ): Promise<ScreeningClaim> {
    const [row] = await manager.query<
      {
        screened: boolean;
        latest: boolean;
        crossOrganization: boolean;
        removed: { submissionId: string; sequence: number }[];
      }[]
    >(
      `WITH state AS (
         SELECT EXISTS (SELECT 1 FROM screened_submissions WHERE "submissionId" = $1) AS screened,
           COALESCE((SELECT id FROM submissions WHERE "sessionId" = $2 AND "assessmentItemId" = $3 AND kind = 'final'
             ORDER BY "createdAt" DESC, id DESC LIMIT 1) = $1, false) AS latest),
       removed AS (
         DELETE FROM screened_submissions
         WHERE "sessionId" = $2 AND "assessmentItemId" = $3 AND (SELECT latest AND NOT screened FROM state)
         RETURNING "submissionId", sequence)
       SELECT state.screened, state.latest,
         COALESCE((SELECT "crossOrganizationScreening" FROM organizations WHERE id = $4), false) AS "crossOrganization",
         (SELECT COALESCE(json_agg(json_build_object('submissionId', "submissionId", 'sequence', sequence)), '[]')
          FROM removed) AS removed
       FROM state`,
      [submission.id, submission.sessionId, submission.assessmentItemId, submission.organizationId],
    );
    if (row.screened) return { status: 'already_screened' };
    if (!row.latest) return { status: 'superseded' };
    return { status: 'claimed', crossOrganization: row.crossOrganization, removed: row.removed };
  }

  /** The challenge's screened submissions indexed after `afterSequence`, in the order they were indexed. */
  async indexedSince(manager: EntityManager, challengeId: string, afterSequence: number): Promise<IndexedRow[]> {
    const rows = await manager.query<(Omit<IndexedRow, 'sequence'> & { sequence: string })[]>(
      `SELECT "submissionId", "sessionId", "organizationId", sequence, fingerprints FROM screened_submissions
       WHERE "challengeId" = $1 AND sequence > $2 ORDER BY sequence`,
      [challengeId, afterSequence],
    );
    return rows.map((row) => ({ ...row, sequence: Number(row.sequence) }));
  }

  /**
   * Which of `submissionIds` PostgreSQL still indexes, and whether each may be compared with a
   * submission of `organizationId`: its own organisation, or both allow cross-organisation screening
   * (a setting, which may have changed since the judge read the submission).
   */
  async confirmNeighbours(
    manager: EntityManager,
    query: { submissionIds: string[]; organizationId: string },
  ): Promise<{ submissionId: string; indexed: boolean; allowed: boolean }[]> {
    if (query.submissionIds.length === 0) return [];
    return manager.query(
      `SELECT candidate.id AS "submissionId", s."submissionId" IS NOT NULL AS indexed,
         COALESCE(s."organizationId" = $2
           OR (theirs."crossOrganizationScreening" AND ours."crossOrganizationScreening"), false) AS allowed
       FROM unnest($1::uuid[]) AS candidate(id)
       LEFT JOIN screened_submissions s ON s."submissionId" = candidate.id
       LEFT JOIN organizations theirs ON theirs.id = s."organizationId"
       LEFT JOIN organizations ours ON ours.id = $2`,
      [query.submissionIds, query.organizationId],
    );
  }

  /** The stored fingerprints (libs/integrity codec) of indexed submissions, by id. */
  async storedFingerprints(manager: EntityManager, submissionIds: string[]): Promise<Map<string, Buffer>> {
    if (submissionIds.length === 0) return new Map();
    const rows = await manager.query<{ submissionId: string; fingerprints: Buffer }[]>(
      `SELECT "submissionId", fingerprints FROM screened_submissions WHERE "submissionId" = ANY($1)`,
      [submissionIds],
    );
    return new Map(rows.map((row) => [row.submissionId, row.fingerprints]));
  }

  /**
   * Adds a screened submission to the index with its flags, in one statement (the flags' rows passed as
   * one JSON array; at most MAX_FLAGS_PER_SUBMISSION of them); returns the submission's sequence.
   */
  async index(
    manager: EntityManager,
    entry: {
      submission: Pick<SubmissionEntity, 'id' | 'organizationId' | 'sessionId' | 'assessmentItemId'>;
      challengeId: string;
      fingerprintCount: number;
      truncated: boolean;
      fingerprints: Uint8Array;
      flags: Omit<SimilarityFlagEntity, 'id' | 'createdAt' | 'screenedA' | 'screenedB'>[];
    },
  ): Promise<number> {
    const { submission } = entry;
    // The flags' foreign keys are checked at the end of the statement, when the indexed row exists.
    const [row] = await manager.query<{ sequence: string }[]>(
      `WITH indexed AS (
         INSERT INTO screened_submissions ("submissionId", "organizationId", "challengeId", "sessionId",
           "assessmentItemId", "fingerprintCount", truncated, fingerprints)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING sequence),
       flagged AS (
         INSERT INTO similarity_flags ("challengeId", "submissionAId", "submissionBId", "sessionAId", "sessionBId",
           "organizationAId", "organizationBId", score, "sharedFingerprints", "coverageA", "coverageB", threshold, regions)
         SELECT "challengeId", "submissionAId", "submissionBId", "sessionAId", "sessionBId", "organizationAId",
           "organizationBId", score, "sharedFingerprints", "coverageA", "coverageB", threshold, regions
         FROM jsonb_to_recordset($9::jsonb) AS flag("challengeId" uuid, "submissionAId" uuid, "submissionBId" uuid,
           "sessionAId" uuid, "sessionBId" uuid, "organizationAId" uuid, "organizationBId" uuid, score real,
           "sharedFingerprints" int, "coverageA" real, "coverageB" real, threshold real, regions jsonb))
       SELECT sequence FROM indexed`,
      [
        submission.id,
        submission.organizationId,
        entry.challengeId,
        submission.sessionId,
        submission.assessmentItemId,
        entry.fingerprintCount,
        entry.truncated,
        Buffer.from(entry.fingerprints.buffer, entry.fingerprints.byteOffset, entry.fingerprints.byteLength),
        JSON.stringify(entry.flags),
      ],
    );
    return Number(row.sequence);
  }
}
