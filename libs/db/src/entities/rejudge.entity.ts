import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Staff asked to judge the past final submissions of one assessment item again, against another
 * version of its challenge. Each of those submissions gets a `rejudge` submission of its own, so the
 * original keeps the version, verdict and score it was judged with; the report compares the two.
 */
@Entity('rejudges')
@Index('rejudges_assessment_created', ['assessmentId', 'createdAt'])
export class RejudgeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  assessmentId!: string;

  @Column({ type: 'uuid' })
  assessmentItemId!: string;

  /** The version the item is pinned to (what the originals were judged against). */
  @Column({ type: 'uuid' })
  fromVersionId!: string;

  @Column({ type: 'uuid' })
  toVersionId!: string;

  @Column({ type: 'uuid' })
  requestedById!: string;

  @Column({ type: 'integer' })
  submissionCount!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
