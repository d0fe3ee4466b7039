import type { ChallengePackage } from '../package/challenge-package.js';
import type { SectionCheck } from '../package/challenge-loader.js';
import type { PackageProblem } from '../package/package-problem.js';
import { checkGraderSection } from './grader-sections.js';
import { checkHarnessData } from './harness-check.js';

/**
 * The checks of type-specific sections that need no sandbox: the judge engine's harness validation for
 * code challenges, and the graders' definition readers for the others.
 */
export const SECTION_CHECKS: readonly SectionCheck[] = [
  (pkg: ChallengePackage): PackageProblem[] => checkHarnessData(pkg),
  (pkg: ChallengePackage): PackageProblem[] => checkGraderSection(pkg),
];
