import type { JudgeResult } from '@app/judge-engine';
import type { ChallengePackage, SourceFile } from '../package/challenge-package.js';
import { codeLanguageOf, submissionFor, type CodeJudge } from '../verification/challenge-verifier.js';
import { generateMutants, type Mutant, type Mutator } from './mutant-generator.js';

export type MutantStatus = 'killed' | 'survived' | 'timeout' | 'invalid';

export interface MutantOutcome {
  mutant: Omit<Mutant, 'source'>;
  status: MutantStatus;
  /** The first hidden test that failed, for a killed mutant. */
  killedBy?: string;
}

export interface MutationReport {
  slug: string;
  solution: string;
  /** Mutants that compile: killed + timeout + survived. */
  total: number;
  /** Killed by a hidden test (a time-out counts, as in StrykerJS). */
  killed: number;
  survived: number;
  /** Mutants that did not compile; not counted in `total`. */
  invalid: number;
  /** killed / total, 0..1 (1 when there is nothing to mutate). */
  score: number;
  byMutator: Partial<Record<Mutator, { killed: number; total: number }>>;
  outcomes: MutantOutcome[];
}

export interface MutationOptions {
  /** Mutants judged at once (the engine's workers run them in parallel). */
  concurrency?: number;
  /** Per-test time limit for mutants: an infinite loop should cost little. */
  timeLimitMs?: number;
  onMutant?: (outcome: MutantOutcome, done: number, total: number) => void;
}

function classify(result: JudgeResult): { status: MutantStatus; killedBy?: string } {
  if (result.verdict === 'COMPILATION_ERROR') return { status: 'invalid' };
  const hidden = result.tests.find((test) => !test.sample && test.verdict !== 'ACCEPTED');
  if (!hidden) return { status: 'survived' };
  return { status: hidden.verdict === 'TIME_LIMIT_EXCEEDED' ? 'timeout' : 'killed', killedBy: hidden.name };
}

/**
 * Mutation testing of one reference solution: every mutant is judged against the challenge's tests,
 * and counts as killed when a hidden test fails (sample tests are the candidate's; they do not count).
 */
export async function runMutation(
  pkg: ChallengePackage,
  solution: SourceFile,
  judge: CodeJudge,
  options: MutationOptions = {},
): Promise<MutationReport> {
  const language = codeLanguageOf(solution);
  if (!language) throw new Error(`${solution.path} is not JavaScript or TypeScript`);
  const mutants = await generateMutants(solution.content, language);
  const timeLimitMs = Math.min(pkg.manifest.limits.timeLimitMs ?? 2_000, options.timeLimitMs ?? 1_000);
  const outcomes: MutantOutcome[] = new Array<MutantOutcome>(mutants.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < mutants.length) {
      const index = next++;
      const { source, ...mutant } = mutants[index];
      const result = await judge.judge(submissionFor(pkg, language, source, { timeLimitMs }));
      const outcome: MutantOutcome = { mutant, ...classify(result) };
      outcomes[index] = outcome;
      done += 1;
      options.onMutant?.(outcome, done, mutants.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, () => worker()));

  const byMutator: MutationReport['byMutator'] = {};
  let killed = 0;
  let survived = 0;
  let invalid = 0;
  for (const outcome of outcomes) {
    if (outcome.status === 'invalid') {
      invalid += 1;
      continue;
    }
    const entry = (byMutator[outcome.mutant.mutator] ??= { killed: 0, total: 0 });
    entry.total += 1;
    if (outcome.status === 'survived') survived += 1;
    else {
      killed += 1;
      entry.killed += 1;
    }
  }
  const total = killed + survived;
  return {
    slug: pkg.slug,
    solution: solution.path,
    total,
    killed,
    survived,
    invalid,
    score: total === 0 ? 1 : killed / total,
    byMutator,
    outcomes,
  };
}
