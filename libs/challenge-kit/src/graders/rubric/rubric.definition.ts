import { COMPETENCIES, type Competency } from '../../package/challenge-types.js';
import { DefinitionReader, fieldPath, type DefinitionFields } from '../definition/definition-reader.js';

/** One level of a criterion: its score and the anchor that tells interviewers what it looks like. */
export interface RubricLevel {
  score: number;
  anchor: string;
}

export interface RubricCriterion {
  id: string;
  title: string;
  description?: string;
  weight: number;
  /** The competency the criterion gives evidence of, for the report's breakdown. */
  competency?: Competency;
  /** Sorted by score, lowest first. */
  levels: RubricLevel[];
}

export interface Rubric {
  criteria: RubricCriterion[];
}

const ID = {
  minLength: 1,
  maxLength: 60,
  pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  patternHint: 'lowercase words joined by hyphens',
};

/** Reads the rubric at `fields[key]`. */
export function readRubric(reader: DefinitionReader, fields: DefinitionFields, key: string, path: string): Rubric {
  const at = fieldPath(path, key);
  if (fields[key] === undefined) reader.report(at, 'is required: an object with criteria');
  const root = fields[key] === undefined ? {} : reader.object(fields[key], at, ['criteria']);
  const criteria = reader
    .list(root, 'criteria', at, { minItems: 1, maxItems: 30 })
    .map((item, index): RubricCriterion => {
      const criterionPath = fieldPath(fieldPath(at, 'criteria'), index);
      const criterionFields = reader.object(item, criterionPath, [
        'id',
        'title',
        'description',
        'weight',
        'competency',
        'levels',
      ]);
      const levels = reader
        .list(criterionFields, 'levels', criterionPath, { minItems: 2, maxItems: 10 })
        .map((level, levelIndex): RubricLevel => {
          const levelPath = fieldPath(fieldPath(criterionPath, 'levels'), levelIndex);
          const levelFields = reader.object(level, levelPath, ['score', 'anchor']);
          return {
            score: reader.number(levelFields, 'score', levelPath, { min: 0, max: 100 }),
            anchor: reader.string(levelFields, 'anchor', levelPath, { minLength: 1, maxLength: 2000 }),
          };
        });
      reader.unique(
        levels.map((level, levelIndex) => ({
          value: String(level.score),
          path: fieldPath(fieldPath(fieldPath(criterionPath, 'levels'), levelIndex), 'score'),
        })),
        'level score',
      );
      const criterion: RubricCriterion = {
        id: reader.string(criterionFields, 'id', criterionPath, ID),
        title: reader.string(criterionFields, 'title', criterionPath, { minLength: 1, maxLength: 200 }),
        weight:
          reader.optionalNumber(criterionFields, 'weight', criterionPath, { min: 0, exclusiveMin: true, max: 100 }) ??
          1,
        levels: [...levels].sort((a, b) => a.score - b.score),
      };
      const description = reader.optionalString(criterionFields, 'description', criterionPath, {
        minLength: 1,
        maxLength: 5000,
      });
      if (description !== undefined) criterion.description = description;
      const competency = reader.optionalChoice(criterionFields, 'competency', criterionPath, COMPETENCIES);
      if (competency !== undefined) criterion.competency = competency;
      return criterion;
    });
  reader.unique(
    criteria.map((criterion, index) => ({
      value: criterion.id,
      path: fieldPath(fieldPath(fieldPath(at, 'criteria'), index), 'id'),
    })),
    'criterion id',
  );
  return { criteria };
}

export function parseRubric(raw: unknown, subject = 'The rubric'): Rubric {
  const reader = new DefinitionReader(subject);
  const rubric = readRubric(reader, { '': raw }, '', '');
  return reader.done(rubric);
}
