import { DefinitionReader, fieldPath, type DefinitionFields } from '../definition/definition-reader.js';
import { parseUnit, type Unit } from './quantity.js';

/** Full credit within ±`within` (0.25 = 25 %) of the expected value, nothing outside. */
export interface RelativeTolerance {
  kind: 'relative';
  within: number;
}

/**
 * Full credit within a factor `fullCreditWithin` of the expected value either way; then credit
 * falls linearly with the distance in orders of magnitude, to nothing at 10 times off.
 */
export interface OrderOfMagnitudeTolerance {
  kind: 'order-of-magnitude';
  fullCreditWithin: number;
}

export type EstimateTolerance = RelativeTolerance | OrderOfMagnitudeTolerance;

export interface EstimateQuestion {
  id: string;
  prompt: string;
  /** As written by the author: `req/s`, `TB`, `Gbps`... */
  unit: string;
  expected: number;
  tolerance: EstimateTolerance;
  points: number;
  /** For interviewers: how the expected value is derived. */
  reasoning?: string;
}

/** An estimate question with its unit understood. */
export interface ParsedEstimateQuestion extends EstimateQuestion {
  parsedUnit: Unit;
}

/** What a candidate sees: never the expected value, the tolerance or the reasoning. */
export interface CandidateEstimateQuestion {
  id: string;
  prompt: string;
  unit: string;
  points: number;
}

const ID = {
  minLength: 1,
  maxLength: 60,
  pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  patternHint: 'lowercase words joined by hyphens',
};

export const DEFAULT_ESTIMATE_TOLERANCE: OrderOfMagnitudeTolerance = {
  kind: 'order-of-magnitude',
  fullCreditWithin: 2,
};

function readTolerance(reader: DefinitionReader, fields: DefinitionFields, path: string): EstimateTolerance {
  if (fields.tolerance === undefined) return DEFAULT_ESTIMATE_TOLERANCE;
  const at = fieldPath(path, 'tolerance');
  const tolerance = reader.object(fields.tolerance, at, ['kind', 'within', 'fullCreditWithin']);
  const kind = reader.choice(tolerance, 'kind', at, ['relative', 'order-of-magnitude'] as const);
  if (kind === 'relative') {
    if (tolerance.fullCreditWithin !== undefined)
      reader.report(
        fieldPath(at, 'fullCreditWithin'),
        'belongs to kind order-of-magnitude; a relative tolerance has `within`',
      );
    return { kind, within: reader.number(tolerance, 'within', at, { min: 0, exclusiveMin: true, max: 10 }) };
  }
  if (tolerance.within !== undefined)
    reader.report(
      fieldPath(at, 'within'),
      'belongs to kind relative; an order-of-magnitude tolerance has `fullCreditWithin`',
    );
  return {
    kind,
    fullCreditWithin:
      reader.optionalNumber(tolerance, 'fullCreditWithin', at, { min: 1, exclusiveMin: true, max: 9.99 }) ?? 2,
  };
}

/** Reads the list of estimate questions at `fields[key]` (the `estimates` of a system-design section); absent is none. */
export function readEstimateQuestions(
  reader: DefinitionReader,
  fields: DefinitionFields,
  key: string,
  path: string,
): ParsedEstimateQuestion[] {
  const items = reader.optionalList(fields, key, path, { maxItems: 30 }) ?? [];
  const listPath = fieldPath(path, key);
  const questions = items.map((item, index): ParsedEstimateQuestion => {
    const at = fieldPath(listPath, index);
    const fields = reader.object(item, at, ['id', 'prompt', 'unit', 'expected', 'tolerance', 'points', 'reasoning']);
    const unit = reader.string(fields, 'unit', at, { minLength: 1, maxLength: 30 });
    const parsedUnit = unit ? parseUnit(unit) : undefined;
    if (unit && !parsedUnit) {
      reader.report(
        fieldPath(at, 'unit'),
        `must be a unit such as req/s, qps, users, GB, TiB, MB/s, Gbps, TB/month, ms (got "${unit}")`,
      );
    }
    const question: ParsedEstimateQuestion = {
      id: reader.string(fields, 'id', at, ID),
      prompt: reader.string(fields, 'prompt', at, { minLength: 1, maxLength: 5000 }),
      unit,
      expected: reader.number(fields, 'expected', at, { min: 0, exclusiveMin: true, max: 1e30 }),
      tolerance: readTolerance(reader, fields, at),
      points: reader.optionalNumber(fields, 'points', at, { min: 0, exclusiveMin: true, max: 100 }) ?? 1,
      parsedUnit: parsedUnit ?? { dimension: 'count', factor: 1 },
    };
    const reasoning = reader.optionalString(fields, 'reasoning', at, { minLength: 1, maxLength: 5000 });
    if (reasoning !== undefined) question.reasoning = reasoning;
    return question;
  });
  reader.unique(
    questions.map((question, index) => ({ value: question.id, path: fieldPath(fieldPath(listPath, index), 'id') })),
    'estimate id',
  );
  return questions;
}

/** Reads a list of estimate questions on its own. */
export function parseEstimateQuestions(raw: unknown, subject = 'The estimates'): ParsedEstimateQuestion[] {
  const reader = new DefinitionReader(subject);
  if (raw === undefined || raw === null) reader.report('', 'is required: a list of estimate questions');
  return reader.done(readEstimateQuestions(reader, { '': raw }, '', ''));
}

export function estimateCandidateView(questions: readonly EstimateQuestion[]): CandidateEstimateQuestion[] {
  return questions.map((question) => ({
    id: question.id,
    prompt: question.prompt,
    unit: question.unit,
    points: question.points,
  }));
}
