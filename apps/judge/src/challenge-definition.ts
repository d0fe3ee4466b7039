import { LANGUAGES, type Language, type Submission } from '@app/judge-engine';

/**
 * The parts of a stored challenge version the judge reads (the challenge kit's package, serialised
 * into `challenge_versions.definition`): the engine's harness section, the authored tests, limits.
 */
export interface StoredDefinition {
  manifest?: {
    type?: string;
    harness?: { kind: string } & Record<string, unknown>;
    limits?: { timeLimitMs?: number; memoryLimitMb?: number; totalTimeMs?: number };
  };
  tests?: { raw?: Record<string, unknown> }[];
}

export class UnjudgeableError extends Error {}

/** The engine's submission for a candidate's code: runs get the sample tests only. */
export function toEngineSubmission(
  definition: StoredDefinition,
  code: { language: string | null; source: string | null },
  onlySamples: boolean,
): Submission {
  const harness = definition.manifest?.harness;
  if (!harness) throw new UnjudgeableError('This challenge has no test harness.');
  if (!LANGUAGES.includes(code.language as Language)) {
    throw new UnjudgeableError(
      `This challenge is judged in ${LANGUAGES.join(' or ')}, not ${code.language ?? 'no language'}.`,
    );
  }
  const tests = (definition.tests ?? [])
    .map((test) => test.raw ?? {})
    .filter((raw) => !onlySamples || raw.sample === true);
  const limits = definition.manifest?.limits ?? {};
  return {
    language: code.language as Language,
    source: code.source ?? '',
    harness,
    tests,
    limits: {
      ...(limits.timeLimitMs === undefined ? {} : { timeLimitMs: limits.timeLimitMs }),
      ...(limits.memoryLimitMb === undefined ? {} : { memoryLimitMb: limits.memoryLimitMb }),
      ...(limits.totalTimeMs === undefined ? {} : { totalTimeMs: limits.totalTimeMs }),
    },
  };
}
