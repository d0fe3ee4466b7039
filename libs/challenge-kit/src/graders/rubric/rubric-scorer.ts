import type { Competency } from '../../package/challenge-types.js';
import { DefinitionReader, fieldPath } from '../definition/definition-reader.js';
import type { Rubric } from './rubric.definition.js';

/** An interviewer's choice for one criterion: one of its level scores, with an optional note. */
export interface RubricRating {
  score: number;
  note?: string;
}

/** Ratings by criterion id. */
export type RubricRatings = Readonly<Record<string, RubricRating>>;

export interface CriterionScore {
  criterionId: string;
  weight: number;
  /** The chosen level, absent when the criterion is not rated yet. */
  level?: { score: number; anchor: string };
  /** Where the level sits between the lowest (0) and the highest (1) level. */
  fraction: number;
  note?: string;
}

export interface RubricGrade {
  /** Weighted mean of the criteria's fractions, in [0, 1]; unrated criteria count as 0. */
  score: number;
  /** False while some criterion is unrated: `missing` lists them. */
  complete: boolean;
  missing: string[];
  criteria: CriterionScore[];
  /** Weighted mean per competency, over the criteria tagged with it. */
  byCompetency: Partial<Record<Competency, number>>;
}

/** Reads an interviewer's ratings: unknown criteria and scores that are not one of the criterion's levels are refused. */
export function parseRubricRatings(raw: unknown, rubric: Rubric, subject = 'The rubric ratings'): RubricRatings {
  const reader = new DefinitionReader(subject);
  const fields = reader.object(
    raw,
    '',
    rubric.criteria.map((criterion) => criterion.id),
  );
  const ratings = Object.create(null) as Record<string, RubricRating>;
  for (const criterion of rubric.criteria) {
    if (fields[criterion.id] === undefined) continue;
    const ratingFields = reader.object(fields[criterion.id], criterion.id, ['score', 'note']);
    const score = reader.number(ratingFields, 'score', criterion.id, { min: 0, max: 100 });
    const allowed = criterion.levels.map((level) => level.score);
    if (typeof ratingFields.score === 'number' && !allowed.includes(score)) {
      reader.report(
        fieldPath(criterion.id, 'score'),
        `must be one of the levels of ${criterion.id}: ${allowed.join(', ')} (got ${score})`,
      );
    }
    const rating: RubricRating = { score };
    const note = reader.optionalString(ratingFields, 'note', criterion.id, { maxLength: 5000 });
    if (note !== undefined) rating.note = note;
    ratings[criterion.id] = rating;
  }
  return reader.done(ratings);
}

/**
 * Scores a rubric from the chosen levels. A level counts as (score - lowest) / (highest - lowest),
 * so the lowest level is worth nothing and the top level everything, whatever numbers the author
 * used; criteria are averaged by weight.
 */
export function scoreRubric(rubric: Rubric, ratings: RubricRatings): RubricGrade {
  const criteria = rubric.criteria.map((criterion): CriterionScore => {
    const rating = Object.hasOwn(ratings, criterion.id) ? ratings[criterion.id] : undefined;
    const level = rating ? criterion.levels.find((candidate) => candidate.score === rating.score) : undefined;
    const lowest = criterion.levels[0]?.score ?? 0;
    const highest = criterion.levels.at(-1)?.score ?? 0;
    const fraction = level && highest > lowest ? (level.score - lowest) / (highest - lowest) : 0;
    const score: CriterionScore = { criterionId: criterion.id, weight: criterion.weight, fraction };
    if (level) score.level = { score: level.score, anchor: level.anchor };
    if (rating?.note !== undefined) score.note = rating.note;
    return score;
  });
  const weighted = (items: readonly CriterionScore[]): number => {
    const total = items.reduce((sum, item) => sum + item.weight, 0);
    return total > 0 ? items.reduce((sum, item) => sum + item.weight * item.fraction, 0) / total : 0;
  };
  const byCompetency: Partial<Record<Competency, number>> = {};
  for (const competency of new Set(
    rubric.criteria.flatMap((criterion) => (criterion.competency ? [criterion.competency] : [])),
  )) {
    byCompetency[competency] = weighted(
      criteria.filter((_, index) => rubric.criteria[index].competency === competency),
    );
  }
  const missing = criteria
    .filter((criterion) => criterion.level === undefined)
    .map((criterion) => criterion.criterionId);
  return { score: weighted(criteria), complete: missing.length === 0, missing, criteria, byCompetency };
}
