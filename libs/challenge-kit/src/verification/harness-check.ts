import { JudgeInputError, validateHarnessData } from '@app/judge-engine';
import type { AuthoredTest, ChallengePackage, HarnessSection, SourceFile } from '../package/challenge-package.js';
import { MANIFEST_FILE } from '../package/challenge-loader.js';
import { fieldPathToPointer, type PackageProblem } from '../package/package-problem.js';

/**
 * What the judge needs of a code challenge's package. The API stores the package as JSON
 * (`challenge_versions.definition`), so the judge reads the same fields the CLI reads here.
 */
export interface JudgedPackage {
  manifest: Pick<ChallengePackage['manifest'], 'harness' | 'limits'>;
  tests: readonly Pick<AuthoredTest, 'raw'>[];
  testFiles: readonly Pick<SourceFile, 'path' | 'content'>[];
}

/** A spec file whose name carries `.sample.` (`tests/basics.sample.test.ts`) is shown to candidates. */
const SAMPLE_SPEC_FILE = /\.sample\.(?:spec|test)\.[cm]?[jt]s$/;

/** The engine's `tests` list of a code challenge: the authored objects, defaults applied. */
export function engineTests(pkg: Pick<JudgedPackage, 'tests'>): Record<string, unknown>[] {
  return pkg.tests.map((test) => test.raw);
}

/**
 * The engine's `harness` of a code challenge. A spec harness that lists no `files` is given the
 * package's spec files (`tests/**\/*.spec.ts|test.ts`), at their path under `tests/` so that
 * `./solution` resolves; files named `*.sample.test.ts` are sample files.
 */
export function engineHarness(pkg: JudgedPackage): HarnessSection | undefined {
  const harness = pkg.manifest.harness;
  if (harness?.kind !== 'spec' || harness.files !== undefined) return harness;
  return {
    ...harness,
    files: pkg.testFiles.map((file) => ({
      path: file.path.replace(/^tests\//, ''),
      source: file.content,
      ...(SAMPLE_SPEC_FILE.test(file.path) ? { sample: true } : {}),
    })),
  };
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
  const harness = engineHarness(pkg);
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
