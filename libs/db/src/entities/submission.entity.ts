import {
  type SampleDetailsPayload,
  SUBMISSION_KINDS,
  SUBMISSION_STATUSES,
  VERDICTS,
  type SubmissionKind,
  type SubmissionStatus,
  type Verdict,
} from '@app/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { CandidateSessionEntity } from './candidate-session.entity.js';

/**
 * A run (sample tests) or a final submission (every test, scored). Its state only moves forward
 * (queued -> running -> finished), and a finished one has a verdict: constraints in the database,
 * so a retried judge job cannot finalise it twice.
 */
@Entity('submissions')
@Index('submissions_session_item_created', ['sessionId', 'assessmentItemId', 'createdAt'])
@Index('submissions_rejudge', ['rejudgeId'])
@Check('submissions_finished_has_verdict', `("status" = 'finished') = ("verdict" IS NOT NULL)`)
export class SubmissionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => CandidateSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'sessionId' })
  session?: Relation<CandidateSessionEntity>;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  assessmentItemId!: string;

  /** The exact challenge content it is judged against. */
  @Column({ type: 'uuid' })
  challengeVersionId!: string;

  @Column({ type: 'enum', enum: SUBMISSION_KINDS, enumName: 'submission_kind' })
  kind!: SubmissionKind;

  @Column({ type: 'varchar', length: 20, nullable: true })
  language!: string | null;

  @Column({ type: 'text', nullable: true })
  code!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  answer!: object | null;

  @Column({ type: 'enum', enum: SUBMISSION_STATUSES, enumName: 'submission_status', default: 'queued' })
  status!: SubmissionStatus;

  @Column({ type: 'enum', enum: VERDICTS, enumName: 'verdict', nullable: true })
  verdict!: Verdict | null;

  /** Share of the weighted hidden tests passed, 0..1; null for runs and for items graded by people. */
  @Column({
    type: 'numeric',
    precision: 6,
    scale: 5,
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  score!: number | null;

  @Column({ type: 'text', nullable: true })
  message!: string | null;

  /**
   * How an answer item (quiz, code review, system design) was graded, question by question: for staff
   * only, since it names the right options, the planted defects and the expected estimates.
   */
  @Column({ type: 'jsonb', nullable: true })
  grading!: Record<string, unknown> | null;

  /** A rejudge: the final submission it judges again, and the rejudge it belongs to. */
  @Column({ type: 'uuid', nullable: true })
  rejudgeOfId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  rejudgeId!: string | null;

  /** Judge attempts so far: a submission that keeps killing its judge ends after a bounded number. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** The pg-boss job of the current attempt, so that a stalled attempt can be failed and retried. */
  @Column({ type: 'uuid', nullable: true })
  jobId!: string | null;

  /** Refreshed every few seconds by the judge running it; a stale one means that judge died. */
  @Column({ type: 'timestamptz', nullable: true })
  heartbeatAt!: Date | null;

  @OneToMany(() => TestResultEntity, (result) => result.submission)
  testResults?: Relation<TestResultEntity[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}

/** One test's outcome, keyed by its submission and its place; details (input, expected, actual) only for sample tests. */
@Entity('test_results')
export class TestResultEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_test_results_submission_index' })
  submissionId!: string;

  @ManyToOne(() => SubmissionEntity, (submission) => submission.testResults, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'submissionId' })
  submission?: Relation<SubmissionEntity>;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_test_results_submission_index' })
  index!: number;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ type: 'boolean' })
  sample!: boolean;

  @Column({ type: 'real', default: 1 })
  weight!: number;

  @Column({ type: 'enum', enum: VERDICTS, enumName: 'verdict' })
  verdict!: Verdict;

  @Column({ type: 'integer' })
  timeMs!: number;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'jsonb', nullable: true })
  details!: SampleDetailsPayload | null;
}
