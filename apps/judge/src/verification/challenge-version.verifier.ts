import { Injectable, Logger } from '@nestjs/common';
import {
  ChallengePackageError,
  isCodeType,
  parseChallengePackage,
  verifyCodeChallenge,
  verifyGraderChallenge,
  type ChallengeVerification,
} from '@app/challenge-kit';
import { ChallengeVersionEntity, type VerificationProblem } from '@app/db';
import { JudgeEngine, JudgeInputError } from '@app/judge-engine';
import { DataSource } from 'typeorm';
import { SqlSandboxProvider } from '../grading/sql-sandbox.provider.js';

const ROLE_NAMES = { reference: 'reference solution', wrong: 'wrong solution', starter: 'starter code' } as const;

/**
 * Verifies an uploaded code or SQL challenge version the way `challenges validate` does: every
 * reference solution must pass every test and every wrong solution must fail a hidden one (starters
 * must compile). The version becomes `verified`, or `rejected` with every problem found; only a
 * `pending` version is ever changed, so a retried job cannot overwrite a verdict.
 */
@Injectable()
export class ChallengeVersionVerifier {
  private readonly logger = new Logger(ChallengeVersionVerifier.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: JudgeEngine,
    private readonly sql: SqlSandboxProvider,
  ) {}

  async verify(challengeVersionId: string): Promise<void> {
    const version = await this.dataSource.getRepository(ChallengeVersionEntity).findOneBy({ id: challengeVersionId });
    if (!version || version.verification !== 'pending') return;
    const problems = await this.problemsOf(version);
    await this.dataSource.query(
      `UPDATE challenge_versions SET verification = $2, "verificationProblems" = $3::jsonb
       WHERE id = $1 AND verification = 'pending'`,
      [version.id, problems.length === 0 ? 'verified' : 'rejected', JSON.stringify(problems)],
    );
    this.logger.log(
      `challenge version ${version.id}: ${problems.length === 0 ? 'verified' : `rejected (${problems.length} problems)`}`,
    );
  }

  /** Errors of the judge's own (a sandbox that cannot open, a lost database) are thrown: the job is retried. */
  private async problemsOf(version: ChallengeVersionEntity): Promise<VerificationProblem[]> {
    const files = (version.definition as { files?: Record<string, string> }).files ?? {};
    let pkg;
    try {
      pkg = await parseChallengePackage(new Map(Object.entries(files)), `challenge version ${version.id}`);
    } catch (error) {
      if (!(error instanceof ChallengePackageError)) throw error;
      return error.problems.map((problem) => ({
        file: problem.file,
        message: problem.pointer ? `${problem.pointer}: ${problem.message}` : problem.message,
      }));
    }
    let verification: ChallengeVerification;
    if (isCodeType(pkg.manifest.type)) {
      try {
        verification = await verifyCodeChallenge(pkg, this.engine);
      } catch (error) {
        // The engine refuses the harness or the tests as given: the package's fault, not the judge's.
        if (error instanceof JudgeInputError) return [{ file: 'challenge.yaml', message: error.message }];
        throw error;
      }
    } else {
      verification = await verifyGraderChallenge(pkg, { sqlGrader: await this.sql.grader() });
    }
    return verification.checks
      .filter((check) => check.status !== 'passed')
      .map((check) => ({ file: check.path, message: `${ROLE_NAMES[check.role]} ${check.summary}` }));
  }
}
