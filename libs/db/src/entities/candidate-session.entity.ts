import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { AssessmentEntity } from './assessment.entity.js';

/** An invitation for one candidate: the token is shown once and stored as a SHA-256. */
@Entity('invites')
export class InviteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @Index()
  assessmentId!: string;

  @ManyToOne(() => AssessmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assessmentId' })
  assessment?: Relation<AssessmentEntity>;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'varchar', length: 200 })
  candidateName!: string;

  @Column({ type: 'varchar', length: 320 })
  candidateEmail!: string;

  @Column({ type: 'char', length: 64, unique: true })
  tokenHash!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'uuid' })
  createdById!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export const SESSION_STATUSES = ['in_progress', 'finished'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** The one attempt an invite allows: its deadline is fixed when it starts. */
@Entity('candidate_sessions')
export class CandidateSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** One session per invite, enforced by the database. */
  @Column({ type: 'uuid', unique: true })
  inviteId!: string;

  @OneToOne(() => InviteEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'inviteId' })
  invite?: Relation<InviteEntity>;

  @Column({ type: 'uuid' })
  @Index()
  assessmentId!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz' })
  deadline!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'enum', enum: SESSION_STATUSES, enumName: 'session_status', default: 'in_progress' })
  status!: SessionStatus;
}

/** The candidate's latest unsubmitted work on one item (autosave). */
@Entity('drafts')
@Index('drafts_session_item_unique', ['sessionId', 'assessmentItemId'], { unique: true })
export class DraftEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => CandidateSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: Relation<CandidateSessionEntity>;

  @Column({ type: 'uuid' })
  assessmentItemId!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  language!: string | null;

  @Column({ type: 'text', nullable: true })
  code!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  answer!: object | null;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** A point of the playback of how an answer was written: at most one every two seconds per item. */
@Entity('snapshots')
@Index('snapshots_session_item_at', ['sessionId', 'assessmentItemId', 'takenAt'])
export class SnapshotEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => CandidateSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: Relation<CandidateSessionEntity>;

  @Column({ type: 'uuid' })
  assessmentItemId!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  language!: string | null;

  @Column({ type: 'text', nullable: true })
  code!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  answer!: object | null;

  @Column({ type: 'timestamptz' })
  takenAt!: Date;
}
