import { Injectable } from '@nestjs/common';
import { ChallengePackageError, IMPORT_CHECKS, parseUpload } from '@app/challenge-kit';
import type { ChallengeVersionEntity } from '@app/db';
import { JudgeQueue } from '@app/pipeline';
import { DataSource } from 'typeorm';
import type { StaffPrincipal } from '../access/principal.js';
import { DomainException } from '../errors/domain.exception.js';
import { ChallengeBankImporter, needsJudgeVerification } from './challenge-bank.importer.js';
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
    private readonly queue: JudgeQueue,
  ) {}

  async list(staff: StaffPrincipal, filter: ChallengeFilterDto): Promise<ChallengeSummaryDto[]> {
    return (await this.catalog.list(staff.organizationId, filter)).map(toSummary);
  }

  async get(staff: StaffPrincipal, slug: string): Promise<ChallengeDetailDto> {
    const version = (await this.catalog.findCurrentBySlugs(staff.organizationId, [slug])).get(slug);
    if (!version) throw new DomainException('not_found', 'challenge_not_found', 'No such challenge.');
    return { ...toSummary(version), ...verificationOf(version), content: version.publicView };
  }

  /**
   * An admin's own challenge: validated like the CLI does (schema, statement, the harness or grader
   * section, and the answer files of the types that need no sandbox); every problem listed in one 400.
   * A new version of a code or SQL challenge is `pending`: its verification job (the judge runs every
   * reference and wrong solution) is enqueued in the transaction that stores it.
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
    const verify = needsJudgeVerification(pkg);
    const { version, created } = await this.dataSource.transaction(async (manager) => {
      const imported = await this.importer.importPackage(
        manager,
        staff.organizationId,
        pkg,
        verify ? 'pending' : 'verified',
      );
      if (imported.created && verify)
        await this.queue.enqueueVerification(manager, { challengeVersionId: imported.version.id });
      return imported;
    });
    return { slug: pkg.slug, version: version.version, created, ...verificationOf(version) };
  }
}

function verificationOf(version: ChallengeVersionEntity): Pick<ChallengeDetailDto, 'verification' | 'problems'> {
  return { verification: version.verification, problems: version.verificationProblems };
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
