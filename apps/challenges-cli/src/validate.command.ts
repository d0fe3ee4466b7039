import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  bankCoverage,
  ChallengePackageError,
  formatProblem,
  isCodeType,
  loadBank,
  loadChallenge,
  SECTION_CHECKS,
  verifyCodeChallenge,
  verifyGraderChallenge,
  type ChallengePackage,
  type ChallengeVerification,
  type SqlGrading,
} from '@app/challenge-kit';
import { JudgeEngine } from '@app/judge-engine';
import { ProgressBar } from './progress-bar.js';
import { openCliSqlGrading } from './sql-sandbox.provider.js';
import { renderTable } from './summary-table.js';

export interface CommandIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

interface Row {
  slug: string;
  type: string;
  difficulty: string;
  checks: string;
  status: 'ok' | 'FAIL' | 'skipped';
  notes: string[];
}

async function isPackage(folder: string): Promise<boolean> {
  return access(join(folder, 'challenge.yaml')).then(
    () => true,
    () => false,
  );
}

/** One package or a whole bank: the packages that load, and the folders that do not, with their problems. */
async function loadTarget(path: string): Promise<{
  packages: ChallengePackage[];
  failures: { folder: string; error: ChallengePackageError }[];
  isBank: boolean;
}> {
  if (await isPackage(path)) {
    try {
      return { packages: [await loadChallenge(path, { sectionChecks: SECTION_CHECKS })], failures: [], isBank: false };
    } catch (error) {
      if (error instanceof ChallengePackageError)
        return { packages: [], failures: [{ folder: path, error }], isBank: false };
      throw error;
    }
  }
  const bank = await loadBank(path, { sectionChecks: SECTION_CHECKS });
  return { packages: bank.challenges, failures: bank.failures, isBank: true };
}

/**
 * `validate [path] [--coverage] [--verbose]`: schema and statement of every package, then every reference, wrong solution and
 * starter in the judge engine. Prints a progress bar, the problems and a summary table; returns the
 * exit code (1 on any failure).
 */
export async function validateCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const paths = args.filter((arg) => !arg.startsWith('--'));
  const target = resolve(paths[0] ?? 'challenges');
  // The balance rules are the bank's: checked for the default bank, or on request for another folder.
  const checkCoverage = paths.length === 0 || args.includes('--coverage');
  const verbose = args.includes('--verbose');
  const { packages, failures, isBank } = await loadTarget(target);
  const rows: Row[] = failures.map(({ folder, error }) => ({
    slug: folder.split('/').pop() ?? folder,
    type: '?',
    difficulty: '?',
    checks: '-',
    status: 'FAIL',
    notes: error.problems.map(formatProblem),
  }));

  const code = packages.filter((pkg) => isCodeType(pkg.manifest.type));
  const engine = code.length > 0 ? await JudgeEngine.start({ workers: 2 }) : undefined;
  let sql: SqlGrading | undefined;
  if (packages.some((pkg) => pkg.manifest.type === 'sql')) {
    try {
      const opened = await openCliSqlGrading();
      io.err.write(`SQL sandbox on ${opened.where}\n`);
      sql = opened;
    } catch (error) {
      io.err.write(
        `No SQL sandbox, SQL solutions are not run: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
  }
  const progress = new ProgressBar(io.err, packages.length);
  try {
    for (const pkg of packages) {
      const verification: ChallengeVerification =
        engine && isCodeType(pkg.manifest.type)
          ? await verifyCodeChallenge(pkg, engine)
          : await verifyGraderChallenge(pkg, sql ? { sqlGrader: sql.grader } : {});
      const failed = verification.checks.filter((check) => check.status === 'failed');
      const shown = verbose ? verification.checks : failed;
      rows.push({
        slug: pkg.slug,
        type: pkg.manifest.type,
        difficulty: pkg.manifest.difficulty,
        checks:
          verification.checks.length === 0
            ? '-'
            : `${verification.checks.length - failed.length}/${verification.checks.length}`,
        status: verification.status === 'passed' ? 'ok' : verification.status === 'failed' ? 'FAIL' : 'skipped',
        notes:
          verification.status === 'skipped' && failed.length === 0
            ? ['solutions not run: no SQL sandbox']
            : shown.map((check) => `${check.path} (${check.role}) ${check.summary}`),
      });
      progress.tick(pkg.slug);
    }
  } finally {
    progress.finish();
    await engine?.stop();
    await sql?.close();
  }

  rows.sort((a, b) => (a.slug < b.slug ? -1 : 1));
  for (const row of rows.filter((entry) => entry.notes.length > 0)) {
    io.out.write(
      `\n${row.slug}: ${row.status === 'FAIL' ? 'FAILED' : row.status}\n${row.notes.map((note) => `  - ${note}`).join('\n')}\n`,
    );
  }
  io.out.write(
    `\n${renderTable(
      ['challenge', 'type', 'difficulty', 'checks', 'status'],
      rows.map((row) => [row.slug, row.type, row.difficulty, row.checks, row.status]),
    )}\n`,
  );

  let coverageProblems: string[] = [];
  if (isBank && checkCoverage && failures.length === 0) {
    coverageProblems = bankCoverage(packages.map((pkg) => pkg.manifest)).problems;
    if (coverageProblems.length > 0)
      io.out.write(`\nThe bank is not balanced:\n${coverageProblems.map((problem) => `  - ${problem}`).join('\n')}\n`);
  }
  const failedCount = rows.filter((row) => row.status === 'FAIL').length;
  const skipped = rows.filter((row) => row.status === 'skipped').length;
  io.out.write(
    `\n${rows.length} challenge(s): ${rows.length - failedCount - skipped} valid, ${failedCount} failed, ${skipped} not run\n`,
  );
  return failedCount > 0 || coverageProblems.length > 0 ? 1 : 0;
}
