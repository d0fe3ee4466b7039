import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSubmissionsAndLiveEvents1795816285180 implements MigrationInterface {
  name = 'AddSubmissionsAndLiveEvents1795816285180';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "live_streams" ("stream" character varying(80) NOT NULL, "lastSeq" integer NOT NULL, CONSTRAINT "PK_d25fc45e0580cd9c37c16f605a3" PRIMARY KEY ("stream"))',
    );
    await queryRunner.query(
      'CREATE TABLE "live_events" ("id" BIGSERIAL NOT NULL, "stream" character varying(80) NOT NULL, "seq" integer NOT NULL, "type" character varying(40) NOT NULL, "payload" jsonb NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ff25dc1ee3cb53cbfbfae3e1ae9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "live_events_stream_seq_unique" ON "live_events"  ("stream", "seq") ');
    await queryRunner.query('CREATE TYPE "public"."submission_kind" AS ENUM(\'run\', \'final\')');
    await queryRunner.query("CREATE TYPE \"public\".\"submission_status\" AS ENUM('queued', 'running', 'finished')");
    await queryRunner.query(
      "CREATE TYPE \"public\".\"verdict\" AS ENUM('ACCEPTED', 'WRONG_ANSWER', 'TIME_LIMIT_EXCEEDED', 'MEMORY_LIMIT_EXCEEDED', 'RUNTIME_ERROR', 'COMPILATION_ERROR', 'OUTPUT_LIMIT_EXCEEDED', 'INTERNAL_ERROR')",
    );
    await queryRunner.query(
      'CREATE TABLE "submissions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sessionId" uuid NOT NULL, "organizationId" uuid NOT NULL, "assessmentItemId" uuid NOT NULL, "challengeVersionId" uuid NOT NULL, "kind" "public"."submission_kind" NOT NULL, "language" character varying(20), "code" text, "answer" jsonb, "status" "public"."submission_status" NOT NULL DEFAULT \'queued\', "verdict" "public"."verdict", "score" numeric(6,5), "message" text, "attempts" integer NOT NULL DEFAULT \'0\', "createdAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "startedAt" TIMESTAMP WITH TIME ZONE, "finishedAt" TIMESTAMP WITH TIME ZONE, CONSTRAINT "submissions_finished_has_verdict" CHECK (("status" = \'finished\') = ("verdict" IS NOT NULL)), CONSTRAINT "PK_10b3be95b8b2fb1e482e07d706b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "submissions_session_item_created" ON "submissions"  ("sessionId", "assessmentItemId", "createdAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "test_results" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "submissionId" uuid NOT NULL, "index" integer NOT NULL, "name" character varying(300) NOT NULL, "sample" boolean NOT NULL, "weight" real NOT NULL DEFAULT \'1\', "verdict" "public"."verdict" NOT NULL, "timeMs" integer NOT NULL, "message" text NOT NULL, "details" jsonb, CONSTRAINT "PK_6af5df01fcd3971b362fc828296" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "test_results_submission_index_unique" ON "test_results"  ("submissionId", "index") ',
    );
    await queryRunner.query(
      'ALTER TABLE "submissions" ADD CONSTRAINT "FK_10a6a512f46034f5a3e4c287a37" FOREIGN KEY ("sessionId") REFERENCES "candidate_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "test_results" ADD CONSTRAINT "FK_9a2a7738b8c7e703cf7f4a8b8c4" FOREIGN KEY ("submissionId") REFERENCES "submissions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Hand-written: where the socket.io PostgreSQL adapter and emitter keep payloads over NOTIFY's 8000 bytes.
    await queryRunner.query(
      'CREATE TABLE "socket_io_attachments" ("id" bigserial UNIQUE, "created_at" timestamptz DEFAULT now(), "payload" bytea)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "socket_io_attachments"');
    await queryRunner.query('ALTER TABLE "test_results" DROP CONSTRAINT "FK_9a2a7738b8c7e703cf7f4a8b8c4"');
    await queryRunner.query('ALTER TABLE "submissions" DROP CONSTRAINT "FK_10a6a512f46034f5a3e4c287a37"');
    await queryRunner.query('DROP INDEX "public"."test_results_submission_index_unique"');
    await queryRunner.query('DROP TABLE "test_results"');
    await queryRunner.query('DROP INDEX "public"."submissions_session_item_created"');
    await queryRunner.query('DROP TABLE "submissions"');
    // Shared by submissions and test_results: created once, dropped after both.
    await queryRunner.query('DROP TYPE "public"."verdict"');
    await queryRunner.query('DROP TYPE "public"."submission_status"');
    await queryRunner.query('DROP TYPE "public"."submission_kind"');
    await queryRunner.query('DROP INDEX "public"."live_events_stream_seq_unique"');
    await queryRunner.query('DROP TABLE "live_events"');
    await queryRunner.query('DROP TABLE "live_streams"');
  }
}
