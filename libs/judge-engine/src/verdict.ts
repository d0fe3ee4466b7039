/**
 * Verdicts and result shapes of the judge. Shared with the API later (the lead moves them to
 * `@app/contracts`), so they hold plain data only: no classes, no functions of the engine.
 */
export const VERDICTS = [
  'ACCEPTED',
  'WRONG_ANSWER',
  'TIME_LIMIT_EXCEEDED',
  'MEMORY_LIMIT_EXCEEDED',
  'RUNTIME_ERROR',
  'COMPILATION_ERROR',
  'OUTPUT_LIMIT_EXCEEDED',
  'INTERNAL_ERROR',
] as const;

export type Verdict = (typeof VERDICTS)[number];

/** Verdicts a sandboxed run can end with when the candidate's code never produced a result to grade. */
export type FailureVerdict = Exclude<Verdict, 'ACCEPTED' | 'WRONG_ANSWER' | 'COMPILATION_ERROR'>;

export const LANGUAGES = ['javascript', 'typescript'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Only sample (visible) tests carry these; every string is already size-capped. */
export interface SampleDetails {
  input: string;
  expected: string;
  actual: string;
}

/** The outcome of one test of a submission. */
export interface TestOutcome {
  /** Stable id within the submission (the test's `name` for planned tests, a path for discovered ones). */
  testId: string;
  name: string;
  sample: boolean;
  weight: number;
  verdict: Verdict;
  /** For hidden tests the message never quotes test data (inputs, expected values, candidate output). */
  message: string;
  /** Wall time of the test in the sandbox, milliseconds. */
  timeMs: number;
  /** CPU time the isolate spent on the test, milliseconds. */
  cpuMs: number;
  /** Console output of the candidate's code during the test: sample tests only, capped with a marker. */
  console?: string;
  /** Sample tests only. */
  details?: SampleDetails;
}

export interface CompileError {
  message: string;
  /** 1-based line in the candidate's source. */
  line: number;
  /** 1-based column in the candidate's source. */
  column: number;
}

export interface JudgeResult {
  verdict: Verdict;
  message: string;
  tests: TestOutcome[];
  /** Sum of the weights of the accepted tests, and of all tests. */
  score: { passed: number; total: number };
  compileError?: CompileError;
  /** Wall time of the whole submission, from dispatch to the last test, milliseconds. */
  timeMs: number;
  cpuMs: number;
}
