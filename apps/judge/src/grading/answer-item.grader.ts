import { Injectable } from '@nestjs/common';
import {
  DefinitionError,
  gradeCodeReview,
  gradeEstimates,
  gradeQuiz,
  graderSectionOf,
  parseReviewComments,
  type ChallengeManifest,
  type GraderSection,
  type QuizAnswers,
  type QuizDefinition,
} from '@app/challenge-kit';
import type { GradedTest, GradingRequest, ItemGrade, ItemGrader } from './item-grader.js';
import { UnjudgeableError, manifestOf, withScoringRule } from './stored-definition.js';

const RECORDED = 'Your answer was recorded.';

/**
 * The picks of known questions and options only. The API checked the answer against the version the
 * candidate answered; a rejudge against another version may meet questions or options that changed,
 * which then earn nothing rather than failing the whole answer.
 */
function knownPicks(quiz: QuizDefinition, raw: unknown): QuizAnswers {
  const answers = Object.create(null) as Record<string, string[]>;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return answers;
  for (const question of quiz.questions) {
    const picked: unknown = Object.hasOwn(raw, question.id) ? (raw as Record<string, unknown>)[question.id] : undefined;
    if (!Array.isArray(picked)) continue;
    const options = new Set(question.options.map((option) => option.id));
    const valid = [...new Set(picked.filter((id): id is string => typeof id === 'string' && options.has(id)))];
    answers[question.id] = question.kind === 'single' ? valid.slice(0, 1) : valid;
  }
  return answers;
}

function field(answer: object | null, key: string): unknown {
  return answer !== null && Object.hasOwn(answer, key) ? (answer as Record<string, unknown>)[key] : undefined;
}

/**
 * Quiz, code-review and system-design answers, graded by the challenge kit's graders as soon as they
 * are submitted. The breakdown is for staff; the candidate learns only that the answer was recorded,
 * since a score per submission would let them find the key by resubmitting.
 */
@Injectable()
export class AnswerItemGrader implements ItemGrader {
  readonly types = ['quiz', 'code-review', 'system-design'] as const;

  grade(request: GradingRequest, _onTest: (test: GradedTest) => void): Promise<ItemGrade> {
    if (request.kind === 'run') throw new UnjudgeableError(`A ${request.type} item has no sample tests to run.`);
    const manifest = manifestOf(request.definition);
    let section: GraderSection | undefined;
    try {
      section = graderSectionOf({ manifest: manifest as ChallengeManifest });
    } catch (error) {
      if (error instanceof DefinitionError) throw new UnjudgeableError(error.message);
      throw error;
    }
    if (!section) throw new UnjudgeableError(`A ${request.type} item has no ${request.type} section.`);
    return Promise.resolve(this.gradeSection(request, section));
  }

  private gradeSection(request: GradingRequest, section: GraderSection): ItemGrade {
    const score = (value: number) => withScoringRule(request.definition, Math.round(value * 100_000) / 100_000);
    switch (section.type) {
      case 'quiz': {
        const grade = gradeQuiz(section.definition, knownPicks(section.definition, field(request.answer, 'answers')));
        return {
          verdict: 'ACCEPTED',
          score: score(grade.score),
          message: RECORDED,
          scoreShownToCandidate: false,
          grading: { type: 'quiz', ...grade },
        };
      }
      case 'code-review': {
        let comments;
        try {
          comments = parseReviewComments(field(request.answer, 'comments'));
        } catch (error) {
          if (!(error instanceof DefinitionError)) throw error;
          return {
            verdict: 'WRONG_ANSWER',
            score: 0,
            message: `The review could not be read: ${error.message}`,
            scoreShownToCandidate: false,
          };
        }
        const grade = gradeCodeReview(section.definition, comments);
        return {
          verdict: 'ACCEPTED',
          score: score(grade.score),
          message: RECORDED,
          scoreShownToCandidate: false,
          grading: { type: 'code-review', ...grade },
        };
      }
      case 'system-design': {
        const raw = field(request.answer, 'estimates');
        const estimates = gradeEstimates(
          section.definition.estimates,
          typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {},
        );
        const share = section.definition.estimates.length > 0 ? section.definition.estimatesShare : 0;
        // The rubric part waits for interviewers: until then the score counts the estimates only.
        return {
          verdict: 'ACCEPTED',
          score: score(share * estimates.score),
          message: `${RECORDED} Interviewers grade the written design on the challenge's rubric.`,
          scoreShownToCandidate: false,
          grading: { type: 'system-design', rubricPending: true, estimatesShare: share, estimates },
        };
      }
      case 'sql':
        throw new UnjudgeableError('SQL items are judged by the SQL grader.');
    }
  }
}
