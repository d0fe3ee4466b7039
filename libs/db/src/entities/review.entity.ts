import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { AssessmentItemEntity } from './assessment.entity.js';
import { CandidateSessionEntity } from './candidate-session.entity.js';
import { SubmissionEntity } from './submission.entity.js';
import { UserEntity } from './user.entity.js';

const nullableScore = {
  type: 'numeric' as const,
  precision: 6,
  scale: 5,
  nullable: true,
  transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
};

/** An interviewer's comment on one line of a submitted answer. */
@Entity('review_comments')
@Index('review_comments_submission_line', ['submissionId', 'file', 'line'])
@Check('review_comments_line_positive', '"line" >= 1')
export class ReviewCommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  @Index()
  sessionId!: string;

  @ManyToOne(() => CandidateSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: Relation<CandidateSessionEntity>;

  @Column({ type: 'uuid' })
  submissionId!: string;

  @ManyToOne(() => SubmissionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submissionId' })
  submission?: Relation<SubmissionEntity>;

  @Column({ type: 'uuid' })
  assessmentItemId!: string;

  @Column({ type: 'uuid' })
  authorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'authorId' })
  author?: Relation<UserEntity>;

  @Column({ type: 'varchar', length: 200 })
  file!: string;

  @Column({ type: 'integer' })
  line!: number;

  @Column({ type: 'text' })
  body!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

export const HIRE_DECISIONS = ['strong_no', 'no', 'yes', 'strong_yes'] as const;
export type HireDecision = (typeof HIRE_DECISIONS)[number];

/** Ratings by item id, then by criterion id: a level score of that item's rubric, and a note. */
export type ReviewRubric = Record<string, Record<string, { score: number; note?: string }>>;

/** One interviewer's review of a session: rubric ratings per item, a hire decision and a summary. */
@Entity('session_reviews')
@Index('session_reviews_session_reviewer_unique', ['sessionId', 'reviewerId'], { unique: true })
export class SessionReviewEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => CandidateSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: Relation<CandidateSessionEntity>;

  @Column({ type: 'uuid' })
  reviewerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'reviewerId' })
  reviewer?: Relation<UserEntity>;

  @Column({ type: 'enum', enum: HIRE_DECISIONS, enumName: 'hire_decision' })
  decision!: HireDecision;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'jsonb', default: {} })
  rubric!: ReviewRubric;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** The score that replaces an item's computed one; the computed score itself is never changed. */
@Entity('score_overrides')
@Index('score_overrides_session_item_unique', ['sessionId', 'assessmentItemId'], { unique: true })
@Check('score_overrides_score_range', '"score" >= 0 AND "score" <= 1')
export class ScoreOverrideEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => CandidateSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: Relation<CandidateSessionEntity>;

  @Column({ type: 'uuid' })
  assessmentItemId!: string;

  @ManyToOne(() => AssessmentItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assessmentItemId' })
  item?: Relation<AssessmentItemEntity>;

  @Column({
    type: 'numeric',
    precision: 6,
    scale: 5,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  score!: number;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid' })
  overriddenById!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'overriddenById' })
  overriddenBy?: Relation<UserEntity>;

  @Column({ type: 'timestamptz' })
  at!: Date;
}

/** Every change of an item's score by a person: append-only. */
@Entity('score_audit')
@Index('score_audit_session_at', ['sessionId', 'at'])
export class ScoreAuditEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => CandidateSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: Relation<CandidateSessionEntity>;

  @Column({ type: 'uuid' })
  assessmentItemId!: string;

  /** The score that counted before (an override, or the computed one), null when there was none. */
  @Column(nullableScore)
  fromScore!: number | null;

  /** The override set, or null when the override was removed. */
  @Column(nullableScore)
  toScore!: number | null;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid' })
  changedById!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'changedById' })
  changedBy?: Relation<UserEntity>;

  @Column({ type: 'timestamptz' })
  at!: Date;
}
