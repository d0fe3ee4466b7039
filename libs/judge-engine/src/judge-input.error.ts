/** Why the engine refused a submission before judging it: the caller's or the challenge author's data. */
export enum JudgeInputErrorCode {
  InvalidSubmission = 'INVALID_SUBMISSION',
  UnknownHarness = 'UNKNOWN_HARNESS',
  InvalidHarnessData = 'INVALID_HARNESS_DATA',
  InvalidLimits = 'INVALID_LIMITS',
}

export class JudgeInputError extends Error {
  constructor(
    readonly code: JudgeInputErrorCode,
    /** Where in the submission, e.g. `tests[2].expected`. */
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'JudgeInputError';
  }
}

/** The engine was stopped, or could not keep a worker process alive. */
export class JudgeEngineUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JudgeEngineUnavailableError';
  }
}
