/** The pg-boss queue the API fills and the judges drain. */
export const JUDGE_QUEUE = 'judge-submission';

/** Jobs carry ids only: everything else is read from the database by the judge. */
export interface JudgeJobData {
  submissionId: string;
}

/** Attempts before a submission that keeps killing its judge is finalised with an explanation. */
export const JUDGE_JOB_RETRY_LIMIT = 2;

/** The pg-boss queue of uploaded code and SQL challenges waiting for the judge to run their solutions. */
export const CHALLENGE_VERIFICATION_QUEUE = 'verify-challenge-version';

export interface ChallengeVerificationJobData {
  challengeVersionId: string;
}
