import { createHash } from 'node:crypto';
import { DefinitionReader, fieldPath } from '../definition/definition-reader.js';
import type { MultipleChoiceScoring, QuestionKind, QuizDefinition, QuizQuestion } from './quiz.definition.js';

/**
 * What a candidate sees of a question. Built field by field from the definition: there is no
 * `correct` (nor `explanation`) to leak, whatever the definition holds.
 */
export interface CandidateQuizQuestion {
  id: string;
  kind: QuestionKind;
  prompt: string;
  points: number;
  options: { id: string; text: string }[];
}

export interface CandidateQuizView {
  questions: CandidateQuizQuestion[];
}

/** Option ids picked per question id. Answers name options by id, never by position. */
export type QuizAnswers = Readonly<Record<string, readonly string[]>>;

export interface QuestionScore {
  questionId: string;
  points: number;
  earned: number;
  picked: string[];
  /** For interviewers. */
  correctOptions: string[];
  correctPicked: number;
  wrongPicked: number;
}

export interface QuizGrade {
  earned: number;
  possible: number;
  /** earned / possible, in [0, 1]. */
  score: number;
  questions: QuestionScore[];
}

/**
 * A per-candidate order of the options: sorted by a hash of the session, the question and the
 * option. The same candidate always sees the same order, candidates see different orders, and
 * adding an option leaves the others in their relative order.
 */
export function shuffledOptions<T extends { id: string }>(
  sessionId: string,
  questionId: string,
  options: readonly T[],
): T[] {
  const rank = (option: T): string =>
    createHash('sha256').update(`${sessionId}\0${questionId}\0${option.id}`).digest('hex');
  return options
    .map((option) => ({ option, key: rank(option) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ option }) => option);
}

export function quizCandidateView(quiz: QuizDefinition, sessionId: string): CandidateQuizView {
  return {
    questions: quiz.questions.map((question) => {
      const options = question.options.map((option) => ({ id: option.id, text: option.text }));
      return {
        id: question.id,
        kind: question.kind,
        prompt: question.prompt,
        points: question.points,
        options: question.shuffleOptions ? shuffledOptions(sessionId, question.id, options) : options,
      };
    }),
  };
}

/** Reads a candidate's answers (hostile input) against the quiz: unknown ids, repeats and two picks on a single-choice question are refused. */
export function parseQuizAnswers(raw: unknown, quiz: QuizDefinition, subject = 'The quiz answers'): QuizAnswers {
  const reader = new DefinitionReader(subject);
  const byId = new Map(quiz.questions.map((question) => [question.id, question]));
  const fields = reader.object(raw, '', [...byId.keys()]);
  const answers = Object.create(null) as Record<string, string[]>;
  for (const [questionId, question] of byId) {
    if (fields[questionId] === undefined) continue;
    const picked = reader.stringList(fields, questionId, '', {
      maxItems: question.options.length,
      minLength: 1,
      maxLength: 60,
    });
    const known = new Set(question.options.map((option) => option.id));
    picked.forEach((optionId, index) => {
      if (!known.has(optionId))
        reader.report(
          fieldPath(fieldPath('', questionId), index),
          `must be an option of question ${questionId} (${[...known].join(', ')})`,
        );
    });
    if (new Set(picked).size !== picked.length) reader.report(questionId, 'must not pick an option twice');
    if (question.kind === 'single' && picked.length > 1)
      reader.report(questionId, 'must pick at most one option: it is a single-choice question');
    answers[questionId] = picked;
  }
  return reader.done(answers);
}

function scoreQuestion(question: QuizQuestion, picked: readonly string[], rule: MultipleChoiceScoring): QuestionScore {
  const correctOptions = question.options.filter((option) => option.correct).map((option) => option.id);
  const correct = new Set(correctOptions);
  const chosen = [...new Set(picked)];
  const correctPicked = chosen.filter((id) => correct.has(id)).length;
  const wrongPicked = chosen.length - correctPicked;
  let fraction: number;
  if (question.kind === 'single') fraction = chosen.length === 1 && correctPicked === 1 ? 1 : 0;
  else if (rule === 'all-or-nothing') fraction = correctPicked === correct.size && wrongPicked === 0 ? 1 : 0;
  // Each right pick earns 1/k of the points and each wrong pick takes 1/k back, floored at 0:
  // picking every option earns nothing unless every option is right.
  else fraction = Math.max(0, (correctPicked - wrongPicked) / correct.size);
  return {
    questionId: question.id,
    points: question.points,
    earned: fraction * question.points,
    picked: chosen,
    correctOptions,
    correctPicked,
    wrongPicked,
  };
}

export function gradeQuiz(quiz: QuizDefinition, answers: QuizAnswers): QuizGrade {
  // hasOwn: a question id such as "constructor" must not read Object.prototype.
  const questions = quiz.questions.map((question) =>
    scoreQuestion(
      question,
      Object.hasOwn(answers, question.id) ? answers[question.id] : [],
      quiz.multipleChoiceScoring,
    ),
  );
  const earned = questions.reduce((sum, question) => sum + question.earned, 0);
  const possible = questions.reduce((sum, question) => sum + question.points, 0);
  return { earned, possible, score: possible > 0 ? earned / possible : 0, questions };
}
