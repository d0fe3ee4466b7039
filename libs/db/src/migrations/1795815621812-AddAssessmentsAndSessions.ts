import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAssessmentsAndSessions1795815621812 implements MigrationInterface {
  name = 'AddAssessmentsAndSessions1795815621812';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "challenges" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(100) NOT NULL, "organizationId" uuid, "currentVersionId" uuid, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1e664e93171e20fe4d6125466af" PRIMARY KEY ("id"))',
    );
    await queryRunner.query("CREATE TYPE \"public\".\"difficulty\" AS ENUM('easy', 'medium', 'hard')");
    await queryRunner.query(
      'CREATE TABLE "challenge_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challengeId" uuid NOT NULL, "version" integer NOT NULL, "contentHash" character(64) NOT NULL, "type" character varying(40) NOT NULL, "title" character varying(200) NOT NULL, "difficulty" "public"."difficulty" NOT NULL, "competencies" text array NOT NULL, "estimatedMinutes" integer NOT NULL, "definition" jsonb NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "challenge_versions_number_unique" UNIQUE ("challengeId", "version"), CONSTRAINT "challenge_versions_hash_unique" UNIQUE ("challengeId", "contentHash"), CONSTRAINT "PK_ed450e9704d7dd386a61888e64d" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "assessments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organizationId" uuid NOT NULL, "title" character varying(200) NOT NULL, "durationMinutes" integer NOT NULL, "createdById" uuid NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3442bd80a00e9111cefca57f6c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_d9ac406196d5e4f42bd5a2864f" ON "assessments"  ("organizationId") ');
    await queryRunner.query(
      'CREATE TABLE "assessment_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assessmentId" uuid NOT NULL, "position" integer NOT NULL, "challengeVersionId" uuid NOT NULL, "weight" numeric(6,2) NOT NULL DEFAULT \'1\', CONSTRAINT "PK_57f59c2a3958b472d0c3e9519d6" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "assessment_items_position_unique" ON "assessment_items"  ("assessmentId", "position") ',
    );
    await queryRunner.query(
      'CREATE TABLE "invites" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assessmentId" uuid NOT NULL, "organizationId" uuid NOT NULL, "candidateName" character varying(200) NOT NULL, "candidateEmail" character varying(320) NOT NULL, "tokenHash" character(64) NOT NULL, "expiresAt" TIMESTAMP WITH TIME ZONE NOT NULL, "createdById" uuid NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_521aa0cf9f7e7ded862840ffa5a" UNIQUE ("tokenHash"), CONSTRAINT "PK_aa52e96b44a714372f4dd31a0af" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_9e2755311ca88fd1678ce94ce0" ON "invites"  ("assessmentId") ');
    await queryRunner.query('CREATE TYPE "public"."session_status" AS ENUM(\'in_progress\', \'finished\')');
    await queryRunner.query(
      'CREATE TABLE "candidate_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "inviteId" uuid NOT NULL, "assessmentId" uuid NOT NULL, "organizationId" uuid NOT NULL, "startedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "finishedAt" TIMESTAMP WITH TIME ZONE, "status" "public"."session_status" NOT NULL DEFAULT \'in_progress\', CONSTRAINT "UQ_8ae184752bc0ce29044e12f9bfe" UNIQUE ("inviteId"), CONSTRAINT "REL_8ae184752bc0ce29044e12f9bf" UNIQUE ("inviteId"), CONSTRAINT "PK_c765f235cfab138e53eab247fdd" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_db64d576b18e2494b2f1a7c52f" ON "candidate_sessions"  ("assessmentId") ');
    await queryRunner.query(
      'CREATE TABLE "drafts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sessionId" uuid NOT NULL, "assessmentItemId" uuid NOT NULL, "language" character varying(20), "code" text, "answer" jsonb, "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_0598e229012c6cbd4ccbba97328" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "drafts_session_item_unique" ON "drafts"  ("sessionId", "assessmentItemId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "snapshots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sessionId" uuid NOT NULL, "assessmentItemId" uuid NOT NULL, "language" character varying(20), "code" text, "answer" jsonb, "takenAt" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f5661b5fd4224d23e26a631986b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "snapshots_session_item_at" ON "snapshots"  ("sessionId", "assessmentItemId", "takenAt") ',
    );
    await queryRunner.query(
      'ALTER TABLE "challenge_versions" ADD CONSTRAINT "FK_a93f44717b280e78627f24684e9" FOREIGN KEY ("challengeId") REFERENCES "challenges"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_items" ADD CONSTRAINT "FK_0ff42c5e2b02d1980dfe2dbd6dd" FOREIGN KEY ("assessmentId") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_items" ADD CONSTRAINT "FK_c318f6a3219056062a22bc422dd" FOREIGN KEY ("challengeVersionId") REFERENCES "challenge_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "invites" ADD CONSTRAINT "FK_9e2755311ca88fd1678ce94ce0b" FOREIGN KEY ("assessmentId") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "candidate_sessions" ADD CONSTRAINT "FK_8ae184752bc0ce29044e12f9bfe" FOREIGN KEY ("inviteId") REFERENCES "invites"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "drafts" ADD CONSTRAINT "FK_fdf5acc6a819b056739032bfba0" FOREIGN KEY ("sessionId") REFERENCES "candidate_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "snapshots" ADD CONSTRAINT "FK_f6b4ef6735845dbcca77b9d3f46" FOREIGN KEY ("sessionId") REFERENCES "candidate_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Hand-written: a slug is unique in the public bank, and within each organisation's private challenges.
    await queryRunner.query(
      'CREATE UNIQUE INDEX "challenges_public_slug_unique" ON "challenges" ("slug") WHERE "organizationId" IS NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "challenges_private_slug_unique" ON "challenges" ("organizationId", "slug") WHERE "organizationId" IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."challenges_private_slug_unique"');
    await queryRunner.query('DROP INDEX "public"."challenges_public_slug_unique"');
    await queryRunner.query('ALTER TABLE "snapshots" DROP CONSTRAINT "FK_f6b4ef6735845dbcca77b9d3f46"');
    await queryRunner.query('ALTER TABLE "drafts" DROP CONSTRAINT "FK_fdf5acc6a819b056739032bfba0"');
    await queryRunner.query('ALTER TABLE "candidate_sessions" DROP CONSTRAINT "FK_8ae184752bc0ce29044e12f9bfe"');
    await queryRunner.query('ALTER TABLE "invites" DROP CONSTRAINT "FK_9e2755311ca88fd1678ce94ce0b"');
    await queryRunner.query('ALTER TABLE "assessment_items" DROP CONSTRAINT "FK_c318f6a3219056062a22bc422dd"');
    await queryRunner.query('ALTER TABLE "assessment_items" DROP CONSTRAINT "FK_0ff42c5e2b02d1980dfe2dbd6dd"');
    await queryRunner.query('ALTER TABLE "challenge_versions" DROP CONSTRAINT "FK_a93f44717b280e78627f24684e9"');
    await queryRunner.query('DROP INDEX "public"."snapshots_session_item_at"');
    await queryRunner.query('DROP TABLE "snapshots"');
    await queryRunner.query('DROP INDEX "public"."drafts_session_item_unique"');
    await queryRunner.query('DROP TABLE "drafts"');
    await queryRunner.query('DROP INDEX "public"."IDX_db64d576b18e2494b2f1a7c52f"');
    await queryRunner.query('DROP TABLE "candidate_sessions"');
    await queryRunner.query('DROP TYPE "public"."session_status"');
    await queryRunner.query('DROP INDEX "public"."IDX_9e2755311ca88fd1678ce94ce0"');
    await queryRunner.query('DROP TABLE "invites"');
    await queryRunner.query('DROP INDEX "public"."assessment_items_position_unique"');
    await queryRunner.query('DROP TABLE "assessment_items"');
    await queryRunner.query('DROP INDEX "public"."IDX_d9ac406196d5e4f42bd5a2864f"');
    await queryRunner.query('DROP TABLE "assessments"');
    await queryRunner.query('DROP TABLE "challenge_versions"');
    await queryRunner.query('DROP TYPE "public"."difficulty"');
    await queryRunner.query('DROP TABLE "challenges"');
  }
}
