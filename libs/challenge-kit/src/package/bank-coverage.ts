import type { ChallengeManifest } from './challenge-package.js';
import {
  CHALLENGE_TYPES,
  COMPETENCIES,
  DIFFICULTIES,
  type ChallengeType,
  type Competency,
  type Difficulty,
} from './challenge-types.js';

/** The bank's balance rules (competencies.md): a recruiter can build a balanced assessment from it. */
export const COVERAGE_RULES = { challengesPerCompetency: 3, typesPerCompetency: 2 } as const;

export interface CompetencyCoverage {
  competency: Competency;
  challenges: number;
  types: ChallengeType[];
  difficulties: Difficulty[];
}

export interface BankCoverage {
  competencies: CompetencyCoverage[];
  types: Partial<Record<ChallengeType, number>>;
  difficulties: Partial<Record<Difficulty, number>>;
  /** Every rule the bank breaks, in words; empty when it is balanced. */
  problems: string[];
}

export function bankCoverage(
  manifests: readonly Pick<ChallengeManifest, 'type' | 'difficulty' | 'competencies'>[],
): BankCoverage {
  const types: BankCoverage['types'] = {};
  const difficulties: BankCoverage['difficulties'] = {};
  for (const manifest of manifests) {
    types[manifest.type] = (types[manifest.type] ?? 0) + 1;
    difficulties[manifest.difficulty] = (difficulties[manifest.difficulty] ?? 0) + 1;
  }
  const competencies = COMPETENCIES.map((competency): CompetencyCoverage => {
    const tagged = manifests.filter((manifest) => manifest.competencies.includes(competency));
    return {
      competency,
      challenges: tagged.length,
      types: CHALLENGE_TYPES.filter((type) => tagged.some((manifest) => manifest.type === type)),
      difficulties: DIFFICULTIES.filter((difficulty) => tagged.some((manifest) => manifest.difficulty === difficulty)),
    };
  });
  const problems: string[] = [];
  for (const entry of competencies) {
    if (entry.challenges < COVERAGE_RULES.challengesPerCompetency) {
      problems.push(
        `competency ${entry.competency} has ${entry.challenges} challenge(s); at least ${COVERAGE_RULES.challengesPerCompetency} are needed`,
      );
    }
    if (entry.types.length < COVERAGE_RULES.typesPerCompetency) {
      problems.push(
        `competency ${entry.competency} is measured by ${entry.types.length} type(s) (${entry.types.join(', ') || 'none'}); at least ${COVERAGE_RULES.typesPerCompetency} are needed`,
      );
    }
  }
  for (const type of CHALLENGE_TYPES) if (!types[type]) problems.push(`no challenge of type ${type}`);
  for (const difficulty of DIFFICULTIES) if (!difficulties[difficulty]) problems.push(`no ${difficulty} challenge`);
  return { competencies, types, difficulties, problems };
}
