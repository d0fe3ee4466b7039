export * from './package/challenge-types.js';
export * from './package/challenge-package.js';
export * from './package/challenge-schema.js';
export * from './package/challenge-loader.js';
export * from './package/content-hash.js';
export * from './package/manifest-validator.js';
export * from './package/package-problem.js';
export * from './package/public-view.js';
export * from './package/statement-check.js';
export * from './package/bank-coverage.js';
export * from './package/challenge-upload.js';
export * from './verification/harness-check.js';
export * from './verification/challenge-verifier.js';
export * from './verification/section-checks.js';
export * from './mutation/mutant-generator.js';
export * from './mutation/mutation-run.js';
// Graders of the types that are not JavaScript (docs/graders.md).
export { DefinitionError, type DefinitionProblem } from './graders/definition/definition-error.js';
export {
  DEFAULT_SANDBOX_DATABASE,
  DEFAULT_SQL_RUN_LIMITS,
  SqlSandbox,
  SqlSandboxError,
  dropOrphanedSandboxRoles,
  resolveSandboxDatabaseUrl,
  type PlanOutcome,
  type PreparedSqlDataset,
  type SandboxIncident,
  type SqlDataset,
  type SqlRunLimits,
  type SqlRunOptions,
  type SqlRunOutcome,
  type SqlSandboxErrorCode,
  type SqlSandboxOptions,
} from './graders/sql/sql-sandbox.js';
export {
  SqlGrader,
  type ResultPreview,
  type SqlChallenge,
  type SqlGradeOptions,
  type SqlGradeResult,
  type SqlTestOutcome,
  type SqlVerdict,
} from './graders/sql/sql-grader.js';
export {
  needsReferenceSolution,
  parseSqlChallenge,
  type SqlChallengeDefinition,
  type SqlDatasetDefinition,
  type SqlTestDefinition,
} from './graders/sql/sql-challenge.definition.js';
export { checkPlan, type PlanCheck, type PlanExpectation } from './graders/sql/sql-plan-check.js';
export {
  compareResults,
  type ExpectedCell,
  type ExpectedResult,
  type SqlCell,
  type SqlColumn,
  type SqlResultTable,
} from './graders/sql/sql-result.js';
export { findStatementRefusal, type StatementRefusal } from './graders/sql/sql-statement-policy.js';
export { splitSqlStatements, type SqlStatement } from './graders/sql/sql-statement-splitter.js';
export {
  DEFAULT_SEVERITY_WEIGHTS,
  DEFECT_SEVERITIES,
  REVIEW_CATEGORIES,
  codeReviewCandidateView,
  parseCodeReviewChallenge,
  type CodeReviewCandidateView,
  type CodeReviewChallenge,
  type CodeReviewDefinition,
  type DefectSeverity,
  type PlantedDefect,
  type ReviewCategory,
  type ReviewScoring,
} from './graders/code-review/code-review.definition.js';
export {
  MAX_REVIEW_COMMENTS,
  gradeCodeReview,
  parseReviewComments,
  type CodeReviewGrade,
  type DefectMatch,
  type ReviewComment,
} from './graders/code-review/code-review-grader.js';
export { parseUnifiedDiff, type DiffFile, type ParsedDiff } from './graders/code-review/unified-diff.js';
export {
  MULTIPLE_CHOICE_SCORING,
  QUESTION_KINDS,
  parseQuiz,
  type MultipleChoiceScoring,
  type QuestionKind,
  type QuizDefinition,
  type QuizOption,
  type QuizQuestion,
} from './graders/quiz/quiz.definition.js';
export {
  gradeQuiz,
  parseQuizAnswers,
  quizCandidateView,
  shuffledOptions,
  type CandidateQuizQuestion,
  type CandidateQuizView,
  type QuestionScore,
  type QuizAnswers,
  type QuizGrade,
} from './graders/quiz/quiz-grader.js';
export {
  DEFAULT_ESTIMATE_TOLERANCE,
  estimateCandidateView,
  parseEstimateQuestions,
  type CandidateEstimateQuestion,
  type EstimateQuestion,
  type EstimateTolerance,
  type OrderOfMagnitudeTolerance,
  type ParsedEstimateQuestion,
  type RelativeTolerance,
} from './graders/estimate/estimate.definition.js';
export {
  estimateCredit,
  gradeEstimates,
  type EstimateGrade,
  type EstimateScore,
} from './graders/estimate/estimate-grader.js';
export { DIMENSIONS, parseQuantity, parseUnit, type Dimension, type Unit } from './graders/estimate/quantity.js';
export {
  parseRubric,
  type Rubric,
  type RubricCriterion,
  type RubricLevel,
} from './graders/rubric/rubric.definition.js';
export {
  parseRubricRatings,
  scoreRubric,
  type CriterionScore,
  type RubricGrade,
  type RubricRating,
  type RubricRatings,
} from './graders/rubric/rubric-scorer.js';
export {
  DEFAULT_DESIGN_SECTIONS,
  parseSystemDesign,
  systemDesignCandidateView,
  type DesignSection,
  type SystemDesignCandidateView,
  type SystemDesignDefinition,
} from './graders/system-design/system-design.definition.js';
export {
  gradeSystemDesign,
  parseSystemDesignAnswer,
  type SystemDesignAnswer,
  type SystemDesignGrade,
} from './graders/system-design/system-design-grader.js';
export * from './package/file-references.js';
export * from './verification/grader-sections.js';
export * from './verification/grader-verifier.js';
export * from './verification/sql-grading.js';
