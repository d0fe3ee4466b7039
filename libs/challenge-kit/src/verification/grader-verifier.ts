import type { CodeReviewChallenge } from '../graders/code-review/code-review.definition.js';
import { gradeCodeReview } from '../graders/code-review/code-review-grader.js';
import { DefinitionError } from '../graders/definition/definition-error.js';
import { gradeEstimates } from '../graders/estimate/estimate-grader.js';
import type { QuizDefinition } from '../graders/quiz/quiz.definition.js';
import { gradeQuiz, type QuizAnswers } from '../graders/quiz/quiz-grader.js';
import type { SqlChallenge, SqlGrader, SqlGradeResult } from '../graders/sql/sql-grader.js';
import type { SqlRunLimits } from '../graders/sql/sql-sandbox.js';
import type { ChallengePackage, SourceFile } from '../package/challenge-package.js';
import type { ChallengeVerification, SolutionCheck, SolutionRole } from './challenge-verifier.js';
import { graderSectionOf, readAnswerFile, type GraderSection } from './grader-sections.js';

/** A reference review must find (nearly) everything... */
export const REVIEW_REFERENCE_MIN_SCORE = 0.9;
/** ...and a wrong one must stay under the mark at which a review counts as a pass. */
export const REVIEW_PASS_MARK = 0.7;

export interface GraderVerifierDependencies {
  /** Without it SQL challenges are skipped (no PostgreSQL to run them on). */
  sqlGrader?: SqlGrader;
}

type Check = Omit<SolutionCheck, 'path' | 'role' | 'timeMs'>;

const passed = (summary: string): Check => ({ status: 'passed', summary, failedTests: [] });
const failed = (summary: string, failedTests: SolutionCheck['failedTests'] = []): Check => ({
  status: 'failed',
  summary,
  failedTests,
});

/** The SQL grader's view of a package: the first reference solution gives the expected results the tests do not state. */
export function sqlChallengeOf(
  pkg: Pick<ChallengePackage, 'slug' | 'manifest' | 'solutions'>,
  definition: Extract<GraderSection, { type: 'sql' }>['definition'],
): SqlChallenge {
  const limits: Partial<SqlRunLimits> = {};
  if (pkg.manifest.limits.statementTimeoutMs !== undefined) limits.timeMs = pkg.manifest.limits.statementTimeoutMs;
  if (pkg.manifest.limits.maxRows !== undefined) limits.maxRows = pkg.manifest.limits.maxRows;
  const reference = pkg.solutions[0]?.content;
  const challenge: SqlChallenge = { key: pkg.slug, definition, limits };
  if (reference !== undefined) challenge.referenceSolution = reference;
  return challenge;
}

function sqlCheck(result: SqlGradeResult, role: SolutionRole): Check {
  const failedTests = result.tests
    .filter((test) => test.verdict !== 'ACCEPTED')
    .map(({ name, sample, verdict }) => ({ name, sample, verdict }));
  const count = `${result.tests.length - failedTests.length}/${result.tests.length} tests`;
  const listed = failedTests
    .slice(0, 3)
    .map((test) => `${test.sample ? 'sample' : 'hidden'} "${test.name}" ${test.verdict}`)
    .join(', ');
  if (role === 'reference')
    return failedTests.length === 0
      ? passed(`passes ${count}`)
      : failed(`must pass every test but fails ${listed}: ${result.message}`, failedTests);
  const hidden = failedTests.filter((test) => !test.sample);
  return hidden.length > 0
    ? passed(`fails as it should: ${listed}`)
    : failed(`must fail a hidden test but passes them all (${count})`, failedTests);
}

function reviewCheck(
  definition: CodeReviewChallenge,
  answer: Extract<ReturnType<typeof readAnswerFile>, { type: 'code-review' }>,
  role: SolutionRole,
): Check {
  const grade = gradeCodeReview(definition, answer.comments);
  const summary = `scores ${(grade.score * 100).toFixed(0)} % (found ${grade.found}/${grade.possible}, ${grade.noise.length} noise comment(s))`;
  const missed = grade.missed.map((defect) => ({ name: defect.id, sample: false, verdict: 'MISSED' }));
  if (role === 'reference') {
    return grade.score >= REVIEW_REFERENCE_MIN_SCORE
      ? passed(summary)
      : failed(`${summary}; a reference review must score at least ${REVIEW_REFERENCE_MIN_SCORE * 100} %`, missed);
  }
  return grade.score < REVIEW_PASS_MARK
    ? passed(`${summary}, under the pass mark as it should`)
    : failed(`${summary}; a wrong review must score under ${REVIEW_PASS_MARK * 100} %`, missed);
}

/** The answer key of a quiz: every correct option and nothing else. */
export function quizKey(definition: QuizDefinition): QuizAnswers {
  return Object.fromEntries(
    definition.questions.map((question) => [
      question.id,
      question.options.filter((option) => option.correct).map((option) => option.id),
    ]),
  );
}

