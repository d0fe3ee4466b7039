import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SubmissionEntity, preparedQuery } from '@app/db';
import { type EntityManager, Repository } from 'typeorm';

@Injectable()
export class SubmissionRepository {
  constructor(@InjectRepository(SubmissionEntity) private readonly submissions: Repository<SubmissionEntity>) {}

  /** Every submission goes through here: a prepared statement (see `preparedQuery`). */
  async create(
    manager: EntityManager,
    submission: Pick<
      SubmissionEntity,
      | 'sessionId'
      | 'organizationId'
      | 'assessmentItemId'
      | 'challengeVersionId'
      | 'kind'
      | 'language'
      | 'code'
      | 'answer'
    >,
  ): Promise<{ id: string }> {
    const [created] = await preparedQuery<{ id: string }>(
      manager,
      `INSERT INTO submissions ("sessionId", "organizationId", "assessmentItemId", "challengeVersionId", kind, language,
         code, answer, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued') RETURNING id`,
      [
        submission.sessionId,
        submission.organizationId,
        submission.assessmentItemId,
        submission.challengeVersionId,
        submission.kind,
        submission.language,
        submission.code,
        submission.answer === null ? null : JSON.stringify(submission.answer),
      ],
    );
    return created;
  }

  /** With its test results in order. */
  findWithResults(id: string): Promise<SubmissionEntity | null> {
    return this.submissions
      .createQueryBuilder('submission')
      .leftJoinAndSelect('submission.testResults', 'result')
      .where('submission.id = :id', { id })
      .orderBy('result.index', 'ASC')
      .getOne();
  }
}
