/**
 * The staff routes' answers, as the API sends them, turned into what the screens read. The API gives
 * totals, competency scores and percentiles in [0, 100] and item scores in [0, 1]; the screens show
 * every score from [0, 1]. Keeping the mapping here means a change of the API touches one file.
 */
import type {
  Assessment,
  Comparison,
  Decision,
  FinalSubmission,
  IntegrityReviewMark,
  LineComment,
  Review,
  ReviewInput,
  ReviewItem,
  RubricCriterion,
  RubricLevels,
  SessionDetail,
  SessionResult,
  SessionSummary,
  TestOutcome,
} from './api-types.js';

interface WireDecision {
  reviewer?: { id: string; name: string };
  decision: Decision;
}

interface WireRubricCriterion {
  id: string;
  title: string;
  description?: string;
  levels: { score: number; anchor?: string; label?: string }[];
}

/** `items[].rubric` is `{source, criteria}` on the server; older builds sent the criteria alone. */
type WireRubric = WireRubricCriterion[] | { source?: string; criteria: WireRubricCriterion[] };

interface WireItemResult {
  itemId: string;
  challengeSlug?: string;
  score: number | null;
  status?: string;
  overridden?: boolean;
  rubric?: WireRubric | null;
}

export function toRubric(wire: WireRubric | null | undefined): RubricCriterion[] | undefined {
  if (!wire) return undefined;
  const criteria = Array.isArray(wire) ? wire : wire.criteria;
  if (!Array.isArray(criteria)) return undefined;
  return criteria.map((criterion) => ({
    id: criterion.id,
    title: criterion.title,
    description: criterion.description,
    levels: criterion.levels.map((level) => ({ score: level.score, label: level.label ?? '', anchor: level.anchor })),
  }));
}

/**
 * `PUT /sessions/:id/review` rates per item, on each item's own rubric: only the criteria of that rubric
 * are sent, and an item with nothing rated is left out.
 */
export function toReviewBody(review: ReviewInput, items: ReviewItem[]): Record<string, unknown> {
  const rubric: Record<string, Record<string, { score: number }>> = {};
  for (const item of items) {
    const ratings: Record<string, { score: number }> = {};
    for (const criterion of item.rubric ?? []) {
      const score = review.rubric[item.id]?.[criterion.id];
      if (score !== undefined) ratings[criterion.id] = { score };
    }
    if (Object.keys(ratings).length > 0) rubric[item.id] = ratings;
  }
  return { decision: review.decision, summary: review.summary, rubric };
}

/** The server's review (per item, per criterion) as the form holds it. */
export function toReview(wire: {
  decision: Decision;
  summary: string;
  rubric?: Record<string, Record<string, { score: number }>>;
  reviewer?: { name: string };
  updatedAt?: string;
}): Review {
  const levels: RubricLevels = {};
  for (const [itemId, ratings] of Object.entries(wire.rubric ?? {})) {
    levels[itemId] = Object.fromEntries(Object.entries(ratings).map(([id, rating]) => [id, rating.score]));
  }
  return {
    decision: wire.decision,
    summary: wire.summary,
    rubric: levels,
    reviewerName: wire.reviewer?.name,
    updatedAt: wire.updatedAt,
  };
}

export interface WireSessionResult {
  sessionId: string;
  candidateName: string;
  candidateEmail?: string;
  status: string;
  startedAt?: string;
  finishedAt?: string | null;
  total: number | null;
  percentile: number | null;
  competencies: Record<string, number | null>;
  items: WireItemResult[];
  decisions?: WireDecision[];
  integrityReview?: IntegrityReviewMark;
}

interface WireComment {
  id: string;
  line: number;
  body: string;
  file?: string;
  author?: { id: string; name: string };
  createdAt?: string;
}

interface WireSubmission {
  id: string;
  itemId: string;
  language?: string | null;
  code?: string | null;
  answer?: Record<string, unknown> | null;
  verdict?: string | null;
  score?: number | null;
  createdAt?: string;
  tests: TestOutcome[];
  comments?: WireComment[];
}

