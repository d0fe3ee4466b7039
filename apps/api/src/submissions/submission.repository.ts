import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SubmissionEntity } from '@app/db';
import type { GuardedWrite } from '@app/pipeline';
import { Repository } from 'typeorm';

@Injectable()
export class SubmissionRepository {
  constructor(@InjectRepository(SubmissionEntity) private readonly submissions: Repository<SubmissionEntity>) {}

  /**
   * Every submission goes through here: its INSERT as the common table expression `created` of a statement
   * (parameters `$4` to `$12`, as a `GuardedWrite` numbers them), which also enqueues its jobs and records its
   * events (see `SubmissionsService.accept`).
   */
  static creating(
    submission: Pick<
      SubmissionEntity,
      | 'id'
      | 'sessionId'
      | 'organizationId'
      | 'assessmentItemId'
      | 'challengeVersionId'
      | 'kind'
      | 'language'
      | 'code'
      | 'answer'
    >,
  ): GuardedWrite {
    return {
      ctes: `created AS (
        INSERT INTO submissions (id, "sessionId", "organizationId", "assessmentItemId", "challengeVersionId", kind,
          language, code, answer, status)
        VALUES ($4, $5, $6, $7, $8, $9, $10, $11, $12, 'queued') RETURNING id)`,
      params: [
        submission.id,
        submission.sessionId,
        submission.organizationId,
        submission.assessmentItemId,
        submission.challengeVersionId,
        submission.kind,
        submission.language,
        submission.code,
        submission.answer === null ? null : JSON.stringify(submission.answer),
      ],
    };
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
