import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live events and test results are keyed by what identifies them, `(stream, seq)` and `(submissionId, index)`,
 * which were unique already: their surrogate ids were read by nothing, and each cost every recorded event a
 * sequence value and every test result a random UUID, and both an index entry of their own (a verdict records
 * 14 events and 12 results). The unique indexes become the primary keys, as they are: no table is rewritten
 * and no index built.
 */
export class NaturalKeysForEventsAndResults1795925000000 implements MigrationInterface {
  name = 'NaturalKeysForEventsAndResults1795925000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "live_events" DROP CONSTRAINT "PK_ff25dc1ee3cb53cbfbfae3e1ae9"');
    await queryRunner.query('ALTER TABLE "live_events" DROP COLUMN "id"');
    await queryRunner.query(
      'ALTER TABLE "live_events" ADD CONSTRAINT "PK_live_events_stream_seq" PRIMARY KEY USING INDEX "live_events_stream_seq_unique"',
    );
    await queryRunner.query('ALTER TABLE "test_results" DROP CONSTRAINT "PK_6af5df01fcd3971b362fc828296"');
    await queryRunner.query('ALTER TABLE "test_results" DROP COLUMN "id"');
    await queryRunner.query(
      'ALTER TABLE "test_results" ADD CONSTRAINT "PK_test_results_submission_index" PRIMARY KEY USING INDEX "test_results_submission_index_unique"',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "test_results" DROP CONSTRAINT "PK_test_results_submission_index"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "test_results_submission_index_unique" ON "test_results" ("submissionId", "index") ',
    );
    await queryRunner.query('ALTER TABLE "test_results" ADD "id" uuid NOT NULL DEFAULT gen_random_uuid()');
    await queryRunner.query(
      'ALTER TABLE "test_results" ADD CONSTRAINT "PK_6af5df01fcd3971b362fc828296" PRIMARY KEY ("id")',
    );
    await queryRunner.query('ALTER TABLE "live_events" DROP CONSTRAINT "PK_live_events_stream_seq"');
    await queryRunner.query('CREATE UNIQUE INDEX "live_events_stream_seq_unique" ON "live_events" ("stream", "seq") ');
    await queryRunner.query('ALTER TABLE "live_events" ADD "id" BIGSERIAL NOT NULL');
    await queryRunner.query(
      'ALTER TABLE "live_events" ADD CONSTRAINT "PK_ff25dc1ee3cb53cbfbfae3e1ae9" PRIMARY KEY ("id")',
    );
  }
}
