import type { JudgeLimits, JudgeOptions, JudgeResult, Language, Submission } from '@app/judge-engine';
import type { ChallengePackage, SourceFile } from '../package/challenge-package.js';
import { isCodeType } from '../package/challenge-types.js';
import { engineHarness, engineTests, type JudgedPackage } from './harness-check.js';

/** What the verifier needs of the judge engine (`JudgeEngine` satisfies it). */
export interface CodeJudge {
  judge(submission: Submission, options?: JudgeOptions): Promise<JudgeResult>;
}

export type CheckStatus = 'passed' | 'failed' | 'skipped';
export type SolutionRole = 'reference' | 'wrong' | 'starter';

/** The verdict on one file of a package: a reference must pass everything, a wrong solution must not. */
export interface SolutionCheck {
  path: string;
  role: SolutionRole;
  status: CheckStatus;
  /** One line: what was expected and what happened. */
  summary: string;
  /** Tests that did not pass, with their verdict. */
  failedTests: { name: string; sample: boolean; verdict: string }[];
  timeMs: number;
}

export interface ChallengeVerification {
  slug: string;
  status: CheckStatus;
  checks: SolutionCheck[];
}

export function codeLanguageOf(file: SourceFile): Language | undefined {
  return file.language === 'typescript' || file.language === 'javascript' ? file.language : undefined;
}

/**
 * The engine submission of a source file against a code challenge's harness, tests and limits: the
 * CLI's checks and the judge build it with this one function, so both judge the same way.
 */
export function submissionFor(
  pkg: JudgedPackage,
  language: Language,
  source: string,
  limits?: Partial<JudgeLimits>,
): Submission {
  const harness = engineHarness(pkg);
  if (!harness) throw new Error('This challenge has no test harness.');
  const { timeLimitMs, memoryLimitMb, totalTimeMs } = pkg.manifest.limits;
  const authored: Partial<JudgeLimits> = {};
  if (timeLimitMs !== undefined) authored.timeLimitMs = timeLimitMs;
  if (memoryLimitMb !== undefined) authored.memoryLimitMb = memoryLimitMb;
  if (totalTimeMs !== undefined) authored.totalTimeMs = totalTimeMs;
  return { language, source, harness, tests: engineTests(pkg), limits: { ...authored, ...limits } };
}

function failedTests(result: JudgeResult): SolutionCheck['failedTests'] {
  return result.tests
    .filter((test) => test.verdict !== 'ACCEPTED')
    .map(({ name, sample, verdict }) => ({ name, sample, verdict }));
}

function describeFailures(failed: SolutionCheck['failedTests'], limit = 3): string {
  const shown = failed
    .slice(0, limit)
    .map((test) => `${test.sample ? 'sample' : 'hidden'} "${test.name}" ${test.verdict}`);
  return shown.join(', ') + (failed.length > limit ? ` and ${failed.length - limit} more` : '');
}

async function judgeFile(
  pkg: ChallengePackage,
  judge: CodeJudge,
  file: SourceFile,
  role: SolutionRole,
): Promise<SolutionCheck> {
  const language = codeLanguageOf(file);
  const base = { path: file.path, role, failedTests: [] as SolutionCheck['failedTests'] };
  if (!language) return { ...base, status: 'failed', summary: `is not JavaScript or TypeScript`, timeMs: 0 };
  const result = await judge.judge(submissionFor(pkg, language, file.content));
  const failed = failedTests(result);
  const hiddenFailures = failed.filter((test) => !test.sample);
  const count = `${result.tests.length - failed.length}/${result.tests.length} tests`;
  const timeMs = result.timeMs;
  switch (role) {
    case 'reference':
      return failed.length === 0
        ? { ...base, status: 'passed', summary: `passes ${count}`, failedTests: failed, timeMs }
        : {
            ...base,
            status: 'failed',
            summary: `must pass every test but fails ${describeFailures(failed)}${result.compileError ? `: ${result.message}` : ''}`,
            failedTests: failed,
            timeMs,
          };
    case 'wrong':
      if (result.verdict === 'COMPILATION_ERROR')
        return {
          ...base,
          status: 'failed',
          summary: `does not compile (${result.message}); a wrong solution must be a plausible program`,
          failedTests: failed,
          timeMs,
        };
      return hiddenFailures.length > 0
        ? {
            ...base,
            status: 'passed',
            summary: `fails as it should: ${describeFailures(hiddenFailures)}`,
            failedTests: failed,
            timeMs,
          }
        : {
            ...base,
            status: 'failed',
            summary: `must fail a hidden test but passes them all (${count})`,
            failedTests: failed,
            timeMs,
          };
    case 'starter':
      if (result.verdict === 'COMPILATION_ERROR')
        return {
          ...base,
          status: 'failed',
          summary: `does not compile: ${result.message}`,
          failedTests: failed,
          timeMs,
        };
      if (pkg.manifest.type === 'bug-fix' && hiddenFailures.length === 0) {
        return {
          ...base,
          status: 'failed',
          summary: `holds the defects to fix, so it must fail a hidden test, but passes ${count}`,
          failedTests: failed,
          timeMs,
        };
      }
      return { ...base, status: 'passed', summary: `compiles and runs (${count} pass)`, failedTests: failed, timeMs };
  }
}

/**
 * Runs every reference solution, wrong solution and starter of a code challenge in the judge engine:
 * references must pass every test, wrong solutions must fail at least one hidden test, starters must
 * compile (and a bug-fix starter, which holds the defects, must fail a hidden test).
 */
export async function verifyCodeChallenge(
  pkg: ChallengePackage,
  judge: CodeJudge,
  onCheck?: (check: SolutionCheck) => void,
): Promise<ChallengeVerification> {
  if (!isCodeType(pkg.manifest.type)) throw new Error(`${pkg.slug} is not a code challenge`);
  const files: [SourceFile, SolutionRole][] = [
    ...pkg.solutions.map((file): [SourceFile, SolutionRole] => [file, 'reference']),
    ...pkg.wrongSolutions.map((file): [SourceFile, SolutionRole] => [file, 'wrong']),
    ...pkg.starters.map((file): [SourceFile, SolutionRole] => [file, 'starter']),
  ];
  const checks = await Promise.all(
    files.map(async ([file, role]) => {
      const check = await judgeFile(pkg, judge, file, role);
      onCheck?.(check);
      return check;
    }),
  );
  return { slug: pkg.slug, status: checks.every((check) => check.status === 'passed') ? 'passed' : 'failed', checks };
}
