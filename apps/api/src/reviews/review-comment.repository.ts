import { Injectable } from '@nestjs/common';
import { ReviewCommentEntity, SubmissionEntity } from '@app/db';
import { DataSource } from 'typeorm';

/** Line comments on submissions; reads are confined to one organisation. */
@Injectable()
export class ReviewCommentRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get comments() {
    return this.dataSource.getRepository(ReviewCommentEntity);
  }

  findSubmission(organizationId: string, id: string): Promise<SubmissionEntity | null> {
    return this.dataSource.getRepository(SubmissionEntity).findOneBy({ organizationId, id });
  }

  async create(
    comment: Omit<ReviewCommentEntity, 'id' | 'createdAt' | 'updatedAt' | 'session' | 'submission' | 'author'>,
  ) {
    const saved = await this.comments.save(comment);
    return this.find(comment.organizationId, saved.id) as Promise<ReviewCommentEntity>;
  }

  find(organizationId: string, id: string): Promise<ReviewCommentEntity | null> {
    return this.comments.findOne({ where: { organizationId, id }, relations: { author: true } });
  }

  ofSubmissions(organizationId: string, submissionIds: string[]): Promise<ReviewCommentEntity[]> {
    if (submissionIds.length === 0) return Promise.resolve([]);
    return this.comments
      .createQueryBuilder('comment')
      .innerJoinAndSelect('comment.author', 'author')
      .where('comment.organizationId = :organizationId AND comment.submissionId = ANY(:submissionIds)', {
        organizationId,
        submissionIds,
      })
      .orderBy('comment.file', 'ASC')
      .addOrderBy('comment.line', 'ASC')
      .addOrderBy('comment.createdAt', 'ASC')
      .getMany();
  }

  async update(id: string, changes: Partial<Pick<ReviewCommentEntity, 'body' | 'line'>>): Promise<void> {
    await this.comments.update({ id }, changes);
  }

  async delete(id: string): Promise<void> {
    await this.comments.delete({ id });
  }
}
