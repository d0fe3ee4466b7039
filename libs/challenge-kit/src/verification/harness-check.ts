import { JudgeInputError, validateHarnessData } from '@app/judge-engine';
import type { AuthoredTest, ChallengePackage } from '../package/challenge-package.js';
import { MANIFEST_FILE } from '../package/challenge-loader.js';
import { fieldPathToPointer, type PackageProblem } from '../package/package-problem.js';

/** The engine's `tests` list of a code challenge: the authored objects, defaults applied. */
export function engineTests(pkg: ChallengePackage): Record<string, unknown>[] {
  return pkg.tests.map((test) => test.raw);
}

/**
 * Where an engine path (`harness.export`, `tests[3].calls[1].expected`) points in the package: the
 * harness is challenge.yaml's `harness`; a test is wherever it was authored (challenge.yaml or tests/).
 */
export function locateEnginePath(path: string, tests: readonly AuthoredTest[]): { file: string; pointer: string } {
  if (path === 'harness' || path.startsWith('harness.'))
    return { file: MANIFEST_FILE, pointer: fieldPathToPointer(path) };
  const match = /^tests\[(\d+)\](.*)$/.exec(path);
  const test = match ? tests[Number(match[1])] : undefined;
  if (match && test) return { file: test.at.file, pointer: test.at.pointer + fieldPathToPointer(match[2] ?? '') };
  return { file: MANIFEST_FILE, pointer: fieldPathToPointer(path) };
}

/** Section check of code challenges: the judge engine's harness validates the harness and every test. */
export function checkHarnessData(pkg: ChallengePackage): PackageProblem[] {
  const harness = pkg.manifest.harness;
  if (!harness) return [];
  try {
    validateHarnessData(harness, engineTests(pkg));
    return [];
  } catch (error) {
    if (!(error instanceof JudgeInputError)) throw error;
    const message = error.message.slice(error.path.length + 2);
    return [{ ...locateEnginePath(error.path, pkg.tests), message }];
  }
}
