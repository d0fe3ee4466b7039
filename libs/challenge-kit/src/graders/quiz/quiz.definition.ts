import { DefinitionReader, fieldPath } from '../definition/definition-reader.js';

export const QUESTION_KINDS = ['single', 'multiple'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const MULTIPLE_CHOICE_SCORING = ['partial', 'all-or-nothing'] as const;
export type MultipleChoiceScoring = (typeof MULTIPLE_CHOICE_SCORING)[number];

export interface QuizOption {
  id: string;
  text: string;
  correct: boolean;
}

export interface QuizQuestion {
  id: string;
  kind: QuestionKind;
  /** Markdown. */
  prompt: string;
  options: QuizOption[];
  points: number;
  /** False for questions whose options refer to each other by position ("all of the above"). */
  shuffleOptions: boolean;
  /** For interviewers and the report: why the right options are right. */
  explanation?: string;
}

/** The `quiz` section of challenge.yaml. */
export interface QuizDefinition {
  questions: QuizQuestion[];
  multipleChoiceScoring: MultipleChoiceScoring;
}

const ID = {
  minLength: 1,
  maxLength: 60,
  pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  patternHint: 'lowercase words joined by hyphens',
};

export function parseQuiz(raw: unknown, subject = 'The quiz section'): QuizDefinition {
  const reader = new DefinitionReader(subject);
  const root = reader.object(raw, '', ['questions', 'multipleChoiceScoring']);
  const questions = reader
    .list(root, 'questions', '', { minItems: 1, maxItems: 100 })
    .map((item, index): QuizQuestion => {
      const path = fieldPath('questions', index);
      const fields = reader.object(item, path, [
        'id',
        'kind',
        'prompt',
        'options',
        'points',
        'shuffleOptions',
        'explanation',
      ]);
      const kind = reader.choice(fields, 'kind', path, QUESTION_KINDS);
      const options = reader
        .list(fields, 'options', path, { minItems: 2, maxItems: 12 })
        .map((option, optionIndex): QuizOption => {
          const optionPath = fieldPath(fieldPath(path, 'options'), optionIndex);
          const optionFields = reader.object(option, optionPath, ['id', 'text', 'correct']);
          return {
            id: reader.string(optionFields, 'id', optionPath, ID),
            text: reader.string(optionFields, 'text', optionPath, { minLength: 1, maxLength: 2000 }),
            correct: reader.boolean(optionFields, 'correct', optionPath, false),
          };
        });
      reader.unique(
        options.map((option, optionIndex) => ({
          value: option.id,
          path: fieldPath(fieldPath(fieldPath(path, 'options'), optionIndex), 'id'),
        })),
        'option id',
      );
      const correct = options.filter((option) => option.correct).length;
      if (options.length >= 2 && kind === 'single' && correct !== 1)
        reader.report(
          fieldPath(path, 'options'),
          `must mark exactly one option correct for a single-choice question (marked ${correct})`,
        );
      if (options.length >= 2 && kind === 'multiple' && correct === 0)
        reader.report(fieldPath(path, 'options'), 'must mark at least one option correct');
      const question: QuizQuestion = {
        id: reader.string(fields, 'id', path, ID),
        kind,
        prompt: reader.string(fields, 'prompt', path, { minLength: 1, maxLength: 10_000 }),
        options,
        points: reader.optionalNumber(fields, 'points', path, { min: 0, exclusiveMin: true, max: 100 }) ?? 1,
        shuffleOptions: reader.boolean(fields, 'shuffleOptions', path, true),
      };
      const explanation = reader.optionalString(fields, 'explanation', path, { minLength: 1, maxLength: 10_000 });
      if (explanation !== undefined) question.explanation = explanation;
      return question;
    });
  reader.unique(
    questions.map((question, index) => ({ value: question.id, path: fieldPath(fieldPath('questions', index), 'id') })),
    'question id',
  );
  return reader.done({
    questions,
    multipleChoiceScoring: reader.choice(root, 'multipleChoiceScoring', '', MULTIPLE_CHOICE_SCORING, 'partial'),
  });
}