export interface WireSessionDetail extends WireSessionResult {
  assessmentId: string;
  deadline?: string;
  submissions: WireSubmission[];
  /** Every interviewer's review of the session. */
  reviews?: (Parameters<typeof toReview>[0] & { reviewer: { id: string; name: string } })[];
}

const fraction = (value: number | null | undefined): number | null =>
  value === null || value === undefined ? null : value / 100;

/** The latest decision when several interviewers decided (the board shows one). */
function decisionOf(decisions: WireDecision[] | undefined): Decision | null {
  return decisions && decisions.length > 0 ? decisions[decisions.length - 1].decision : null;
}

export function toSessionResult(wire: WireSessionResult): SessionResult {
  return {
    sessionId: wire.sessionId,
    candidateName: wire.candidateName,
    status: wire.status,
    total: fraction(wire.total),
    percentile: wire.percentile,
    competencies: Object.fromEntries(Object.entries(wire.competencies).map(([id, score]) => [id, fraction(score)])),
    items: wire.items.map((item) => ({
      itemId: item.itemId,
      challengeSlug: item.challengeSlug,
      score: item.score,
      status: item.status,
      overridden: item.overridden,
    })),
    decision: decisionOf(wire.decisions),
    integrityReview: wire.integrityReview,
  };
}

export function toSessionSummary(wire: WireSessionResult, assessmentId: string): SessionSummary {
  return {
    id: wire.sessionId,
    candidateName: wire.candidateName,
    candidateEmail: wire.candidateEmail,
    status: wire.status,
    startedAt: wire.startedAt,
    finishedAt: wire.finishedAt,
    total: fraction(wire.total),
    decision: decisionOf(wire.decisions),
    assessmentId,
  };
}

export function toLineComment(wire: WireComment): LineComment {
  return {
    id: wire.id,
    line: wire.line,
    body: wire.body,
    file: wire.file,
    authorName: wire.author?.name,
    createdAt: wire.createdAt,
  };
}

function toFinalSubmission(wire: WireSubmission): FinalSubmission {
  return {
    id: wire.id,
    language: wire.language,
    code: wire.code,
    answer: wire.answer,
    verdict: wire.verdict,
    score: wire.score,
    tests: wire.tests,
    comments: (wire.comments ?? []).map(toLineComment),
    submittedAt: wire.createdAt,
  };
}

/** `GET /sessions/:id` with its assessment (titles and order of the items). */
/** `reviewerId`: the signed-in member of staff, whose saved review the form starts from. */
export function toSessionDetail(
  wire: WireSessionDetail,
  assessment: Assessment | null,
  reviewerId?: string,
): SessionDetail {
  const own = wire.reviews?.find((review) => review.reviewer.id === reviewerId);
  const results = new Map(wire.items.map((item) => [item.itemId, item]));
  const finals = new Map(wire.submissions.map((submission) => [submission.itemId, submission]));
  const items: ReviewItem[] = (assessment?.items ?? []).map((item) => {
    const result = results.get(item.id);
    const final = finals.get(item.id);
    return {
      id: item.id,
      position: item.position,
      challengeSlug: item.challengeSlug,
      title: item.title,
      type: item.type,
      competencies: item.competencies,
      weight: item.weight,
      score: result?.score ?? null,
      overridden: result?.overridden,
      status: result?.status,
      rubric: toRubric(result?.rubric),
      finalSubmission: final ? toFinalSubmission(final) : null,
    };
  });
  return {
    id: wire.sessionId,
    assessmentId: wire.assessmentId,
    assessmentTitle: assessment?.title,
    candidateName: wire.candidateName,
    candidateEmail: wire.candidateEmail,
    status: wire.status,
    startedAt: wire.startedAt,
    deadline: wire.deadline,
    finishedAt: wire.finishedAt,
    total: fraction(wire.total),
    items,
    integrityReview: wire.integrityReview,
    review: own ? toReview(own) : null,
  };
}

/** `GET /assessments/:id/compare`: the candidates in the order asked. */
export function toComparison(wire: {
  items?: Comparison['items'];
  competencies?: string[];
  candidates: WireSessionResult[];
}): Comparison {
  return { items: wire.items, competencies: wire.competencies, sessions: wire.candidates.map(toSessionResult) };
}
