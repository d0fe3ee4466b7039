import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ApiConfig } from '@app/config';
import { IMPORT_CHECKS, isCodeType, loadBank, toPublicView, type ChallengePackage } from '@app/challenge-kit';
import type { ChallengeVersionEntity, ChallengeVerificationState } from '@app/db';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource, type EntityManager } from 'typeorm';
import { ChallengeCatalogRepository } from './challenge-catalog.repository.js';

/** The package as stored: everything the judge and the graders need, as JSON. */
export function serializePackage(pkg: ChallengePackage): Record<string, unknown> {
  return {
    manifest: pkg.manifest,
    statement: pkg.statement,
    starters: pkg.starters,
    tests: pkg.tests,
    testFiles: pkg.testFiles,
    solutions: pkg.solutions,
    wrongSolutions: pkg.wrongSolutions,
    files: Object.fromEntries(pkg.files),
    fileIndex: pkg.fileIndex,
    contentHash: pkg.contentHash,
  };
}

/**
 * Code and SQL packages are verified by running their solutions, which only the judge does; every
 * other type is verified in full by the import checks before it is stored.
 */
export function needsJudgeVerification(pkg: ChallengePackage): boolean {
  return isCodeType(pkg.manifest.type) || pkg.manifest.type === 'sql';
}

/**
 * Loads the challenge bank folder into the catalogue at start. Unchanged challenges (same content
 * hash) change nothing; a changed one becomes its next version, and what was judged keeps its own.
 */
@Injectable()
export class ChallengeBankImporter implements OnApplicationBootstrap {
  private readonly logger = new Logger(ChallengeBankImporter.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: ChallengeCatalogRepository,
    @Inject(ApiConfig) private readonly config: ApiConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.LOAD_CHALLENGE_BANK) return;
    const folder = resolve(this.config.CHALLENGE_BANK_DIR);
    if (!existsSync(folder)) {
      this.logger.warn(`No challenge bank at ${folder}: the catalogue holds only what was uploaded.`);
      return;
    }
    const summary = await this.importFolder(folder);
    this.logger.log(
      `Challenge bank: ${summary.total} challenges, ${summary.created} new versions, ${summary.failed} failed to load`,
    );
  }

  async importFolder(folder: string): Promise<{ total: number; created: number; failed: number }> {
    const bank = await loadBank(folder, { sectionChecks: IMPORT_CHECKS });
    for (const failure of bank.failures)
      this.logger.error(`Challenge ${failure.folder} not loaded: ${failure.error.message}`);
    let created = 0;
    for (const pkg of bank.challenges) {
      const result = await this.dataSource.transaction((manager) => this.importPackage(manager, null, pkg));
      if (result.created) created++;
    }
    return { total: bank.challenges.length, created, failed: bank.failures.length };
  }

  /**
   * Stores a package as a challenge version. The bank is validated in full by CI, so its versions
   * are `verified`; an upload of a code or SQL challenge passes `pending` until the judge has run it.
   */
  importPackage(
    manager: EntityManager,
    organizationId: string | null,
    pkg: ChallengePackage,
    verification: ChallengeVerificationState = 'verified',
  ): Promise<{ version: ChallengeVersionEntity; created: boolean }> {
    const { manifest } = pkg;
    return this.catalog.importVersion(manager, organizationId, {
      slug: manifest.slug,
      contentHash: pkg.contentHash,
      type: manifest.type,
      title: manifest.title,
      difficulty: manifest.difficulty,
      competencies: [...manifest.competencies],
      estimatedMinutes: manifest.estimatedMinutes,
      definition: serializePackage(pkg),
      publicView: toPublicView(pkg) as unknown as Record<string, unknown>,
      verification,
      verificationProblems: [],
    });
  }
}
