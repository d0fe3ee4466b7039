import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReviewsAndWebhooks1795824658373 implements MigrationInterface {
  name = 'AddReviewsAndWebhooks1795824658373';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "review_comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organizationId" uuid NOT NULL, "sessionId" uuid NOT NULL, "submissionId" uuid NOT NULL, "assessmentItemId" uuid NOT NULL, "authorId" uuid NOT NULL, "file" character varying(200) NOT NULL, "line" integer NOT NULL, "body" text NOT NULL, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "review_comments_line_positive" CHECK ("line" >= 1), CONSTRAINT "PK_7a18556c348d381630855d05f0a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_88295d40788cf89594d81c595f" ON "review_comments"  ("sessionId") ');
    await queryRunner.query(
      'CREATE INDEX "review_comments_submission_line" ON "review_comments"  ("submissionId", "file", "line") ',
    );
    await queryRunner.query("CREATE TYPE \"public\".\"hire_decision\" AS ENUM('strong_no', 'no', 'yes', 'strong_yes')");
    await queryRunner.query(
      'CREATE TABLE "session_reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organizationId" uuid NOT NULL, "sessionId" uuid NOT NULL, "reviewerId" uuid NOT NULL, "decision" "public"."hire_decision" NOT NULL, "summary" text NOT NULL, "rubric" jsonb NOT NULL DEFAULT \'{}\', "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3c2e2d4e25b1098b5d7eea74d9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "session_reviews_session_reviewer_unique" ON "session_reviews"  ("sessionId", "reviewerId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "score_overrides" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organizationId" uuid NOT NULL, "sessionId" uuid NOT NULL, "assessmentItemId" uuid NOT NULL, "score" numeric(6,5) NOT NULL, "reason" text NOT NULL, "overriddenById" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "score_overrides_score_range" CHECK ("score" >= 0 AND "score" <= 1), CONSTRAINT "PK_ea3d42679231e2842c196de2bfd" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "score_overrides_session_item_unique" ON "score_overrides"  ("sessionId", "assessmentItemId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "score_audit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organizationId" uuid NOT NULL, "sessionId" uuid NOT NULL, "assessmentItemId" uuid NOT NULL, "fromScore" numeric(6,5), "toScore" numeric(6,5), "reason" text NOT NULL, "changedById" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_103cba7dce9f665b2ad63d5a6f1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "score_audit_session_at" ON "score_audit"  ("sessionId", "at") ');
    await queryRunner.query(
      'CREATE TABLE "webhook_endpoints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organizationId" uuid NOT NULL, "url" character varying(2048) NOT NULL, "events" text array NOT NULL, "description" character varying(200), "secret" character varying(200) NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_054c4cfb95223732f5939d2d546" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "webhook_endpoints_org_url_unique" ON "webhook_endpoints"  ("organizationId", "url") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"webhook_delivery_status\" AS ENUM('pending', 'delivered', 'failed', 'cancelled')",
    );
    await queryRunner.query(
      'CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organizationId" uuid NOT NULL, "endpointId" uuid NOT NULL, "event" character varying(60) NOT NULL, "body" text NOT NULL, "status" "public"."webhook_delivery_status" NOT NULL DEFAULT \'pending\', "attemptCount" integer NOT NULL DEFAULT \'0\', "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deliveredAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "webhook_deliveries_endpoint_created" ON "webhook_deliveries"  ("endpointId", "createdAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "webhook_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "deliveryId" uuid NOT NULL, "attempt" integer NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "statusCode" integer, "durationMs" integer NOT NULL, "error" text, CONSTRAINT "PK_2de7e7887ad97de459adab62638" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "webhook_attempts_delivery_attempt_unique" ON "webhook_attempts"  ("deliveryId", "attempt") ',
    );
    await queryRunner.query(
      'ALTER TABLE "review_comments" ADD CONSTRAINT "FK_88295d40788cf89594d81c595fd" FOREIGN KEY ("sessionId") REFERENCES "candidate_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "review_comments" ADD CONSTRAINT "FK_57d6a8171d5a78206c481304ea6" FOREIGN KEY ("submissionId") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "review_comments" ADD CONSTRAINT "FK_b4c38eb4d8195fabfa7db12f171" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "session_reviews" ADD CONSTRAINT "FK_c63848de9a345d16698e56aa809" FOREIGN KEY ("sessionId") REFERENCES "candidate_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "session_reviews" ADD CONSTRAINT "FK_c6656777e20cadcd3ce09a1d5ed" FOREIGN KEY ("reviewerId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "score_overrides" ADD CONSTRAINT "FK_6fc9585d6dc5ecaf262c6d110c7" FOREIGN KEY ("sessionId") REFERENCES "candidate_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "score_overrides" ADD CONSTRAINT "FK_a8f69824f0782aa74d52fc44db9" FOREIGN KEY ("assessmentItemId") REFERENCES "assessment_items"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "score_overrides" ADD CONSTRAINT "FK_c2d3f802332b569276cac0e9750" FOREIGN KEY ("overriddenById") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "score_audit" ADD CONSTRAINT "FK_5363225831ea28949b3d04b10d4" FOREIGN KEY ("sessionId") REFERENCES "candidate_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "score_audit" ADD CONSTRAINT "FK_afc541a98e164dd41aa9352a311" FOREIGN KEY ("changedById") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "FK_2bf25c8e57515f3d8662d6159ce" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_9f63fc91ff6cbd3f8238b9a7812" FOREIGN KEY ("endpointId") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "webhook_attempts" ADD CONSTRAINT "FK_62224942858bc1f0d1bc7fe74e1" FOREIGN KEY ("deliveryId") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "webhook_attempts" DROP CONSTRAINT "FK_62224942858bc1f0d1bc7fe74e1"');
    await queryRunner.query('ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_9f63fc91ff6cbd3f8238b9a7812"');
    await queryRunner.query('ALTER TABLE "webhook_endpoints" DROP CONSTRAINT "FK_2bf25c8e57515f3d8662d6159ce"');
    await queryRunner.query('ALTER TABLE "score_audit" DROP CONSTRAINT "FK_afc541a98e164dd41aa9352a311"');
    await queryRunner.query('ALTER TABLE "score_audit" DROP CONSTRAINT "FK_5363225831ea28949b3d04b10d4"');
    await queryRunner.query('ALTER TABLE "score_overrides" DROP CONSTRAINT "FK_c2d3f802332b569276cac0e9750"');
    await queryRunner.query('ALTER TABLE "score_overrides" DROP CONSTRAINT "FK_a8f69824f0782aa74d52fc44db9"');
    await queryRunner.query('ALTER TABLE "score_overrides" DROP CONSTRAINT "FK_6fc9585d6dc5ecaf262c6d110c7"');
    await queryRunner.query('ALTER TABLE "session_reviews" DROP CONSTRAINT "FK_c6656777e20cadcd3ce09a1d5ed"');
    await queryRunner.query('ALTER TABLE "session_reviews" DROP CONSTRAINT "FK_c63848de9a345d16698e56aa809"');
    await queryRunner.query('ALTER TABLE "review_comments" DROP CONSTRAINT "FK_b4c38eb4d8195fabfa7db12f171"');
    await queryRunner.query('ALTER TABLE "review_comments" DROP CONSTRAINT "FK_57d6a8171d5a78206c481304ea6"');
    await queryRunner.query('ALTER TABLE "review_comments" DROP CONSTRAINT "FK_88295d40788cf89594d81c595fd"');
    await queryRunner.query('DROP INDEX "public"."webhook_attempts_delivery_attempt_unique"');
    await queryRunner.query('DROP TABLE "webhook_attempts"');
    await queryRunner.query('DROP INDEX "public"."webhook_deliveries_endpoint_created"');
    await queryRunner.query('DROP TABLE "webhook_deliveries"');
    await queryRunner.query('DROP TYPE "public"."webhook_delivery_status"');
    await queryRunner.query('DROP INDEX "public"."webhook_endpoints_org_url_unique"');
    await queryRunner.query('DROP TABLE "webhook_endpoints"');
    await queryRunner.query('DROP INDEX "public"."score_audit_session_at"');
    await queryRunner.query('DROP TABLE "score_audit"');
    await queryRunner.query('DROP INDEX "public"."score_overrides_session_item_unique"');
    await queryRunner.query('DROP TABLE "score_overrides"');
    await queryRunner.query('DROP INDEX "public"."session_reviews_session_reviewer_unique"');
    await queryRunner.query('DROP TABLE "session_reviews"');
    await queryRunner.query('DROP TYPE "public"."hire_decision"');
    await queryRunner.query('DROP INDEX "public"."review_comments_submission_line"');
    await queryRunner.query('DROP INDEX "public"."IDX_88295d40788cf89594d81c595f"');
    await queryRunner.query('DROP TABLE "review_comments"');
  }
}
