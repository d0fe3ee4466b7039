import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inverted fingerprint index leaves PostgreSQL for the judges' memory, rebuilt from
 * `screened_submissions.fingerprints`: counting shared fingerprints in SQL read ~100,000 postings per
 * screening of a cohort sharing an answer. `sequence` orders the indexed submissions so that a judge
 * catches up by reading only the rows indexed after the last one it holds.
 */
export class MoveFingerprintIndexToJudges1795836657736 implements MigrationInterface {
  name = 'MoveFingerprintIndexToJudges1795836657736';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "screened_submissions" ADD "sequence" bigint GENERATED ALWAYS AS IDENTITY NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "screened_submissions_challenge_sequence" ON "screened_submissions"  ("challengeId", "sequence") ',
    );
    await queryRunner.query('DROP TABLE "submission_fingerprints"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "submission_fingerprints" ("challengeId" uuid NOT NULL, "hash" integer NOT NULL, "submissionId" uuid NOT NULL, CONSTRAINT "PK_edffe139c15169f730acfab3ea5" PRIMARY KEY ("challengeId", "hash", "submissionId"))',
    );
    await queryRunner.query(
      'CREATE INDEX "submission_fingerprints_submission" ON "submission_fingerprints"  ("submissionId") ',
    );
    await queryRunner.query(
      'ALTER TABLE "submission_fingerprints" ADD CONSTRAINT "FK_d04f711fb4689cd8530109ecaf0" FOREIGN KEY ("submissionId") REFERENCES "screened_submissions"("submissionId") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Rebuilt from the stored fingerprints (libs/integrity codec: little-endian int32 words; the count
    // is word 3 and the hashes start at word 5).
    await queryRunner.query(
      `INSERT INTO "submission_fingerprints" ("challengeId", "hash", "submissionId")
       SELECT DISTINCT s."challengeId",
         get_byte(s.fingerprints, 20 + 4 * i) | (get_byte(s.fingerprints, 21 + 4 * i) << 8)
           | (get_byte(s.fingerprints, 22 + 4 * i) << 16) | (get_byte(s.fingerprints, 23 + 4 * i) << 24),
         s."submissionId"
       FROM "screened_submissions" s
       CROSS JOIN LATERAL generate_series(0, (get_byte(s.fingerprints, 12) | (get_byte(s.fingerprints, 13) << 8)
         | (get_byte(s.fingerprints, 14) << 16) | (get_byte(s.fingerprints, 15) << 24)) - 1) AS i`,
    );
    await queryRunner.query('DROP INDEX "public"."screened_submissions_challenge_sequence"');
    await queryRunner.query('ALTER TABLE "screened_submissions" DROP COLUMN "sequence"');
  }
}
