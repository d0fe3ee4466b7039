import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// The spec harness's test support is not part of @app/judge-engine's public face.
import {
  runSpecChallenge,
  type SpecRunResult,
} from '../../libs/judge-engine/src/harnesses/spec/spec-sandbox.fixture.js';

/**
 * Fidelity of the spec harness: every case of the corpus (a jest test file and a solution, right or
 * subtly wrong) runs through real jest and through the harness, and the per-test outcomes must be the
 * same. Real jest runs once for the whole corpus, in a temporary directory with its own config and an
 * esbuild transform (TypeScript and ES modules become CommonJS, as ts-jest or babel would make them);
 * nothing is cached between runs.
 */
const here = dirname(fileURLToPath(import.meta.url));
const casesDir = join(here, 'cases');
const repoRoot = resolve(here, '..', '..');

type Status = 'passed' | 'failed' | 'skipped';

interface CorpusCase {
  name: string;
  specFiles: { path: string; source: string; helper: boolean }[];
  solution: { language: 'typescript' | 'javascript'; source: string };
}

function readCases(): CorpusCase[] {
  return readdirSync(casesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = join(casesDir, entry.name);
      const files = readdirSync(dir);
      const solutionFile = files.find((file) => /^solution\.(ts|js|cjs)$/.test(file));
      if (solutionFile === undefined) throw new Error(`case ${entry.name} has no solution`);
      return {
        name: entry.name,
        specFiles: files
          .filter((file) => file !== solutionFile && /\.(ts|js|cjs)$/.test(file))
          .map((file) => ({
            path: file,
            source: readFileSync(join(dir, file), 'utf8'),
            helper: !/\.test\.(ts|js|cjs)$/.test(file),
          })),
        solution: {
          language: solutionFile.endsWith('.ts') ? 'typescript' : 'javascript',
          source: readFileSync(join(dir, solutionFile), 'utf8'),
        },
      };
    });
}

const TRANSFORMER = `const { transformSync } = require(${JSON.stringify(join(repoRoot, 'node_modules', 'esbuild'))});
module.exports = {
  process(source, path) {
    const result = transformSync(source, { loader: /\\.[cm]?ts$/.test(path) ? 'ts' : 'js', format: 'cjs', target: 'node20', sourcefile: path, sourcemap: 'inline' });
    return { code: result.code };
  },
};
`;

interface JestAssertion {
  ancestorTitles: string[];
  title: string;
  status: 'passed' | 'failed' | 'pending' | 'todo' | 'skipped' | 'disabled';
}
interface JestFileResult {
  name: string;
  assertionResults: JestAssertion[];
  testExecError?: unknown;
  message: string;
}

/** Runs the whole corpus through real jest once: `case -> test name -> status`, or a suite failure. */
function runRealJest(cases: CorpusCase[]): Map<string, { suiteFailed: boolean; tests: Map<string, Status> }> {
  const workDir = mkdtempSync(join(tmpdir(), 'assay-spec-corpus-'));
  try {
    for (const corpusCase of cases)
      cpSync(join(casesDir, corpusCase.name), join(workDir, 'cases', corpusCase.name), { recursive: true });
    writeFileSync(join(workDir, 'esbuild-transformer.cjs'), TRANSFORMER);
    writeFileSync(
      join(workDir, 'jest.config.json'),
      JSON.stringify({
        rootDir: workDir,
        testEnvironment: 'node',
        testMatch: ['<rootDir>/cases/**/*.test.{ts,js,cjs}'],
        moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
        transform: { '\\.(ts|js|cjs)$': join(workDir, 'esbuild-transformer.cjs') },
        moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
        cacheDirectory: join(workDir, 'jest-cache'),
      }),
    );
    const outputFile = join(workDir, 'results.json');
    const run = spawnSync(
      process.execPath,
      [
        join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js'),
        '--config',
        join(workDir, 'jest.config.json'),
        '--json',
        '--outputFile',
        outputFile,
        '--no-cache',
        '--ci',
        '--maxWorkers=2',
      ],
      { cwd: workDir, encoding: 'utf8', timeout: 240_000 },
    );
    let parsed: { testResults: JestFileResult[] };
    try {
      parsed = JSON.parse(readFileSync(outputFile, 'utf8')) as { testResults: JestFileResult[] };
    } catch {
      throw new Error(`jest produced no results (exit ${run.status}): ${run.stderr.slice(-2000)}`);
    }
    const byCase = new Map<string, { suiteFailed: boolean; tests: Map<string, Status> }>();
    for (const file of parsed.testResults) {
      const caseName = file.name.slice(join(workDir, 'cases').length + 1).split(/[\\/]/)[0] ?? '';
      const tests = new Map<string, Status>();
      for (const assertion of file.assertionResults) {
        const status: Status =
          assertion.status === 'passed' ? 'passed' : assertion.status === 'failed' ? 'failed' : 'skipped';
        tests.set([...assertion.ancestorTitles, assertion.title].join(' › '), status);
      }
      byCase.set(caseName, { suiteFailed: file.assertionResults.length === 0 && file.message !== '', tests });
    }
    return byCase;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** The harness's outcomes in the same shape: listed tests only run ones; skipped and todo tests have no report. */
function harnessOutcomes(result: SpecRunResult): { suiteFailed: boolean; tests: Map<string, Status> } {
  if (result.type !== 'ran') throw new Error(`compile error: ${result.error.message}`);
  const tests = new Map<string, Status>();
  let suiteFailed = false;
  for (const report of result.reports) {
    const name = report.name ?? report.testId;
    if (name.endsWith('(test file failed to run)')) suiteFailed = true;
    else tests.set(name, report.outcome.type === 'decided' && report.outcome.passed ? 'passed' : 'failed');
  }
  return { suiteFailed, tests };
}

describe('spec harness fidelity against real jest', () => {
  const cases = readCases();
  let jest: Map<string, { suiteFailed: boolean; tests: Map<string, Status> }>;

  beforeAll(() => {
    jest = runRealJest(cases);
  }, 300_000);

  afterAll(() => {
    jest?.clear();
  });

  it('has a corpus that exercises passing, failing and skipped tests', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    const all = [...jest.values()].flatMap((result) => [...result.tests.values()]);
    expect(all.filter((status) => status === 'passed').length).toBeGreaterThanOrEqual(100);
    expect(all.filter((status) => status === 'failed').length).toBeGreaterThanOrEqual(50);
    expect(all.filter((status) => status === 'skipped').length).toBeGreaterThanOrEqual(10);
    expect(jest.size).toBe(cases.length);
  });

  it.each(readCases().map((corpusCase) => [corpusCase.name, corpusCase] as const))(
    '%s: same per-test outcomes as jest',
    async (_name, corpusCase) => {
      const expected = jest.get(corpusCase.name);
      expect(expected).toBeDefined();
      const result = await runSpecChallenge({
        harness: {
          files: corpusCase.specFiles.map((file) => ({ path: file.path, source: file.source, helper: file.helper })),
        },
        language: corpusCase.solution.language,
        source: corpusCase.solution.source,
        timeLimitMs: 5_000,
      });
      const actual = harnessOutcomes(result);
      const ran = new Map([...expected!.tests].filter(([, status]) => status !== 'skipped'));
      expect({ suiteFailed: actual.suiteFailed, tests: Object.fromEntries(actual.tests) }).toEqual({
        suiteFailed: expected!.suiteFailed,
        tests: Object.fromEntries(ran),
      });
    },
    60_000,
  );
});
