import type { Submission } from '../judge-engine.js';
import type { JudgeLimits } from '../limits.js';
import type { Language } from '../verdict.js';

/** Test fixtures: submissions for the function harness with sensible defaults. */
export function newFunctionSubmission(
  source: string,
  overrides: {
    export?: string;
    language?: Language;
    tests?: unknown[];
    limits?: Partial<JudgeLimits>;
    harness?: Record<string, unknown>;
    sandbox?: Submission['sandbox'];
  } = {},
): Submission {
  return {
    language: overrides.language ?? 'javascript',
    source,
    harness: { kind: 'function', export: overrides.export ?? 'solve', ...overrides.harness },
    tests: overrides.tests ?? [
      { name: 'sample', sample: true, args: [1, 2], expected: 3 },
      { name: 'hidden', args: [20, 22], expected: 42 },
    ],
    limits: { timeLimitMs: 1_000, ...overrides.limits },
    ...(overrides.sandbox === undefined ? {} : { sandbox: overrides.sandbox }),
  };
}

export const CORRECT_SOLVE = 'module.exports = { solve: (a, b) => a + b };';
