import { resolve } from 'node:path';
import {
  formatProblem,
  isCodeType,
  loadBank,
  runMutation,
  SECTION_CHECKS,
  type MutationReport,
} from '@app/challenge-kit';
import { JudgeEngine } from '@app/judge-engine';
import { ProgressBar } from './progress-bar.js';
import { renderTable } from './summary-table.js';
import type { CommandIo } from './validate.command.js';

/** The issue's bar: hidden tests kill at least 90 % of a reference solution's mutants. */
export const MUTATION_THRESHOLD = 0.9;

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index < 0 ? undefined : args[index + 1];
}

/**
 * `mutate [slug...] [--bank <folder>] [--verbose] [--json <file>]`: mutation testing of the reference
 * solutions of code challenges. Exit 1 when a reference scores below the threshold.
 */
export async function mutateCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const bankRoot = resolve(option(args, '--bank') ?? 'challenges');
  const jsonFile = option(args, '--json');
  const verbose = args.includes('--verbose');
  const slugs = args.filter(
    (arg, index) => !arg.startsWith('--') && !['--bank', '--json'].includes(args[index - 1] ?? ''),
  );
  const bank = await loadBank(bankRoot, { sectionChecks: SECTION_CHECKS });
  for (const { folder, error } of bank.failures)
    io.err.write(
      `${folder} does not load:\n${error.problems.map((problem) => `  - ${formatProblem(problem)}`).join('\n')}\n`,
    );
  const unknown = slugs.filter((slug) => !bank.challenges.some((pkg) => pkg.slug === slug));
  if (unknown.length > 0) {
    io.err.write(`No challenge ${unknown.join(', ')} in ${bankRoot}\n`);
    return 1;
  }
  const targets = bank.challenges.filter(
    (pkg) => isCodeType(pkg.manifest.type) && (slugs.length === 0 || slugs.includes(pkg.slug)),
  );
  const engine = await JudgeEngine.start({ workers: 2 });
  const reports: MutationReport[] = [];
  try {
    for (const pkg of targets) {
      for (const solution of pkg.solutions) {
        let progress: ProgressBar | undefined;
        const report = await runMutation(pkg, solution, engine, {
          concurrency: 4,
          onMutant: (outcome, _done, total) => {
            progress ??= new ProgressBar(io.err, total);
            progress.tick(`${pkg.slug} #${outcome.mutant.id} ${outcome.status}`);
          },
        });
        progress?.finish();
        reports.push(report);
        const survivors = report.outcomes.filter((outcome) => outcome.status === 'survived');
        if (verbose || report.score < MUTATION_THRESHOLD) {
          for (const { mutant } of survivors) {
            io.out.write(
              `  survived ${pkg.slug} ${solution.path}:${mutant.line}:${mutant.column} ${mutant.mutator}: ${JSON.stringify(mutant.original.slice(0, 60))} -> ${JSON.stringify(mutant.replacement)}\n`,
            );
          }
        }
      }
    }
  } finally {
    await engine.stop();
  }
  const rows = reports.map((report) => [
    report.slug,
    report.solution,
    `${report.killed}/${report.total}`,
    `${(report.score * 100).toFixed(1)} %`,
    report.score >= MUTATION_THRESHOLD ? 'ok' : 'LOW',
  ]);
  io.out.write(`\n${renderTable(['challenge', 'solution', 'killed', 'score', 'status'], rows)}\n`);
  const killed = reports.reduce((sum, report) => sum + report.killed, 0);
  const total = reports.reduce((sum, report) => sum + report.total, 0);
  io.out.write(
    `\n${reports.length} reference solution(s), ${killed}/${total} mutants killed by hidden tests (${total === 0 ? 100 : ((killed / total) * 100).toFixed(1)} %); threshold ${MUTATION_THRESHOLD * 100} % per solution\n`,
  );
  if (jsonFile) {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(jsonFile, `${JSON.stringify(reports, null, 2)}\n`);
  }
  return bank.failures.length > 0 || reports.some((report) => report.score < MUTATION_THRESHOLD) ? 1 : 0;
}
