import { JudgeInputError, JudgeInputErrorCode } from './judge-input.error.js';

/** Limits of a submission; the challenge sets them, the engine clamps them to its ceilings. */
export interface JudgeLimits {
  /** Wall-time limit of one test, ms (the CPU time is reported, not limited). */
  timeLimitMs: number;
  /** Wall-time budget of the whole submission, ms; also bounds the candidate's top-level code. */
  totalTimeMs: number;
  /** memoryLimit of the candidate's isolate, MB (isolated-vm treats it as a guideline: the worker's RSS is bounded too). */
  memoryLimitMb: number;
  /** Console output kept per test, characters; the rest is replaced by a truncation marker. */
  consoleLimit: number;
  /** Size of a result or of stdout per test, characters; beyond it the test is OUTPUT_LIMIT_EXCEEDED. */
  outputLimit: number;
}

export const DEFAULT_LIMITS: Readonly<JudgeLimits> = Object.freeze({
  timeLimitMs: 2_000,
  totalTimeMs: 30_000,
  memoryLimitMb: 64,
  consoleLimit: 64 * 1024,
  outputLimit: 1024 * 1024,
});

/** Hard floors and ceilings: a challenge cannot ask for more (or less) than these. */
export const LIMIT_BOUNDS: Readonly<Record<keyof JudgeLimits, readonly [number, number]>> = Object.freeze({
  timeLimitMs: [10, 15_000],
  totalTimeMs: [100, 120_000],
  memoryLimitMb: [16, 512],
  consoleLimit: [1024, 1024 * 1024],
  outputLimit: [1024, 16 * 1024 * 1024],
});

const LIMIT_KEYS = Object.keys(DEFAULT_LIMITS) as (keyof JudgeLimits)[];

/** Validates the types of authored limits and clamps each value into `LIMIT_BOUNDS`. */
export function resolveLimits(raw: unknown, defaults: Readonly<JudgeLimits> = DEFAULT_LIMITS): JudgeLimits {
  const limits: JudgeLimits = { ...defaults };
  if (raw === undefined || raw === null) return limits;
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new JudgeInputError(JudgeInputErrorCode.InvalidLimits, 'limits', 'must be an object');
  for (const [key, value] of Object.entries(raw)) {
    if (!LIMIT_KEYS.includes(key as keyof JudgeLimits)) {
      throw new JudgeInputError(
        JudgeInputErrorCode.InvalidLimits,
        `limits.${key}`,
        `is not a known limit (known: ${LIMIT_KEYS.join(', ')})`,
      );
    }
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new JudgeInputError(JudgeInputErrorCode.InvalidLimits, `limits.${key}`, 'must be a positive number');
    }
    const [floor, ceiling] = LIMIT_BOUNDS[key as keyof JudgeLimits];
    limits[key as keyof JudgeLimits] = Math.min(ceiling, Math.max(floor, Math.round(value)));
  }
  return limits;
}
