import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SubmissionEntity } from '@app/db';
import { type EntityManager, Repository } from 'typeorm';

@Injectable()
export class SubmissionRepository {
  constructor(@InjectRepository(SubmissionEntity) private readonly submissions: Repository<SubmissionEntity>) {}

  create(
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
  ): Promise<SubmissionEntity> {
    return manager
      .getRepository(SubmissionEntity)
      .save({ ...submission, status: 'queued' as const, verdict: null, score: null });
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
