import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bankCoverage,
  CHALLENGE_TYPES,
  COMPETENCIES,
  COVERAGE_RULES,
  DIFFICULTIES,
  formatProblem,
  isCodeType,
  loadBank,
  openSqlGrading,
  SECTION_CHECKS,
  verifyCodeChallenge,
  verifyGraderChallenge,
  type ChallengePackage,
  type ChallengeVerification,
  type SqlGrading,
} from '@app/challenge-kit';
import { withDatabase } from '@app/db';
import { JudgeEngine } from '@app/judge-engine';
import { testServerUrl } from '@app/testing';

/**
 * The bank as shipped in `challenges/`: what `npm run challenges -- validate` checks, as a test, so that
 * a change to a harness, a grader or a package cannot break a challenge unnoticed. Mutation scores are
 * measured by `npm run challenges -- mutate` (too slow for the suite that CI runs twice).
 */
const BANK = resolve('challenges');
/** The floor for the bank's size, and the types the first bank lacked. */
const MIN_CHALLENGES = 32;
const TYPES_NEEDING_TWO = ['spec', 'api-design', 'resilience', 'bug-fix'] as const;
/** "Several plausible wrong solutions": the types whose packages carry wrong solutions. */
const MIN_WRONG_SOLUTIONS = 3;

let bank: ChallengePackage[] = [];
let failures: string[] = [];
let engine: JudgeEngine;
let grading: SqlGrading;

beforeAll(async () => {
  const loaded = await loadBank(BANK, { sectionChecks: SECTION_CHECKS });
  bank = loaded.challenges;
  failures = loaded.failures.flatMap(({ folder, error }) =>
    error.problems.map((problem) => `${folder}: ${formatProblem(problem)}`),
  );
  engine = await JudgeEngine.start({ workers: 2 });
  grading = await openSqlGrading(withDatabase(testServerUrl(), `assay_test_bank_${randomBytes(6).toString('hex')}`));
});

afterAll(async () => {
  await engine?.stop();
  await grading?.close();
});

function failedChecks(verification: ChallengeVerification): string[] {
  return verification.checks
    .filter((check) => check.status !== 'passed')
    .map((check) => `${check.path} (${check.role}): ${check.summary}`);
}

describe('the challenge bank', () => {
  it('loads every package with its schema, statement and section checks', () => {
    expect(failures).toEqual([]);
    expect(bank.length).toBeGreaterThanOrEqual(MIN_CHALLENGES);
  });

  it('has unique slugs and titles', () => {
    const slugs = bank.map((pkg) => pkg.slug);
    const titles = bank.map((pkg) => pkg.manifest.title.toLowerCase());
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('meets the coverage rule: every competency in 3+ challenges of 2+ types, every type, every difficulty', () => {
    const coverage = bankCoverage(bank.map((pkg) => pkg.manifest));

    expect(coverage.problems).toEqual([]);
    for (const competency of COMPETENCIES) {
      const entry = coverage.competencies.find((item) => item.competency === competency)!;
      expect([competency, entry.challenges >= COVERAGE_RULES.challengesPerCompetency]).toEqual([competency, true]);
      expect([competency, entry.types.length >= COVERAGE_RULES.typesPerCompetency]).toEqual([competency, true]);
    }
    for (const type of CHALLENGE_TYPES) expect([type, (coverage.types[type] ?? 0) > 0]).toEqual([type, true]);
    for (const type of TYPES_NEEDING_TWO) expect([type, coverage.types[type]! >= 2]).toEqual([type, true]);
    for (const difficulty of DIFFICULTIES) expect(coverage.difficulties[difficulty]).toBeGreaterThan(0);
  });

  it('gives every code challenge TypeScript and JavaScript starters and several wrong solutions', () => {
    const short = bank
      .filter((pkg) => isCodeType(pkg.manifest.type) || pkg.manifest.type === 'sql')
      .filter((pkg) => pkg.wrongSolutions.length < MIN_WRONG_SOLUTIONS)
      .map((pkg) => `${pkg.slug}: ${pkg.wrongSolutions.length} wrong solution(s)`);
    const starters = bank
      .filter((pkg) => isCodeType(pkg.manifest.type))
      .filter(
        (pkg) =>
          pkg.starters
            .map((starter) => starter.language)
            .sort()
            .join() !== 'javascript,typescript',
      )
      .map((pkg) => pkg.slug);

    expect(short).toEqual([]);
    expect(starters).toEqual([]);
  });

  it('runs every code challenge: references pass every test, wrong solutions fail a hidden test, starters compile', async () => {
    const code = bank.filter((pkg) => isCodeType(pkg.manifest.type));
    expect(code.length).toBeGreaterThan(0);

    const problems: string[] = [];
    // Two at a time: the engine has two workers, and each package's own files are judged concurrently.
    for (let index = 0; index < code.length; index += 2) {
      const verifications = await Promise.all(
        code.slice(index, index + 2).map((pkg) => verifyCodeChallenge(pkg, engine)),
      );
      for (const verification of verifications)
        problems.push(...failedChecks(verification).map((problem) => `${verification.slug}: ${problem}`));
    }

    expect(problems).toEqual([]);
  }, 300_000);

  it('grades every other challenge: answer keys score full marks, wrong answers lose points, SQL runs in PostgreSQL', async () => {
    const graded = bank.filter((pkg) => !isCodeType(pkg.manifest.type));
    expect(graded.some((pkg) => pkg.manifest.type === 'sql')).toBe(true);

    const problems: string[] = [];
    for (const pkg of graded) {
      const verification = await verifyGraderChallenge(pkg, { sqlGrader: grading.grader });
      expect([pkg.slug, verification.status]).toEqual([pkg.slug, expect.stringMatching(/^(passed|failed)$/)]);
      problems.push(...failedChecks(verification).map((problem) => `${pkg.slug}: ${problem}`));
    }

    expect(problems).toEqual([]);
  }, 300_000);
});
