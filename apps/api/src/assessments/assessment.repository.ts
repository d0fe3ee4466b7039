import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AssessmentEntity, AssessmentItemEntity, InviteEntity } from '@app/db';
import { type EntityManager, Repository } from 'typeorm';

@Injectable()
export class AssessmentRepository {
  constructor(@InjectRepository(AssessmentEntity) private readonly assessments: Repository<AssessmentEntity>) {}

  /** With items in order and their challenge versions; undefined outside the organisation. */
  findInOrganization(organizationId: string, id: string): Promise<AssessmentEntity | null> {
    return this.assessments
      .createQueryBuilder('assessment')
      .leftJoinAndSelect('assessment.items', 'item')
      .leftJoinAndSelect('item.challengeVersion', 'version')
      .leftJoinAndSelect('version.challenge', 'challenge')
      .where('assessment.id = :id AND assessment.organizationId = :organizationId', { id, organizationId })
      .orderBy('item.position', 'ASC')
      .getOne();
  }

  listInOrganization(organizationId: string): Promise<AssessmentEntity[]> {
    return this.assessments
      .createQueryBuilder('assessment')
      .leftJoinAndSelect('assessment.items', 'item')
      .leftJoinAndSelect('item.challengeVersion', 'version')
      .leftJoinAndSelect('version.challenge', 'challenge')
      .where('assessment.organizationId = :organizationId', { organizationId })
      .orderBy('assessment.createdAt', 'DESC')
      .addOrderBy('item.position', 'ASC')
      .getMany();
  }

  async create(
    manager: EntityManager,
    assessment: Pick<AssessmentEntity, 'organizationId' | 'title' | 'durationMinutes' | 'createdById'>,
    items: Pick<AssessmentItemEntity, 'challengeVersionId' | 'weight'>[],
  ): Promise<string> {
    const saved = await manager.getRepository(AssessmentEntity).save(assessment);
    await manager
      .getRepository(AssessmentItemEntity)
      .save(items.map((item, position) => ({ ...item, position, assessmentId: saved.id })));
    return saved.id;
  }

  createInvite(invite: Omit<InviteEntity, 'id' | 'createdAt' | 'assessment'>): Promise<InviteEntity> {
    return this.assessments.manager.getRepository(InviteEntity).save(invite);
  }
}
