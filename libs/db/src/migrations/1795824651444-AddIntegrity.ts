import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddIntegrity1795824651444 implements MigrationInterface {
  name = 'AddIntegrity1795824651444';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"activity_event_kind\" AS ENUM('paste', 'focus_lost', 'focus_returned', 'large_insertion')",
    );
    await queryRunner.query(
      'CREATE TABLE "activity_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sessionId" uuid NOT NULL, "assessmentItemId" uuid NOT NULL, "kind" "public"."activity_event_kind" NOT NULL, "occurredAt" TIMESTAMP WITH TIME ZONE NOT NULL, "receivedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "length" integer, "lines" integer, CONSTRAINT "activity_events_length_bounded" CHECK ("length" IS NULL OR "length" BETWEEN 0 AND 10000000), CONSTRAINT "PK_f8e8d9dbf64f93f58ae52b4a9e4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "activity_events_session_item_at" ON "activity_events"  ("sessionId", "assessmentItemId", "occurredAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "screened_submissions" ("submissionId" uuid NOT NULL, "organizationId" uuid NOT NULL, "challengeId" uuid NOT NULL, "sessionId" uuid NOT NULL, "assessmentItemId" uuid NOT NULL, "fingerprintCount" integer NOT NULL, "truncated" boolean NOT NULL DEFAULT false, "screenedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4a7bf4f0ef52c26f6e04f89e927" PRIMARY KEY ("submissionId"))',
    );
    await queryRunner.query(
      'CREATE INDEX "screened_submissions_session_item" ON "screened_submissions"  ("sessionId", "assessmentItemId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "submission_fingerprints" ("challengeId" uuid NOT NULL, "hash" integer NOT NULL, "submissionId" uuid NOT NULL, CONSTRAINT "PK_edffe139c15169f730acfab3ea5" PRIMARY KEY ("challengeId", "hash", "submissionId"))',
    );
    await queryRunner.query(
      'CREATE INDEX "submission_fingerprints_submission" ON "submission_fingerprints"  ("submissionId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "similarity_flags" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challengeId" uuid NOT NULL, "submissionAId" uuid NOT NULL, "submissionBId" uuid NOT NULL, "sessionAId" uuid NOT NULL, "sessionBId" uuid NOT NULL, "organizationAId" uuid NOT NULL, "organizationBId" uuid NOT NULL, "score" real NOT NULL, "sharedFingerprints" integer NOT NULL, "coverageA" real NOT NULL, "coverageB" real NOT NULL, "threshold" real NOT NULL, "regions" jsonb NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_24cc28def7a3d04ca6bb637111c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "similarity_flags_submission_b" ON "similarity_flags"  ("submissionBId") ');
    await queryRunner.query('CREATE INDEX "similarity_flags_session_b" ON "similarity_flags"  ("sessionBId") ');
    await queryRunner.query('CREATE INDEX "similarity_flags_session_a" ON "similarity_flags"  ("sessionAId") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "similarity_flags_pair_unique" ON "similarity_flags"  ("submissionAId", "submissionBId") ',
    );
    await queryRunner.query(
      'ALTER TABLE "organizations" ADD "crossOrganizationScreening" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query(
      'ALTER TABLE "activity_events" ADD CONSTRAINT "FK_8051fe1c32ddbb386a1af369e1d" FOREIGN KEY ("sessionId") REFERENCES "candidate_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "screened_submissions" ADD CONSTRAINT "FK_4a7bf4f0ef52c26f6e04f89e927" FOREIGN KEY ("submissionId") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "submission_fingerprints" ADD CONSTRAINT "FK_d04f711fb4689cd8530109ecaf0" FOREIGN KEY ("submissionId") REFERENCES "screened_submissions"("submissionId") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "similarity_flags" ADD CONSTRAINT "FK_745180de031fbc2f0b933c6e022" FOREIGN KEY ("submissionAId") REFERENCES "screened_submissions"("submissionId") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "similarity_flags" ADD CONSTRAINT "FK_eb9dfb015338355edba929e2e88" FOREIGN KEY ("submissionBId") REFERENCES "screened_submissions"("submissionId") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "similarity_flags" DROP CONSTRAINT "FK_eb9dfb015338355edba929e2e88"');
    await queryRunner.query('ALTER TABLE "similarity_flags" DROP CONSTRAINT "FK_745180de031fbc2f0b933c6e022"');
    await queryRunner.query('ALTER TABLE "submission_fingerprints" DROP CONSTRAINT "FK_d04f711fb4689cd8530109ecaf0"');
    await queryRunner.query('ALTER TABLE "screened_submissions" DROP CONSTRAINT "FK_4a7bf4f0ef52c26f6e04f89e927"');
    await queryRunner.query('ALTER TABLE "activity_events" DROP CONSTRAINT "FK_8051fe1c32ddbb386a1af369e1d"');
    await queryRunner.query('ALTER TABLE "organizations" DROP COLUMN "crossOrganizationScreening"');
    await queryRunner.query('DROP INDEX "public"."similarity_flags_pair_unique"');
    await queryRunner.query('DROP INDEX "public"."similarity_flags_session_a"');
    await queryRunner.query('DROP INDEX "public"."similarity_flags_session_b"');
    await queryRunner.query('DROP INDEX "public"."similarity_flags_submission_b"');
    await queryRunner.query('DROP TABLE "similarity_flags"');
    await queryRunner.query('DROP INDEX "public"."submission_fingerprints_submission"');
    await queryRunner.query('DROP TABLE "submission_fingerprints"');
    await queryRunner.query('DROP INDEX "public"."screened_submissions_session_item"');
    await queryRunner.query('DROP TABLE "screened_submissions"');
    await queryRunner.query('DROP INDEX "public"."activity_events_session_item_at"');
    await queryRunner.query('DROP TABLE "activity_events"');
    await queryRunner.query('DROP TYPE "public"."activity_event_kind"');
  }
}
