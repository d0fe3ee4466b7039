import { ACTIVITY_EVENT_KINDS, type ActivityEventKind } from '@app/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { CandidateSessionEntity } from './candidate-session.entity.js';
import { SubmissionEntity } from './submission.entity.js';

/** One event the candidate's editor reported on an item (a paste, a focus change, a large insertion). */
@Entity('activity_events')
@Index('activity_events_session_item_at', ['sessionId', 'assessmentItemId', 'occurredAt'])
@Check('activity_events_length_bounded', `"length" IS NULL OR "length" BETWEEN 0 AND 10000000`)
export class ActivityEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => CandidateSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: Relation<CandidateSessionEntity>;

  @Column({ type: 'uuid' })
  assessmentItemId!: string;

  @Column({ type: 'enum', enum: ACTIVITY_EVENT_KINDS, enumName: 'activity_event_kind' })
  kind!: ActivityEventKind;

  /** When it happened by the client's clock, kept within the session and never after its arrival. */
  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  /** Characters pasted or inserted; null for focus changes. */
  @Column({ type: 'integer', nullable: true })
  length!: number | null;

  /** Lines pasted or inserted; null for focus changes. */
  @Column({ type: 'integer', nullable: true })
  lines!: number | null;
}

/**
 * A final code submission that was screened for similarity and is in the fingerprint index: the
 * one that counts for its session item (a newer final submission replaces it).
 */
@Entity('screened_submissions')
@Index('screened_submissions_session_item', ['sessionId', 'assessmentItemId'])
@Index('screened_submissions_challenge_sequence', ['challengeId', 'sequence'])
export class ScreenedSubmissionEntity {
  @PrimaryColumn({ type: 'uuid' })
  submissionId!: string;

  @ManyToOne(() => SubmissionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submissionId' })
  submission?: Relation<SubmissionEntity>;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  challengeId!: string;

  @Column({ type: 'uuid' })
  sessionId!: string;

  @Column({ type: 'uuid' })
  assessmentItemId!: string;

  /** Distinct fingerprints indexed (starter code's removed): the denominator of every score. */
  @Column({ type: 'integer' })
  fingerprintCount!: number;

  /** Every fingerprint with its position and the line of each token (libs/integrity's codec): regions are read from it. */
  @Column({ type: 'bytea' })
  fingerprints!: Buffer;

  /** The code was longer than the tokenizer's limit: only its beginning is indexed. */
  @Column({ type: 'boolean', default: false })
  truncated!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  screenedAt!: Date;

  /**
   * The order submissions were indexed in. Indexing a challenge's submissions is serialised by a lock,
   * so within one challenge a larger number was committed later: a judge keeping the challenge's index
   * in memory catches up by reading the rows above the last number it holds. A bigint, read as a string.
   */
  @Column({ type: 'bigint', generated: 'identity', generatedIdentity: 'ALWAYS' })
  sequence!: string;
}

/** Source lines, 1-based, both ends included. */
export interface FlagLineRange {
  start: number;
  end: number;
}

/** A stretch of A's code matching a stretch of B's, for the side-by-side view. */
export interface FlagRegion {
  a: FlagLineRange;
  b: FlagLineRange;
  fingerprints: number;
}

/**
 * Two final submissions of one challenge similar enough for a person to look at: `a` is the one
 * screened later. Never a verdict: nothing is rejected because of it.
 */
@Entity('similarity_flags')
@Index('similarity_flags_pair_unique', ['submissionAId', 'submissionBId'], { unique: true })
@Index('similarity_flags_session_a', ['sessionAId'])
@Index('similarity_flags_session_b', ['sessionBId'])
@Index('similarity_flags_submission_b', ['submissionBId'])
export class SimilarityFlagEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  challengeId!: string;

  @Column({ type: 'uuid' })
  submissionAId!: string;

  @ManyToOne(() => ScreenedSubmissionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submissionAId' })
  screenedA?: Relation<ScreenedSubmissionEntity>;

  @Column({ type: 'uuid' })
  submissionBId!: string;

  @ManyToOne(() => ScreenedSubmissionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submissionBId' })
  screenedB?: Relation<ScreenedSubmissionEntity>;

  @Column({ type: 'uuid' })
  sessionAId!: string;

  @Column({ type: 'uuid' })
  sessionBId!: string;

  @Column({ type: 'uuid' })
  organizationAId!: string;

  @Column({ type: 'uuid' })
  organizationBId!: string;

  /** 0..1: the share of the smaller submission's fingerprints found in the other. */
  @Column({ type: 'real' })
  score!: number;

  @Column({ type: 'integer' })
  sharedFingerprints!: number;

  @Column({ type: 'real' })
  coverageA!: number;

  @Column({ type: 'real' })
  coverageB!: number;

  /** The threshold the pair was flagged at. */
  @Column({ type: 'real' })
  threshold!: number;

  @Column({ type: 'jsonb' })
  regions!: FlagRegion[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
