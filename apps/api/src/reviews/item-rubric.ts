import {
  gradeSystemDesign,
  parseSystemDesign,
  parseSystemDesignAnswer,
  scoreRubric,
  type Rubric,
  type RubricRatings,
  type SystemDesignDefinition,
} from '@app/challenge-kit';
import type { ChallengeVersionEntity } from '@app/db';

/**
 * The rubric interviewers use for items whose challenge brings none (every type but system design):
 * feedback on the code, next to the test-based score, which it does not change.
 */
export const STANDARD_CODE_RUBRIC: Rubric = {
  criteria: [
    {
      id: 'correctness',
      title: 'Correctness',
      description: 'Does it do what the statement asks, including the edge cases?',
      weight: 1,
      competency: 'programming',
      levels: [
        { score: 1, anchor: 'Wrong for common inputs.' },
        { score: 2, anchor: 'Right for common inputs; edge cases missed.' },
        { score: 3, anchor: 'Right, with minor gaps in edge cases or error handling.' },
        { score: 4, anchor: 'Right, including edge cases, errors and limits.' },
      ],
    },
    {
      id: 'code-quality',
      title: 'Code quality',
      description: 'Names, structure, readability: would you approve it in a review?',
      weight: 1,
      competency: 'code-quality',
      levels: [
        { score: 1, anchor: 'Hard to follow; would need a rewrite.' },
        { score: 2, anchor: 'Works but muddled: unclear names, tangled flow.' },
        { score: 3, anchor: 'Clear, with small things to fix in review.' },
        { score: 4, anchor: 'Clear and idiomatic; ready to merge.' },
      ],
    },
    {
      id: 'design',
      title: 'Design and trade-offs',
      description: 'Data structures, complexity, and the choices made for the constraints given.',
      weight: 1,
      competency: 'architecture',
      levels: [
        { score: 1, anchor: 'No visible design; complexity ignored.' },
        { score: 2, anchor: 'Workable design with avoidable costs.' },
        { score: 3, anchor: 'Sound design for the constraints.' },
        { score: 4, anchor: 'Sound design, with the trade-offs stated and justified.' },
      ],
    },
  ],
};

export interface ItemRubric {
  source: 'challenge' | 'standard';
  rubric: Rubric;
}

const designCache = new WeakMap<ChallengeVersionEntity, SystemDesignDefinition | null>();

/** The system-design section of a stored version, or null for other types (or a version that cannot be read). */
export function designOf(version: ChallengeVersionEntity): SystemDesignDefinition | null {
  if (version.type !== 'system-design') return null;
  if (designCache.has(version)) return designCache.get(version)!;
  let design: SystemDesignDefinition | null = null;
  try {
    const manifest = (version.definition.manifest ?? {}) as Record<string, unknown>;
    design = parseSystemDesign(manifest.systemDesign);
  } catch {
    design = null;
  }
  designCache.set(version, design);
  return design;
}

/** The rubric an item is reviewed with: its challenge's own, or the standard code rubric. */
export function rubricOf(version: ChallengeVersionEntity): ItemRubric {
  const design = designOf(version);
  return design ? { source: 'challenge', rubric: design.rubric } : { source: 'standard', rubric: STANDARD_CODE_RUBRIC };
}

/**
 * The score of a system-design answer from the interviewers' complete rubric ratings (averaged) and
 * its auto-graded estimates; null while no review rates every criterion.
 */
export function designScore(
  design: SystemDesignDefinition,
  answer: unknown,
  ratings: readonly RubricRatings[],
): number | null {
  const complete = ratings.filter((rating) => scoreRubric(design.rubric, rating).complete);
  if (complete.length === 0) return null;
  let estimates: Record<string, string> = {};
  try {
    estimates = parseSystemDesignAnswer(answer, design).estimates;
  } catch {
    estimates = {}; // an answer that breaks the rules earns nothing for its estimates
  }
  const scores = complete.map((rating) => gradeSystemDesign(design, rating, estimates).score);
  return scores.reduce((sum, score) => sum + score, 0) / scores.length;
}
