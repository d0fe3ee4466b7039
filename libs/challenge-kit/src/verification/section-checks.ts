import type { ChallengePackage } from '../package/challenge-package.js';
import type { SectionCheck } from '../package/challenge-loader.js';
import type { PackageProblem } from '../package/package-problem.js';
import { checkGraderSection } from './grader-sections.js';
import { verifyGraderChallenge } from './grader-verifier.js';
import { checkHarnessData } from './harness-check.js';

/**
 * The checks of type-specific sections that need no sandbox: the judge engine's harness validation for
 * code challenges, and the graders' definition readers for the others.
 */
export const SECTION_CHECKS: readonly SectionCheck[] = [
  (pkg: ChallengePackage): PackageProblem[] => checkHarnessData(pkg),
  (pkg: ChallengePackage): PackageProblem[] => checkGraderSection(pkg),
];

/** The answer-file types whose verification needs no sandbox: it is pure grading. */
const SANDBOX_FREE_TYPES: ReadonlySet<string> = new Set(['quiz', 'code-review', 'system-design']);

/**
 * The CLI's verifier for the types it can run without a sandbox (quiz, code review, system design):
 * the answer key or reference must score full marks and every wrong answer must lose points. Failed
 * checks become package problems on the file concerned. Code and SQL challenges need the judge engine
 * or the SQL sandbox and are verified by `validate` (and, for the bank, by CI).
 */
export async function checkAnswerFiles(pkg: ChallengePackage): Promise<PackageProblem[]> {
  if (!SANDBOX_FREE_TYPES.has(pkg.manifest.type)) return [];
  const verification = await verifyGraderChallenge(pkg, {});
  return verification.checks
    .filter((check) => check.status === 'failed')
    .map((check) => ({ file: check.path, pointer: '', message: check.summary }));
}

/** What a package from outside (an upload, the bank folder at start) must pass before it is stored. */
export const IMPORT_CHECKS: readonly SectionCheck[] = [...SECTION_CHECKS, checkAnswerFiles];
