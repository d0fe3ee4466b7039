import type { RubricRatings } from '@app/challenge-kit';
import type { AssessmentItemEntity, ChallengeVersionEntity, ReviewRubric } from '@app/db';
import { designOf, designScore } from './item-rubric.js';

export interface Person {
  id: string;
  name: string;
}

export interface OverrideView {
  sessionId: string;
  itemId: string;
  score: number;
  reason: string;
  by: Person;
  at: Date;
}

export interface ReviewView {
  sessionId: string;
  reviewer: Person;
  decision: string;
  rubric: ReviewRubric;
}

/** The final submission of an item (the last one counts), as scoring needs it. */
export interface FinalView {
  id: string;
  sessionId: string;
  assessmentItemId: string;
  status: string;
  verdict: string | null;
  score: number | null;
  answer: object | null;
}

export type ItemStatus = 'not_submitted' | 'judging' | 'scored' | 'pending_review';

export interface ItemResult {
  itemId: string;
  challengeSlug: string;
  challengeVersion: number;
  title: string;
  type: string;
  weight: number;
  competencies: string[];
  status: ItemStatus;
  /** The score that counts, 0..1: the override when there is one; null while not scored. */
  score: number | null;
  /** The computed score (tests, auto-graders, rubric), kept whatever the override. */
  autoScore: number | null;
  overridden: boolean;
  override: { score: number; reason: string; by: Person; at: Date } | null;
  verdict: string | null;
  submissionId: string | null;
  /** Position among everyone who submitted this challenge version, 0..100; null with fewer than two. */
  versionPercentile: number | null;
}

export interface SessionIdentity {
  sessionId: string;
  candidateName: string;
  candidateEmail: string;
  status: string;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface SessionResult extends SessionIdentity {
  /** Weighted over the items, 0..100; items not scored yet count as 0. */
  total: number;
  percentile: number | null;
  competencies: Record<string, number>;
  decisions: { reviewer: Person; decision: string }[];
  items: ItemResult[];
}

/** The computed score and status of one item of one session, before any override. */
export function computeItem(
  version: ChallengeVersionEntity,
  final: FinalView | undefined,
  reviews: readonly ReviewView[],
  itemId: string,
): { status: ItemStatus; autoScore: number | null } {
  if (!final) return { status: 'not_submitted', autoScore: null };
  if (final.status !== 'finished' && version.type !== 'system-design') return { status: 'judging', autoScore: null };
  const design = designOf(version);
  if (design) {
    const ratings = reviews.flatMap((review) =>
      review.rubric[itemId] ? [review.rubric[itemId] as RubricRatings] : [],
    );
    const score = designScore(design, final.answer, ratings);
    return score === null ? { status: 'pending_review', autoScore: null } : { status: 'scored', autoScore: score };
  }
  return final.score === null
    ? { status: 'pending_review', autoScore: null }
    : { status: 'scored', autoScore: final.score };
}

export interface ScoringContext {
  items: AssessmentItemEntity[];
  finals: readonly FinalView[];
  overrides: readonly OverrideView[];
  reviews: readonly ReviewView[];
  /** Scores of everyone who submitted each challenge version, by version id. */
  versionScores: ReadonlyMap<string, number[]>;
}

export function scoreSession(identity: SessionIdentity, context: ScoringContext): SessionResult {
  const id = identity.sessionId;
  const finals = new Map(context.finals.filter((s) => s.sessionId === id).map((s) => [s.assessmentItemId, s]));
  const overrides = new Map(context.overrides.filter((o) => o.sessionId === id).map((o) => [o.itemId, o]));
  const reviews = context.reviews.filter((review) => review.sessionId === id);
  const items = context.items.map((item): ItemResult => {
    const version = item.challengeVersion!;
    const final = finals.get(item.id);
    const computed = computeItem(version, final, reviews, item.id);
    const override = overrides.get(item.id);
    const score = override ? override.score : computed.autoScore;
    const population = context.versionScores.get(version.id) ?? [];
    return {
      itemId: item.id,
      challengeSlug: version.challenge!.slug,
      challengeVersion: version.version,
      title: version.title,
      type: version.type,
      weight: item.weight,
      competencies: version.competencies,
      status: override ? 'scored' : computed.status,
      score,
      autoScore: computed.autoScore,
      overridden: override !== undefined,
      override: override ? { score: override.score, reason: override.reason, by: override.by, at: override.at } : null,
      verdict: final?.verdict ?? null,
      submissionId: final?.id ?? null,
      versionPercentile: final && score !== null ? percentileOf(score, population) : null,
    };
  });
  const weighted = (tagged: ItemResult[]) => {
    const weight = tagged.reduce((sum, item) => sum + item.weight, 0);
    return weight === 0 ? 0 : (tagged.reduce((sum, item) => sum + item.weight * (item.score ?? 0), 0) / weight) * 100;
  };
  const competencies: Record<string, number> = {};
  for (const competency of new Set(items.flatMap((item) => item.competencies))) {
    competencies[competency] = round1(weighted(items.filter((item) => item.competencies.includes(competency))));
  }
  return {
    ...identity,
    total: round1(weighted(items)),
    percentile: null,
    competencies,
    decisions: reviews.map((review) => ({ reviewer: review.reviewer, decision: review.decision })),
    items,
  };
}

/** Ranks results by total and gives each its percentile within them. */
export function rank<T extends SessionResult>(results: T[]): T[] {
  const totals = results.map((result) => result.total);
  for (const result of results) result.percentile = percentileOf(result.total, totals);
  return results.sort((a, b) => b.total - a.total || a.startedAt.getTime() - b.startedAt.getTime());
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Share of the others scoring strictly less, plus half of the ties (the usual mid-rank definition). */
export function percentileOf(value: number, all: number[]): number | null {
  if (all.length < 2) return null;
  const below = all.filter((other) => other < value).length;
  const ties = all.filter((other) => other === value).length - 1;
  return Math.round(((below + Math.max(0, ties) / 2) / (all.length - 1)) * 100);
}

/** RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
