import type { SampleDetailsPayload, SubmissionKind, Verdict } from '@app/contracts';
import type { StoredDefinition } from './stored-definition.js';

/** One graded test of a submission, as it is stored and streamed (`test.finished`). */
export interface GradedTest {
  name: string;
  sample: boolean;
  weight: number;
  verdict: Verdict;
  timeMs: number;
  /** For hidden tests it never quotes test data. */
  message: string;
  /** Sample tests only. */
  details?: SampleDetailsPayload;
}

/** How a submission ends. */
export interface ItemGrade {
  verdict: Verdict;
  /** 0..1; null for runs. */
  score: number | null;
  message: string;
  /** Whether the candidate may see the score (false for answers: it would reveal the key bit by bit). */
  scoreShownToCandidate: boolean;
  /** Staff-only breakdown of an answer's grade (questions, defects, estimates). */
  grading?: Record<string, unknown>;
}

/** What a grader needs of a submission. */
export interface GradingRequest {
  kind: SubmissionKind;
  type: string;
  definition: StoredDefinition;
  language: string | null;
  code: string | null;
  answer: object | null;
}

/** Grades the submissions of some challenge types; reports each test as soon as it is known. */
export interface ItemGrader {
  readonly types: readonly string[];
  grade(request: GradingRequest, onTest: (test: GradedTest) => void): Promise<ItemGrade>;
}
