import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ChallengeEntity, ChallengeVersionEntity } from '@app/db';
import { Brackets, type EntityManager, Repository } from 'typeorm';

/** The current version of every challenge an organisation can use: the public bank and its own. */
@Injectable()
export class ChallengeCatalogRepository {
  constructor(
    @InjectRepository(ChallengeVersionEntity) private readonly versions: Repository<ChallengeVersionEntity>,
  ) {}

  private visibleCurrentVersions(organizationId: string) {
    return this.versions
      .createQueryBuilder('version')
      .innerJoinAndSelect('version.challenge', 'challenge', 'challenge.currentVersionId = version.id')
      .where(
        new Brackets((where) =>
          where
            .where('challenge.organizationId IS NULL')
            .orWhere('challenge.organizationId = :organizationId', { organizationId }),
        ),
      );
  }

  list(
    organizationId: string,
    filter: { type?: string; competency?: string; difficulty?: string },
  ): Promise<ChallengeVersionEntity[]> {
    const query = this.visibleCurrentVersions(organizationId).orderBy('challenge.slug', 'ASC');
    if (filter.type) query.andWhere('version.type = :type', { type: filter.type });
    if (filter.difficulty) query.andWhere('version.difficulty = :difficulty', { difficulty: filter.difficulty });
    if (filter.competency) query.andWhere(':competency = ANY(version.competencies)', { competency: filter.competency });
    return query.getMany();
  }

  /** A private challenge shadows a public one of the same slug. */
  async findCurrentBySlugs(organizationId: string, slugs: string[]): Promise<Map<string, ChallengeVersionEntity>> {
    const found = await this.visibleCurrentVersions(organizationId)
      .andWhere('challenge.slug IN (:...slugs)', { slugs })
      .getMany();
    const bySlug = new Map<string, ChallengeVersionEntity>();
    for (const version of found.sort(
      (a, b) => Number(a.challenge?.organizationId !== null) - Number(b.challenge?.organizationId !== null),
    )) {
      bySlug.set(version.challenge!.slug, version);
    }
    return bySlug;
  }

  /**
   * Adds a package to the catalogue: the same content hash again changes nothing; a new hash becomes
   * the next version and the current one. Safe to run at every start.
   */
  async importVersion(
    manager: EntityManager,
    organizationId: string | null,
    content: Omit<ChallengeVersionEntity, 'id' | 'challengeId' | 'challenge' | 'version' | 'createdAt'> & {
      slug: string;
    },
  ): Promise<{ version: ChallengeVersionEntity; created: boolean }> {
    const challenges = manager.getRepository(ChallengeEntity);
    const versions = manager.getRepository(ChallengeVersionEntity);
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `challenge:${organizationId ?? 'public'}:${content.slug}`,
    ]);
    const owner = organizationId === null ? 'c."organizationId" IS NULL' : 'c."organizationId" = :organizationId';
    let challenge = await challenges
      .createQueryBuilder('c')
      .where(`c.slug = :slug AND ${owner}`, { slug: content.slug, organizationId })
      .getOne();
    challenge ??= await challenges.save({ slug: content.slug, organizationId, currentVersionId: null });
    const existing = await versions.findOneBy({ challengeId: challenge.id, contentHash: content.contentHash });
    if (existing) return { version: existing, created: false };
    const last = await versions.findOne({ where: { challengeId: challenge.id }, order: { version: 'DESC' } });
    const { slug: _slug, ...fields } = content;
    const version = await versions.save({ ...fields, challengeId: challenge.id, version: (last?.version ?? 0) + 1 });
    await challenges.update({ id: challenge.id }, { currentVersionId: version.id });
    return { version, created: true };
  }
}
