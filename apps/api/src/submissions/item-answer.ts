import {
  DefinitionError,
  graderSectionOf,
  parseQuizAnswers,
  parseReviewComments,
  parseSystemDesignAnswer,
  type ChallengeManifest,
} from '@app/challenge-kit';
import { DomainException } from '../errors/domain.exception.js';

/** The one key each answer type's object holds besides its own fields, as the web client sends them. */
const ANSWER_KEYS: Readonly<Record<string, readonly string[]>> = {
  quiz: ['answers'],
  'code-review': ['comments'],
  'system-design': ['sections', 'diagram', 'estimates'],
};

const SHAPES: Readonly<Record<string, string>> = {
  quiz: '{ answers: { <questionId>: [<optionId>, ...] } }',
  'code-review': '{ comments: [{ file, line, category, body }, ...] }',
  'system-design': '{ sections: { <sectionId>: text }, diagram?: text, estimates: { <estimateId>: text } }',
};

function invalid(type: string, problems: { field: string; problem: string }[]): DomainException {
  const listed = problems.map((entry) => `${entry.field}: ${entry.problem}`).join('; ');
  return new DomainException('malformed', 'invalid_answer', `This ${type} answer is invalid: ${listed}`, problems);
}

/**
 * Checks a candidate's answer to a quiz, code-review or system-design item against the challenge
 * version they answer, with the graders' own readers: unknown questions or options, a second pick on a
 * single-choice question, comments without a category, sections the design does not have... each
 * problem is named by its field (`answer.answers.q2[0]`).
 */
export function checkItemAnswer(type: string, definition: Record<string, unknown>, answer: Record<string, unknown>) {
  const allowed = ANSWER_KEYS[type];
  if (!allowed) return;
  const unknown = Object.keys(answer).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw invalid(
      type,
      unknown.map((key) => ({ field: `answer.${key}`, problem: `is not part of a ${type} answer ${SHAPES[type]}` })),
    );
  }
  const manifest = definition.manifest as ChallengeManifest | undefined;
  let section;
  try {
    section = manifest ? graderSectionOf({ manifest }) : undefined;
  } catch (error) {
    if (error instanceof DefinitionError) return; // the challenge's fault: the judge reports it
    throw error;
  }
  try {
    switch (section?.type) {
      case 'quiz':
        if (answer.answers === undefined)
          throw invalid(type, [{ field: 'answer.answers', problem: `is required: ${SHAPES.quiz}` }]);
        parseQuizAnswers(answer.answers, section.definition, 'answer.answers');
        return;
      case 'code-review':
        if (answer.comments === undefined)
          throw invalid(type, [{ field: 'answer.comments', problem: `is required: ${SHAPES['code-review']}` }]);
        parseReviewComments(answer.comments, 'answer.comments');
        return;
      case 'system-design':
        parseSystemDesignAnswer(answer, section.definition, 'answer');
        return;
      case 'sql':
      case undefined:
        return;
    }
  } catch (error) {
    if (!(error instanceof DefinitionError)) throw error;
    throw invalid(
      type,
      error.problems.map((problem) => ({
        field:
          problem.path === ''
            ? error.subject
            : problem.path.startsWith('[')
              ? `${error.subject}${problem.path}`
              : `${error.subject}.${problem.path}`,
        problem: problem.message,
      })),
    );
  }
}
