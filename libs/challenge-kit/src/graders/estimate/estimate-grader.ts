import type { EstimateTolerance, ParsedEstimateQuestion } from './estimate.definition.js';
import { parseQuantity } from './quantity.js';

export interface EstimateScore {
  questionId: string;
  points: number;
  earned: number;
  /** Share of the points, in [0, 1]. */
  credit: number;
  /** What the candidate wrote (capped), and its value in the question's unit when it could be read. */
  answer: string;
  value?: number;
  expected: number;
  /** Why an answer could not be read; it earns nothing. */
  problem?: string;
}

export interface EstimateGrade {
  earned: number;
  possible: number;
  score: number;
  questions: EstimateScore[];
}

/** Credit for a value against the expected one, both positive, under a tolerance. */
export function estimateCredit(value: number, expected: number, tolerance: EstimateTolerance): number {
  if (!(value > 0) || !(expected > 0)) return 0;
  if (tolerance.kind === 'relative')
    return Math.abs(value - expected) <= tolerance.within * expected * (1 + 1e-12) ? 1 : 0;
  const distance = Math.abs(Math.log10(value / expected));
  const full = Math.log10(tolerance.fullCreditWithin);
  if (distance <= full + 1e-12) return 1;
  if (distance >= 1) return 0;
  return (1 - distance) / (1 - full);
}

/** Grades the candidate's answers (free text per question id); unanswered or unreadable answers earn nothing. */
export function gradeEstimates(
  questions: readonly ParsedEstimateQuestion[],
  answers: Readonly<Record<string, unknown>>,
): EstimateGrade {
  const scores = questions.map((question): EstimateScore => {
    const raw = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    const base = { questionId: question.id, points: question.points, expected: question.expected };
    if (typeof raw !== 'string' || raw.trim() === '') {
      return {
        ...base,
        earned: 0,
        credit: 0,
        answer: '',
        problem: raw === undefined || raw === '' ? 'no answer' : 'the answer must be text',
      };
    }
    const answer = raw.slice(0, 100);
    const parsed = parseQuantity(raw, question.parsedUnit);
    if ('error' in parsed) return { ...base, earned: 0, credit: 0, answer, problem: `"${answer}" ${parsed.error}` };
    const value = parsed.value / question.parsedUnit.factor;
    const credit = estimateCredit(value, question.expected, question.tolerance);
    return { ...base, earned: credit * question.points, credit, answer, value };
  });
  const earned = scores.reduce((sum, score) => sum + score.earned, 0);
  const possible = scores.reduce((sum, score) => sum + score.points, 0);
  return { earned, possible, score: possible > 0 ? earned / possible : 0, questions: scores };
}
