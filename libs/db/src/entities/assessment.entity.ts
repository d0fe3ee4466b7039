import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { ChallengeVersionEntity } from './challenge.entity.js';

/** A timed set of challenges a recruiter sends to candidates. */
@Entity('assessments')
export class AssessmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @Index()
  organizationId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'integer' })
  durationMinutes!: number;

  @Column({ type: 'uuid' })
  createdById!: string;

  @OneToMany(() => AssessmentItemEntity, (item) => item.assessment)
  items?: Relation<AssessmentItemEntity[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** One challenge of an assessment, pinned to the version it was built with. */
@Entity('assessment_items')
@Index('assessment_items_position_unique', ['assessmentId', 'position'], { unique: true })
export class AssessmentItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  assessmentId!: string;

  @ManyToOne(() => AssessmentEntity, (assessment) => assessment.items, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assessmentId' })
  assessment?: Relation<AssessmentEntity>;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'uuid' })
  challengeVersionId!: string;

  @ManyToOne(() => ChallengeVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'challengeVersionId' })
  challengeVersion?: Relation<ChallengeVersionEntity>;

  @Column({
    type: 'numeric',
    precision: 6,
    scale: 2,
    default: 1,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  weight!: number;
}
