/**
 * The API's shapes as the browser sees them (JSON: dates are ISO strings). Sections marked
 * "contract" follow issues 5 and 6 for routes the API does not serve yet: the screens built on
 * them show the API's answer (a 404 today) until it does.
 */

export const STAFF_ROLES = ['admin', 'recruiter', 'interviewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  organizationId: string;
}

export interface AuthSession {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: StaffUser;
}

export interface SignupInput {
  organizationName: string;
  name: string;
  email: string;
  password: string;
}

export interface LoginInput {
  email: string;
  password: string;
}

export interface NewMemberInput {
  email: string;
  name: string;
  password: string;
  role: StaffRole;
}

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const CHALLENGE_TYPES = [
  'coding',
  'class',
  'stdio',
  'spec',
  'api-design',
  'resilience',
  'bug-fix',
  'sql',
  'system-design',
  'code-review',
  'quiz',
] as const;
export type ChallengeType = (typeof CHALLENGE_TYPES)[number];

/** Types answered with JavaScript or TypeScript and judged by the judge engine. */
export const CODE_TYPES: readonly string[] = [
  'coding',
  'class',
  'stdio',
  'spec',
  'api-design',
  'resilience',
  'bug-fix',
];

export const COMPETENCIES = [
  'api-design',
  'data-modeling',
  'architecture',
  'security',
  'cloud-infra',
  'delivery',
  'operations',
  'code-quality',
  'leadership',
  'programming',
] as const;

export const CODE_LANGUAGES = ['typescript', 'javascript', 'sql'] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

/** Contract: `GET /challenges?type&competency&difficulty` (the current version of each). */
export interface ChallengeSummary {
  slug: string;
  title: string;
  summary?: string;
  type: string;
  difficulty: string;
  competencies: string[];
  estimatedMinutes: number;
  languages?: string[];
  version?: number;
}

export interface ChallengeFilter {
  type?: string;
  competency?: string;
  difficulty?: string;
}

export interface AssessmentItem {
  id: string;
  position: number;
  challengeSlug: string;
  challengeVersion: number;
  title: string;
  type: string;
  difficulty: string;
  competencies: string[];
  estimatedMinutes: number;
  weight: number;
}

export interface Assessment {
  id: string;
  title: string;
  durationMinutes: number;
  estimatedMinutes: number;
  createdAt: string;
  items: AssessmentItem[];
}

export interface NewAssessmentInput {
  title: string;
  durationMinutes: number;
  items: { challengeSlug: string; weight?: number }[];
}

export interface NewInviteInput {
  candidateName: string;
  candidateEmail: string;
  expiresInHours?: number;
}

export interface Invite {
  id: string;
  token: string;
  url: string;
  expiresAt: string;
}

// ---- Candidate ----

export type SessionStatus = 'in_progress' | 'finished';

export interface SourceFile {
  path?: string;
  language: string;
  content: string;
}

/** A sample test as authored: public by definition. */
export type SampleTest = Record<string, unknown> & { name: string };

export interface ItemDraft {
  language?: string | null;
  code?: string | null;
  answer?: Record<string, unknown> | null;
  savedAt?: string;
}

export interface CandidateItem {
  id: string;
  position: number;
  challengeSlug: string;
  type: string;
  title: string;
  /** `not_started`, `draft_saved`, and (contract) `submitted`. */
  status: string;
  // Contract fields of `GET /candidate/session`: absent until the API sends them.
  statement?: string;
  languages?: string[];
  starters?: SourceFile[];
  sampleTests?: SampleTest[];
  /** Type-specific public material: the diff of a review, quiz questions, design sections. */
  material?: Record<string, unknown>;
  draft?: ItemDraft | null;
  estimatedMinutes?: number;
  difficulty?: string;
}

export interface CandidateSession {
  id: string;
  status: SessionStatus;
  startedAt: string;
  deadline: string;
  remainingSeconds: number;
  items: CandidateItem[];
  title?: string;
}

export interface StartedSession {
  sessionToken: string;
  session: CandidateSession;
}

export interface CodeDraft {
  language: string;
  code: string;
}

export interface AnswerDraft {
  answer: Record<string, unknown>;
}

export type DraftBody = CodeDraft | AnswerDraft;

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

/** Contract: a test's outcome; input, expected and actual only for sample tests. */
export interface TestOutcome {
  index?: number;
  name: string;
  sample: boolean;
  verdict: string;
  timeMs?: number;
  message?: string;
  input?: unknown;
  expected?: unknown;
  actual?: unknown;
}

export type SubmissionStatus = 'queued' | 'running' | 'finished';

/** Contract: `GET /candidate/submissions/:id`. */
export interface Submission {
  id: string;
  kind: 'run' | 'final';
  status: SubmissionStatus;
  verdict: string | null;
  score: number | null;
  tests: TestOutcome[];
  message?: string;
}

// ---- Staff review (contract) ----