function quizCheck(definition: QuizDefinition, answers: QuizAnswers, role: SolutionRole): Check {
  const grade = gradeQuiz(definition, answers);
  const summary = `scores ${Number(grade.earned.toFixed(2))}/${grade.possible}`;
  if (role === 'reference')
    return grade.score === 1 ? passed(summary) : failed(`${summary}; a reference must score full marks`);
  return grade.score < 1
    ? passed(`${summary}, below full marks as it should`)
    : failed(`${summary}; a wrong answer sheet must lose points`);
}

function designCheck(
  section: Extract<GraderSection, { type: 'system-design' }>,
  answer: Extract<ReturnType<typeof readAnswerFile>, { type: 'system-design' }>['answer'],
  role: SolutionRole,
): Check {
  const estimates = gradeEstimates(section.definition.estimates, answer.estimates);
  const off = estimates.questions
    .filter((question) => question.credit < 1)
    .map((question) => ({
      name: question.questionId,
      sample: false,
      verdict: question.problem ?? `credit ${question.credit.toFixed(2)}`,
    }));
  const summary = `estimates earn ${estimates.earned.toFixed(2)}/${estimates.possible}`;
  if (role === 'reference') {
    const empty = section.definition.sections
      .filter((part) => (answer.sections[part.id] ?? '').trim() === '')
      .map((part) => part.id);
    if (empty.length > 0)
      return failed(`leaves section(s) ${empty.join(', ')} empty; a reference answer fills every section`);
    return off.length === 0
      ? passed(`${summary}, every section answered`)
      : failed(`${summary}; a reference answer gets every estimate right`, off);
  }
  return off.length > 0
    ? passed(`${summary}: misses ${off.map((question) => question.name).join(', ')} as it should`)
    : failed(`${summary}; a wrong answer must miss an estimate`, off);
}

async function checkFile(
  pkg: ChallengePackage,
  section: GraderSection,
  file: SourceFile,
  role: SolutionRole,
  deps: GraderVerifierDependencies,
): Promise<SolutionCheck> {
  const started = performance.now();
  const done = (check: Check): SolutionCheck => ({
    ...check,
    path: file.path,
    role,
    timeMs: Math.round(performance.now() - started),
  });
  let answer;
  try {
    answer = readAnswerFile(section, file);
  } catch (error) {
    return done(
      failed(error instanceof DefinitionError ? error.message : `cannot be read: ${(error as Error).message}`),
    );
  }
  switch (section.type) {
    case 'sql': {
      if (!deps.sqlGrader) return { ...done(passed('not run')), status: 'skipped' };
      const query = answer.type === 'sql' ? answer.query : '';
      try {
        return done(sqlCheck(await deps.sqlGrader.grade(sqlChallengeOf(pkg, section.definition), query), role));
      } catch (error) {
        // A dataset that does not load or a reference that fails is the challenge's fault: report it, go on.
        return done(failed(`could not be graded: ${error instanceof Error ? error.message : String(error)}`));
      }
    }
    case 'code-review':
      return done(
        answer.type === 'code-review' ? reviewCheck(section.definition, answer, role) : failed('is not a review'),
      );
    case 'quiz':
      return done(
        answer.type === 'quiz' ? quizCheck(section.definition, answer.answers, role) : failed('is not an answer sheet'),
      );
    case 'system-design':
      return done(
        answer.type === 'system-design' ? designCheck(section, answer.answer, role) : failed('is not a design answer'),
      );
  }
}

/**
 * Verifies a non-code challenge with its grader: SQL references pass every test and wrong queries fail
 * a hidden one; reference reviews score at least 90 % and wrong ones under the 70 % pass mark; quiz
 * answer sheets (the key always, plus any in solutions/) score full marks and wrong ones do not;
 * reference design answers fill every section and get every estimate right, wrong ones miss one.
 */
export async function verifyGraderChallenge(
  pkg: ChallengePackage,
  deps: GraderVerifierDependencies,
  onCheck?: (check: SolutionCheck) => void,
): Promise<ChallengeVerification> {
  const section = graderSectionOf(pkg);
  if (!section) throw new Error(`${pkg.slug} is a code challenge`);
  const files: [SourceFile, SolutionRole][] = [
    ...pkg.solutions.map((file): [SourceFile, SolutionRole] => [file, 'reference']),
    ...pkg.wrongSolutions.map((file): [SourceFile, SolutionRole] => [file, 'wrong']),
  ];
  const checks: SolutionCheck[] = [];
  if (section.type === 'quiz') {
    const check: SolutionCheck = {
      ...quizCheck(section.definition, quizKey(section.definition), 'reference'),
      path: '(answer key)',
      role: 'reference',
      timeMs: 0,
    };
    checks.push(check);
    onCheck?.(check);
  }
  // One after another: SQL runs share a few sandbox connections.
  for (const [file, role] of files) {
    const check = await checkFile(pkg, section, file, role, deps);
    checks.push(check);
    onCheck?.(check);
  }
  const status = checks.some((check) => check.status === 'failed')
    ? 'failed'
    : checks.some((check) => check.status === 'skipped')
      ? 'skipped'
      : 'passed';
  return { slug: pkg.slug, status, checks };
}
