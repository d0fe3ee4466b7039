/** Every verdict a submission or a test can end with, as the API, the judge and the client know them. */
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

export const SUBMISSION_KINDS = ['run', 'final', 'rejudge'] as const;
/**
 * A run checks the sample tests and is not scored; a final submission runs every test and counts; a
 * rejudge is staff judging a past final submission again against another challenge version (it never
 * replaces the final submission's score, and the candidate never sees it).
 */
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

export const SUBMISSION_STATUSES = ['queued', 'running', 'finished'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