export const DECISIONS = ['strong_no', 'no', 'yes', 'strong_yes'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface SessionSummary {
  id: string;
  candidateName: string;
  candidateEmail?: string;
  status: string;
  startedAt?: string;
  finishedAt?: string | null;
  total?: number | null;
  decision?: Decision | null;
  assessmentId?: string;
}

export interface LineComment {
  id: string;
  line: number;
  body: string;
  authorName?: string;
  createdAt?: string;
  file?: string;
  category?: string;
}

export interface FinalSubmission {
  id: string;
  language?: string | null;
  code?: string | null;
  answer?: Record<string, unknown> | null;
  verdict?: string | null;
  score?: number | null;
  tests: TestOutcome[];
  comments?: LineComment[];
  submittedAt?: string;
}

export interface RubricLevel {
  score: number;
  label: string;
  anchor?: string;
}

export interface RubricCriterion {
  id: string;
  title: string;
  description?: string;
  levels: RubricLevel[];
}

export interface ReviewItem {
  id: string;
  position?: number;
  challengeSlug: string;
  title: string;
  type: string;
  competencies?: string[];
  weight?: number;
  /** In [0, 1]; null while pending (system design before review). */
  score?: number | null;
  overridden?: boolean;
  status?: string;
  statement?: string;
  material?: Record<string, unknown>;
  draft?: ItemDraft | null;
  finalSubmission?: FinalSubmission | null;
  rubric?: RubricCriterion[];
}

/** A level per criterion of each item's own rubric: item id → criterion id → the level's score. */
export type RubricLevels = Record<string, Record<string, number>>;

export interface Review {
  rubric: RubricLevels;
  decision: Decision;
  summary: string;
  reviewerName?: string;
  updatedAt?: string;
}

export interface SessionDetail {
  id: string;
  assessmentId?: string;
  assessmentTitle?: string;
  candidateName: string;
  candidateEmail?: string;
  status: string;
  startedAt?: string;
  deadline?: string;
  finishedAt?: string | null;
  total?: number | null;
  items: ReviewItem[];
  rubric?: RubricCriterion[];
  review?: Review | null;
  integrityReview?: IntegrityReviewMark;
}

export interface PlaybackSnapshot {
  at: string;
  language?: string | null;
  code?: string | null;
  answer?: Record<string, unknown> | null;
}

export interface ReviewInput {
  rubric: RubricLevels;
  decision: Decision;
  summary: string;
}

// ---- Results (contract) ----

/** Whether a person should look at a session's integrity before trusting its score, and why (never a verdict). */
export interface IntegrityReviewMark {
  suggested: boolean;
  reasons: string[];
}

export interface ItemResult {
  itemId: string;
  title?: string;
  challengeSlug?: string;
  score: number | null;
  status?: string;
  overridden?: boolean;
}

export interface SessionResult {
  sessionId: string;
  candidateName: string;
  status: string;
  /** In [0, 1], or null while something is pending. */
  total: number | null;
  /** In [0, 100]. */
  percentile: number | null;
  competencies: Record<string, number | null>;
  items: ItemResult[];
  decision?: Decision | null;
  integrityReview?: IntegrityReviewMark;
}

export interface Comparison {
  sessions: SessionResult[];
  items?: { itemId: string; title: string; challengeSlug?: string; competencies?: string[] }[];
  competencies?: string[];
}

// ---- Integrity (GET /sessions/:id/timeline) ----

export interface TimelineEntry {
  at: string;
  /** `snapshot`, `paste`, `large_insertion`, `focus_lost`, `focus_returned`, `run`, `submission`. */
  type: string;
  itemId: string;
  length?: number;
  lines?: number;
  delta?: number;
  awayMs?: number;
  submissionId?: string;
  verdict?: string | null;
}

export interface IntegritySignal {
  kind: string;
  itemId: string;
  at: string;
  reason: string;
}

export interface SessionTimeline {
  sessionId: string;
  entries: TimelineEntry[];
  signals: IntegritySignal[];
}

// ---- Score audit (GET /sessions/:id/score-audit) ----

/** One change of an item's score by a person, oldest first; `from`/`to` in [0, 1], null = the computed score. */
export interface ScoreChange {
  id: string;
  sessionId: string;
  itemId: string;
  from: number | null;
  to: number | null;
  reason: string;
  by: { id: string; name: string };
  at: string;
}

// ---- Webhooks (admin) ----

export const WEBHOOK_EVENTS = ['session.completed', 'review.submitted', 'score.overridden'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookEndpoint {
  id: string;
  url: string;
  events: WebhookEvent[];
  description: string | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  /** Only in the answer that created the endpoint with a generated secret: shown this once. */
  secret?: string;
}

export interface WebhookAttempt {
  attempt: number;
  at: string;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

export interface WebhookDelivery {
  id: string;
  event: WebhookEvent;
  /** `pending`, `delivered`, `failed` or `cancelled`. */
  status: string;
  createdAt: string;
  deliveredAt: string | null;
  attempts: WebhookAttempt[];
}
