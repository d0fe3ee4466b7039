/**
 * The vocabulary of the challenge bank: types, difficulties, competencies and which harness kind each
 * code type is judged with. Plain data, shared by the schema, the loader, the CLI and (later) the API.
 */

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

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** The ids of `competencies.md`, the competency model every score report is broken down by. */
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
export type Competency = (typeof COMPETENCIES)[number];

export const HARNESS_KINDS = ['function', 'class', 'stdio', 'spec', 'http'] as const;
export type HarnessKind = (typeof HARNESS_KINDS)[number];

export const CODE_LANGUAGES = ['typescript', 'javascript'] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];
export type ChallengeLanguage = CodeLanguage | 'sql';

/** Challenge types whose answer is JavaScript or TypeScript judged by the judge engine. */
export const CODE_TYPES = ['coding', 'class', 'stdio', 'spec', 'api-design', 'resilience', 'bug-fix'] as const;
export type CodeChallengeType = (typeof CODE_TYPES)[number];

/** The harness kinds a code type may use. Bug-fix challenges keep whatever harness fits the broken code. */
export const HARNESS_KINDS_BY_TYPE: Readonly<Record<CodeChallengeType, readonly HarnessKind[]>> = {
  coding: ['function'],
  class: ['class'],
  stdio: ['stdio'],
  spec: ['spec'],
  'api-design': ['http'],
  resilience: ['http'],
  'bug-fix': ['function', 'class', 'stdio', 'spec', 'http'],
};

export function isCodeType(type: ChallengeType): type is CodeChallengeType {
  return (CODE_TYPES as readonly string[]).includes(type);
}

/** File extension of source files per language, as starters, solutions and wrong solutions use them. */
export const LANGUAGE_EXTENSIONS: Readonly<Record<ChallengeLanguage, string>> = {
  typescript: '.ts',
  javascript: '.js',
  sql: '.sql',
};
