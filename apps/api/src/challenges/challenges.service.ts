import { Injectable } from '@nestjs/common';
import { ChallengePackageError, IMPORT_CHECKS, parseUpload } from '@app/challenge-kit';
import type { ChallengeVersionEntity } from '@app/db';
import { DataSource } from 'typeorm';
import type { StaffPrincipal } from '../access/principal.js';
import { DomainException } from '../errors/domain.exception.js';
import { ChallengeBankImporter } from './challenge-bank.importer.js';
import { ChallengeCatalogRepository } from './challenge-catalog.repository.js';
import type {
  ChallengeDetailDto,
  ChallengeFilterDto,
  ChallengeSummaryDto,
  UploadChallengeResultDto,
} from './dto/challenge.dto.js';

@Injectable()
export class ChallengesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: ChallengeCatalogRepository,
    private readonly importer: ChallengeBankImporter,
  ) {}

  async list(staff: StaffPrincipal, filter: ChallengeFilterDto): Promise<ChallengeSummaryDto[]> {
    return (await this.catalog.list(staff.organizationId, filter)).map(toSummary);
  }

  async get(staff: StaffPrincipal, slug: string): Promise<ChallengeDetailDto> {
    const version = (await this.catalog.findCurrentBySlugs(staff.organizationId, [slug])).get(slug);
    if (!version) throw new DomainException('not_found', 'challenge_not_found', 'No such challenge.');
    return { ...toSummary(version), content: version.publicView };
  }

  /**
   * An admin's own challenge: validated like the CLI does (schema, statement, the harness or grader
   * section, and the answer files of the types that need no sandbox); every problem listed in one 400.
   */
  async upload(staff: StaffPrincipal, body: unknown): Promise<UploadChallengeResultDto> {
    let pkg;
    try {
      pkg = await parseUpload(body, { sectionChecks: IMPORT_CHECKS });
    } catch (error) {
      if (error instanceof ChallengePackageError) {
        throw new DomainException('malformed', 'invalid_package', 'The challenge package is invalid.', error.problems);
      }
      throw error;
    }
    const { version, created } = await this.dataSource.transaction((manager) =>
      this.importer.importPackage(manager, staff.organizationId, pkg),
    );
    return { slug: pkg.slug, version: version.version, created };
  }
}

function toSummary(version: ChallengeVersionEntity): ChallengeSummaryDto {
  const view = version.publicView as { summary?: unknown };
  return {
    slug: version.challenge!.slug,
    title: version.title,
    summary: typeof view.summary === 'string' ? view.summary : '',
    type: version.type,
    difficulty: version.difficulty,
    competencies: version.competencies,
    estimatedMinutes: version.estimatedMinutes,
    version: version.version,
    private: version.challenge!.organizationId !== null,
  };
}
