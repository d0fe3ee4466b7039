import { codeReviewCandidateView } from '../graders/code-review/code-review.definition.js';
import { DefinitionError } from '../graders/definition/definition-error.js';
import type { QuizDefinition } from '../graders/quiz/quiz.definition.js';
import type { SqlChallengeDefinition } from '../graders/sql/sql-challenge.definition.js';
import { systemDesignCandidateView } from '../graders/system-design/system-design.definition.js';
import { graderSectionOf } from '../verification/grader-sections.js';
import type { ChallengePackage } from './challenge-package.js';

/** Questions and options without the key or explanations, in authored order (the API shuffles per candidate). */
function quizMaterial(quiz: QuizDefinition): Record<string, unknown> {
  return {
    questions: quiz.questions.map((question) => ({
      id: question.id,
      kind: question.kind,
      prompt: question.prompt,
      points: question.points,
      shuffleOptions: question.shuffleOptions,
      options: question.options.map((option) => ({ id: option.id, text: option.text })),
    })),
  };
}

/** The sample tests, and the setup SQL of the datasets only sample tests use: hidden data stays hidden. */
function sqlMaterial(sql: SqlChallengeDefinition): Record<string, unknown> {
  const samples = sql.tests.filter((test) => test.sample);
  const hiddenDatasets = new Set(sql.tests.filter((test) => !test.sample).map((test) => test.dataset));
  const shown = new Set(samples.map((test) => test.dataset).filter((name) => !hiddenDatasets.has(name)));
  return {
    datasets: sql.datasets.filter((dataset) => shown.has(dataset.name)).map(({ name, setup }) => ({ name, setup })),
    sampleTests: samples.map((test) => ({
      name: test.name,
      dataset: shown.has(test.dataset) ? test.dataset : undefined,
      ordered: test.ordered,
      ...(test.expected ? { expected: test.expected } : {}),
    })),
  };
}

/**
 * The public part of a non-code challenge's section, built by the graders' candidate views or by
 * allow-list: never defects, answer keys, expected estimates, rubric anchors or hidden datasets.
 */
export function publicMaterial(pkg: ChallengePackage): Record<string, unknown> | undefined {
  let section;
  try {
    section = graderSectionOf(pkg);
  } catch (error) {
    if (error instanceof DefinitionError) return undefined;
    throw error;
  }
  switch (section?.type) {
    case undefined:
      return undefined;
    case 'sql':
      return sqlMaterial(section.definition);
    case 'code-review':
      return { ...codeReviewCandidateView(section.definition) };
    case 'quiz':
      return quizMaterial(section.definition);
    case 'system-design':
      return { ...systemDesignCandidateView(section.definition) };
  }
}
