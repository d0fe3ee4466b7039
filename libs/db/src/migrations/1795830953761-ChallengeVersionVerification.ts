import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChallengeVersionVerification1795830953761 implements MigrationInterface {
  name = 'ChallengeVersionVerification1795830953761';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"challenge_verification\" AS ENUM('pending', 'verified', 'rejected')",
    );
    await queryRunner.query(
      'ALTER TABLE "challenge_versions" ADD "verification" "public"."challenge_verification" NOT NULL DEFAULT \'verified\'',
    );
    await queryRunner.query(
      'ALTER TABLE "challenge_versions" ADD "verificationProblems" jsonb NOT NULL DEFAULT \'[]\'',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "challenge_versions" DROP COLUMN "verificationProblems"');
    await queryRunner.query('ALTER TABLE "challenge_versions" DROP COLUMN "verification"');
    await queryRunner.query('DROP TYPE "public"."challenge_verification"');
  }
}
