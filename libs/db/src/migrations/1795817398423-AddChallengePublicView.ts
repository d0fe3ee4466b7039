import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddChallengePublicView1795817398423 implements MigrationInterface {
  name = 'AddChallengePublicView1795817398423';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "challenge_versions" ADD "publicView" jsonb NOT NULL DEFAULT \'{}\'');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "challenge_versions" DROP COLUMN "publicView"');
  }
}
