import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRateLimitBuckets1795815383595 implements MigrationInterface {
  name = 'AddRateLimitBuckets1795815383595';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "rate_limit_buckets" ("key" character varying(300) NOT NULL, "windowStartedAt" TIMESTAMP WITH TIME ZONE NOT NULL, "hits" integer NOT NULL, CONSTRAINT "PK_9eb2f8a2ae370667b4ca83dd313" PRIMARY KEY ("key"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "rate_limit_buckets"');
  }
}
