import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAnswerGradingAndRejudges1795824690366 implements MigrationInterface {
  name = 'AddAnswerGradingAndRejudges1795824690366';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "rejudges" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organizationId" uuid NOT NULL, "assessmentId" uuid NOT NULL, "assessmentItemId" uuid NOT NULL, "fromVersionId" uuid NOT NULL, "toVersionId" uuid NOT NULL, "requestedById" uuid NOT NULL, "submissionCount" integer NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e6b4db474da9fe63ca9e0b9c75e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "rejudges_assessment_created" ON "rejudges"  ("assessmentId", "createdAt") ');
    await queryRunner.query('ALTER TABLE "submissions" ADD "grading" jsonb');
    await queryRunner.query('ALTER TABLE "submissions" ADD "rejudgeOfId" uuid');
    await queryRunner.query('ALTER TABLE "submissions" ADD "rejudgeId" uuid');
    await queryRunner.query('ALTER TYPE "public"."submission_kind" ADD VALUE \'rejudge\'');
    await queryRunner.query('CREATE INDEX "submissions_rejudge" ON "submissions"  ("rejudgeId") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The old enum has no 'rejudge': those submissions (staff's comparisons) go with it.
    await queryRunner.query('DELETE FROM "submissions" WHERE "kind" = \'rejudge\'');
    await queryRunner.query('DROP INDEX "public"."submissions_rejudge"');
    await queryRunner.query('CREATE TYPE "public"."submission_kind_old" AS ENUM(\'run\', \'final\')');
    await queryRunner.query(
      'ALTER TABLE "submissions" ALTER COLUMN "kind" TYPE "public"."submission_kind_old" USING "kind"::"text"::"public"."submission_kind_old"',
    );
    await queryRunner.query('DROP TYPE "public"."submission_kind"');
    await queryRunner.query('ALTER TYPE "public"."submission_kind_old" RENAME TO "submission_kind"');
    await queryRunner.query('ALTER TABLE "submissions" DROP COLUMN "rejudgeId"');
    await queryRunner.query('ALTER TABLE "submissions" DROP COLUMN "rejudgeOfId"');
    await queryRunner.query('ALTER TABLE "submissions" DROP COLUMN "grading"');
    await queryRunner.query('DROP INDEX "public"."rejudges_assessment_created"');
    await queryRunner.query('DROP TABLE "rejudges"');
  }
}
