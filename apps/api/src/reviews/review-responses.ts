import { scoreRubric } from '@app/challenge-kit';
import type { AssessmentItemEntity, ReviewCommentEntity, SessionReviewEntity } from '@app/db';
import type { CommentDto, ReviewDto } from './dto/review.dto.js';
import { rubricOf } from './item-rubric.js';

/** How reviews and comments leave the API. */
export function toReviewDto(review: SessionReviewEntity, items: AssessmentItemEntity[]): ReviewDto {
  return {
    id: review.id,
    sessionId: review.sessionId,
    reviewer: { id: review.reviewerId, name: review.reviewer?.name ?? '' },
    decision: review.decision,
    summary: review.summary,
    rubric: review.rubric,
    items: Object.entries(review.rubric).flatMap(([itemId, ratings]) => {
      const item = items.find((candidate) => candidate.id === itemId);
      if (!item) return [];
      const grade = scoreRubric(rubricOf(item.challengeVersion!).rubric, ratings);
      return [{ itemId, rubricScore: grade.score, complete: grade.complete, missing: grade.missing }];
    }),
    createdAt: review.createdAt,
    updatedAt: review.updatedAt,
  };
}

export function toCommentDto(comment: ReviewCommentEntity): CommentDto {
  return {
    id: comment.id,
    submissionId: comment.submissionId,
    sessionId: comment.sessionId,
    itemId: comment.assessmentItemId,
    file: comment.file,
    line: comment.line,
    body: comment.body,
    author: { id: comment.authorId, name: comment.author?.name ?? '' },
    createdAt: comment.createdAt,
    updatedAt: comment.updatedAt,
    edited: comment.updatedAt.getTime() - comment.createdAt.getTime() > 1000,
  };
}
