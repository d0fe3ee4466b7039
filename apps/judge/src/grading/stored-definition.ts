import type { AuthoredTest, ChallengeManifest, ReferenceSolution, SourceFile } from '@app/challenge-kit';

/**
 * The parts of a stored challenge version the judge reads: the challenge kit's package, serialised
 * into `challenge_versions.definition` by the API's bank importer and uploads (`serializePackage`).
 */
export interface StoredDefinition {
  manifest?: Partial<ChallengeManifest>;
  tests?: Pick<AuthoredTest, 'raw'>[];
  testFiles?: Pick<SourceFile, 'path' | 'content'>[];
  solutions?: Pick<ReferenceSolution, 'path' | 'content'>[];
}

/** The challenge's own data cannot be judged (a broken package, a missing section): never the candidate's fault. */
export class UnjudgeableError extends Error {}

export function manifestOf(definition: StoredDefinition): Partial<ChallengeManifest> {
  const manifest = definition.manifest;
  if (typeof manifest !== 'object' || manifest === null) throw new UnjudgeableError('This challenge has no manifest.');
  return manifest;
}

/** Share of the weight of hidden tests passed (all tests when a challenge has no hidden ones), 0..1. */
export function weightedScore(tests: readonly { sample: boolean; weight: number; verdict: string }[]): number {
  const hidden = tests.filter((test) => !test.sample);
  const counted = hidden.length > 0 ? hidden : tests;
  const total = counted.reduce((sum, test) => sum + test.weight, 0);
  if (total === 0) return 0;
  const passed = counted.filter((test) => test.verdict === 'ACCEPTED').reduce((sum, test) => sum + test.weight, 0);
  return Math.round((passed / total) * 100_000) / 100_000;
}

/** `scoring.partialCredit: false` makes a challenge all or nothing. */
export function withScoringRule(definition: StoredDefinition, score: number): number {
  return definition.manifest?.scoring?.partialCredit === false && score < 1 ? 0 : score;
}
