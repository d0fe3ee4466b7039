import type { ChallengeLanguage, ChallengeType, Competency, Difficulty, HarnessKind } from './challenge-types.js';

/** `challenge.yaml` after schema validation, with defaults applied. */
export interface ChallengeManifest {
  slug: string;
  title: string;
  summary: string;
  type: ChallengeType;
  difficulty: Difficulty;
  competencies: Competency[];
  estimatedMinutes: number;
  /** Code types: typescript and/or javascript; sql: ['sql']; other types: []. */
  languages: ChallengeLanguage[];
  tags: string[];
  limits: ChallengeLimits;
  scoring: ChallengeScoring;
  harness?: HarnessSection;
  /** Grader definitions, validated by the graders of `@app/challenge-kit` (docs/graders.md). */
  sql?: Record<string, unknown>;
  codeReview?: Record<string, unknown>;
  quiz?: Record<string, unknown>;
  systemDesign?: Record<string, unknown>;
}

export interface ChallengeLimits {
  timeLimitMs?: number;
  memoryLimitMb?: number;
  totalTimeMs?: number;
  /** SQL: wall time of all of a submission's statements, per test (the SQL sandbox's `timeMs`). */
  statementTimeoutMs?: number;
  /** SQL: rows the last statement may return. */
  maxRows?: number;
}

export interface ChallengeScoring {
  points: number;
  partialCredit: boolean;
}

/** The judge engine's `harness` of a submission: `kind` and the kind's fields, passed as is to its `parseSpec`. */
export interface HarnessSection extends Record<string, unknown> {
  kind: HarnessKind;
}

/** Where an authored item came from, so that the harness's complaints can name the file and field. */
export interface AuthoredAt {
  file: string;
  pointer: string;
}

/**
 * A test as authored for a code challenge (inline in challenge.yaml or from tests/*.yaml), before the
 * harness's `parseTests` reads its kind-specific fields. `raw` is the authored object with the defaults
 * of `sample` and `weight` applied.
 */
export interface AuthoredTest {
  name: string;
  sample: boolean;
  weight: number;
  raw: Record<string, unknown>;
  at: AuthoredAt;
}

export interface SourceFile {
  /** Relative POSIX path inside the package, e.g. `solutions/reference.ts`. */
  path: string;
  language: ChallengeLanguage | 'yaml' | 'markdown';
  content: string;
}

export interface StarterFile extends SourceFile {
  language: ChallengeLanguage;
}

export interface ReferenceSolution extends SourceFile {
  /** Code solutions are judged in their language; answer files (yaml, markdown) by the type's grader. */
  language: ChallengeLanguage | 'yaml' | 'markdown';
}

export interface WrongSolution extends SourceFile {
  /** The one-line comment at the top: the plausible mistake it makes. */
  mistake: string;
}

export interface PackageFileEntry {
  path: string;
  bytes: number;
  sha256: string;
}

/** A loaded, schema-valid challenge package. Holds secrets: serve `toPublicView(pkg)` to candidates. */
export interface ChallengePackage {
  /** Folder it was loaded from, or a label such as `upload`. */
  origin: string;
  slug: string;
  manifest: ChallengeManifest;
  statement: string;
  starters: StarterFile[];
  /** Code challenges' tests (inline and tests/*.yaml), in order. Empty for other types. */
  tests: AuthoredTest[];
  /** Spec challenges' test files (`tests/**\/*.spec.ts|js`). */
  testFiles: SourceFile[];
  solutions: ReferenceSolution[];
  wrongSolutions: WrongSolution[];
  /** Every file of the package by path, for sections that refer to files (diffs, SQL datasets). */
  files: ReadonlyMap<string, string>;
  /** Sorted by path. */
  fileIndex: PackageFileEntry[];
  /** sha256 (hex) over every file's path and bytes; independent of file order, times and platform. */
  contentHash: string;
}

export function starterFor(pkg: ChallengePackage, language: ChallengeLanguage): StarterFile | undefined {
  return pkg.starters.find((starter) => starter.language === language);
}
