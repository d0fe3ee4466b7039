/** The pg-boss queue of similarity screenings: one job per final code submission, drained by the judges. */
export const INTEGRITY_QUEUE = 'integrity-screen';

/** Jobs carry ids only: the screener reads the submission, its challenge and the index from the database. */
export interface IntegrityJobData {
  submissionId: string;
}

/** What the candidate's editor reports about how an answer is written. */
export const ACTIVITY_EVENT_KINDS = ['paste', 'focus_lost', 'focus_returned', 'large_insertion'] as const;
export type ActivityEventKind = (typeof ACTIVITY_EVENT_KINDS)[number];

/** Shown to the candidate before they start (CandidateSessionDto.recording): what is recorded and why. */
export const RECORDING_NOTICE = {
  recorded: [
    'Snapshots of your answers as you write them (at most one every two seconds), for a playback of how each answer was written',
    'Pastes and other large insertions into the editor: their size and time, never the clipboard content',
    'When this window loses and regains focus: times only, never what you looked at',
    'Your runs and submissions, and how similar your final code is to other submissions of the same challenge',
  ],
  notice:
    'Assay records how your answers are written so that reviewers can trust your score. ' +
    'Nothing is rejected automatically: a person looks at anything unusual, and your code is never shared with other candidates.',
} as const;
