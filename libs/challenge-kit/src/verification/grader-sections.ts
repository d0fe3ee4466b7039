import { parse as parseYaml } from 'yaml';
import { parseCodeReviewChallenge, type CodeReviewChallenge } from '../graders/code-review/code-review.definition.js';
import { parseReviewComments, type ReviewComment } from '../graders/code-review/code-review-grader.js';
import { DefinitionError } from '../graders/definition/definition-error.js';
import { parseQuiz, type QuizDefinition } from '../graders/quiz/quiz.definition.js';
import { parseQuizAnswers, type QuizAnswers } from '../graders/quiz/quiz-grader.js';
import { parseSqlChallenge, type SqlChallengeDefinition } from '../graders/sql/sql-challenge.definition.js';
import { parseSystemDesign, type SystemDesignDefinition } from '../graders/system-design/system-design.definition.js';
import { parseSystemDesignAnswer, type SystemDesignAnswer } from '../graders/system-design/system-design-grader.js';
import type { ChallengePackage, SourceFile } from '../package/challenge-package.js';
import { MANIFEST_FILE } from '../package/challenge-loader.js';
import { fieldPathToPointer, type PackageProblem } from '../package/package-problem.js';

/** The grader definitions of a package, read by the graders' own readers. */
export type GraderSection =
  | { type: 'sql'; definition: SqlChallengeDefinition }
  | { type: 'code-review'; definition: CodeReviewChallenge }
  | { type: 'quiz'; definition: QuizDefinition }
  | { type: 'system-design'; definition: SystemDesignDefinition };

/** A grader's problems (paths such as `tests[2].dataset`) as package problems under `base` of `file`. */
export function definitionProblems(error: DefinitionError, file: string, base: string): PackageProblem[] {
  return error.problems.map((problem) => ({
    file,
    pointer: fieldPathToPointer(problem.path, base),
    message: problem.message,
  }));
}

function attempt<T>(read: () => T, file: string, base: string): { value?: T; problems: PackageProblem[] } {
  try {
    return { value: read(), problems: [] };
  } catch (error) {
    if (error instanceof DefinitionError) return { problems: definitionProblems(error, file, base) };
    throw error;
  }
}

/** Reads the grader section of a non-code package; undefined for code challenges. Throws DefinitionError. */
export function graderSectionOf(pkg: Pick<ChallengePackage, 'manifest'>): GraderSection | undefined {
  const { manifest } = pkg;
  switch (manifest.type) {
    case 'sql':
      return { type: 'sql', definition: parseSqlChallenge(manifest.sql) };
    case 'code-review':
      return { type: 'code-review', definition: parseCodeReviewChallenge(manifest.codeReview) };
    case 'quiz':
      return { type: 'quiz', definition: parseQuiz(manifest.quiz) };
    case 'system-design':
      return { type: 'system-design', definition: parseSystemDesign(manifest.systemDesign) };
    case 'coding':
    case 'class':
    case 'stdio':
    case 'spec':
    case 'api-design':
    case 'resilience':
    case 'bug-fix':
      return undefined;
  }
}

/** What a reference or wrong solution file of a non-code type holds, once read. */
export type AnswerFile =
  | { type: 'sql'; query: string }
  | { type: 'code-review'; comments: ReviewComment[] }
  | { type: 'quiz'; answers: QuizAnswers }
  | { type: 'system-design'; answer: SystemDesignAnswer };

/** Reads a solution or wrong-solution file against the section. Throws DefinitionError or a YAML error. */
export function readAnswerFile(section: GraderSection, file: SourceFile): AnswerFile {
  switch (section.type) {
    case 'sql':
      return { type: 'sql', query: file.content };
    case 'code-review':
      return { type: 'code-review', comments: parseReviewComments(parseYaml(file.content) as unknown, `${file.path}`) };
    case 'quiz':
      return {
        type: 'quiz',
        answers: parseQuizAnswers(parseYaml(file.content) as unknown, section.definition, `${file.path}`),
      };
    case 'system-design':
      return {
        type: 'system-design',
        answer: parseSystemDesignAnswer(parseYaml(file.content) as unknown, section.definition, `${file.path}`),
      };
  }
}

const SECTION_POINTERS: Readonly<Record<GraderSection['type'], string>> = {
  sql: '/sql',
  'code-review': '/codeReview',
  quiz: '/quiz',
  'system-design': '/systemDesign',
};

/**
 * Section check of non-code challenges: the grader's reader validates the section, and every
 * solution and wrong-solution file is read as an answer of that type.
 */
export function checkGraderSection(pkg: ChallengePackage): PackageProblem[] {
  const type = pkg.manifest.type;
  if (type !== 'sql' && type !== 'code-review' && type !== 'quiz' && type !== 'system-design') return [];
  const read = attempt(() => graderSectionOf(pkg)!, MANIFEST_FILE, SECTION_POINTERS[type]);
  if (!read.value) return read.problems;
  const section = read.value;
  const problems: PackageProblem[] = [];
  for (const file of [...pkg.solutions, ...pkg.wrongSolutions]) {
    try {
      problems.push(...attempt(() => readAnswerFile(section, file), file.path, '').problems);
    } catch (error) {
      problems.push({
        file: file.path,
        pointer: '',
        message: `is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
      });
    }
  }
  return problems;
}
