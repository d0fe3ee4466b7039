import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddJudgeHeartbeat1795818252497 implements MigrationInterface {
  name = 'AddJudgeHeartbeat1795818252497';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "submissions" ADD "jobId" uuid');
    await queryRunner.query('ALTER TABLE "submissions" ADD "heartbeatAt" TIMESTAMP WITH TIME ZONE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "submissions" DROP COLUMN "heartbeatAt"');
    await queryRunner.query('ALTER TABLE "submissions" DROP COLUMN "jobId"');
  }
}
