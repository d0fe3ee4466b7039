import { Injectable } from '@nestjs/common';
import type { SubmissionEntity } from '@app/db';
import type { StaffPrincipal } from '../access/principal.js';
import { DomainException } from '../errors/domain.exception.js';
import type { CommentDto, CreateCommentDto, UpdateCommentDto } from './dto/review.dto.js';
import { ReviewCommentRepository } from './review-comment.repository.js';
import { toCommentDto } from './review-responses.js';

/** The one file of a code answer. */
export const MAIN_FILE = 'main';

const submissionNotFound = () => new DomainException('not_found', 'submission_not_found', 'No such submission.');
const commentNotFound = () => new DomainException('not_found', 'comment_not_found', 'No such comment.');

/** Interviewers' comments on lines of submitted code. */
@Injectable()
export class ReviewCommentsService {
  constructor(private readonly comments: ReviewCommentRepository) {}

  async create(staff: StaffPrincipal, submissionId: string, input: CreateCommentDto): Promise<CommentDto> {
    const submission = await this.comments.findSubmission(staff.organizationId, submissionId);
    if (!submission) throw submissionNotFound();
    const file = input.file ?? MAIN_FILE;
    checkLine(submission, file, input.line);
    const comment = await this.comments.create({
      organizationId: staff.organizationId,
      sessionId: submission.sessionId,
      submissionId: submission.id,
      assessmentItemId: submission.assessmentItemId,
      authorId: staff.userId,
      file,
      line: input.line,
      body: input.body,
    });
    return toCommentDto(comment);
  }

  async list(staff: StaffPrincipal, submissionId: string): Promise<CommentDto[]> {
    const submission = await this.comments.findSubmission(staff.organizationId, submissionId);
    if (!submission) throw submissionNotFound();
    return (await this.comments.ofSubmissions(staff.organizationId, [submission.id])).map(toCommentDto);
  }

  /** Only the author edits a comment. */
  async update(staff: StaffPrincipal, commentId: string, input: UpdateCommentDto): Promise<CommentDto> {
    const comment = await this.comments.find(staff.organizationId, commentId);
    if (!comment) throw commentNotFound();
    if (comment.authorId !== staff.userId) {
      throw new DomainException('forbidden', 'not_comment_author', 'Only the author of a comment can edit it.');
    }
    if (input.body === undefined && input.line === undefined) {
      throw new DomainException('malformed', 'nothing_to_change', 'Send a new body or line.');
    }
    if (input.line !== undefined) {
      const submission = await this.comments.findSubmission(staff.organizationId, comment.submissionId);
      if (!submission) throw commentNotFound();
      checkLine(submission, comment.file, input.line);
    }
    await this.comments.update(comment.id, {
      ...(input.body === undefined ? {} : { body: input.body }),
      ...(input.line === undefined ? {} : { line: input.line }),
    });
    return toCommentDto((await this.comments.find(staff.organizationId, comment.id))!);
  }

  /** The author removes a comment; so can an admin (moderation). */
  async remove(staff: StaffPrincipal, commentId: string): Promise<void> {
    const comment = await this.comments.find(staff.organizationId, commentId);
    if (!comment) throw commentNotFound();
    if (comment.authorId !== staff.userId && staff.role !== 'admin') {
      throw new DomainException('forbidden', 'not_comment_author', 'Only the author of a comment can delete it.');
    }
    await this.comments.delete(comment.id);
  }
}

function checkLine(submission: SubmissionEntity, file: string, line: number): void {
  if (submission.code === null) {
    throw new DomainException(
      'invalid',
      'no_code',
      'This submission is an answer without code: it takes no line comments.',
    );
  }
  if (file !== MAIN_FILE) {
    throw new DomainException('invalid', 'unknown_file', `This submission has one file, ${MAIN_FILE}.`);
  }
  const lines = submission.code.split('\n').length;
  if (line > lines) {
    throw new DomainException(
      'invalid',
      'line_out_of_range',
      `The submitted code has ${lines} lines; line ${line} is not one of them.`,
    );
  }
}
