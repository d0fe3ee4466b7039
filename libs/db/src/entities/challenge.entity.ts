import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';

/**
 * A challenge of the bank (organizationId null) or private to one organisation. Its content lives in
 * versions: a changed package becomes a new version, and what was judged keeps its own.
 */
@Entity('challenges')
@Index('challenges_public_slug_unique', { synchronize: false })
@Index('challenges_private_slug_unique', { synchronize: false })
export class ChallengeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 100 })
  slug!: string;

  /** Null for the public bank; otherwise the only organisation that can see it. */
  @Column({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  currentVersionId!: string | null;

  @OneToMany(() => ChallengeVersionEntity, (version) => version.challenge)
  versions?: Relation<ChallengeVersionEntity[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/**
 * Whether a version's reference solutions pass every test and its wrong solutions fail a hidden one.
 * An uploaded code or SQL challenge is `pending` until the judge has run them (the API never runs
 * candidate-grade code); everything else is checked before it is stored and is `verified` at once.
 */
export const CHALLENGE_VERIFICATIONS = ['pending', 'verified', 'rejected'] as const;
export type ChallengeVerificationState = (typeof CHALLENGE_VERIFICATIONS)[number];

/** One problem the judge found in an uploaded package: the file concerned and what was wrong. */
export interface VerificationProblem {
  file: string;
  message: string;
}

/** One immutable content of a challenge, identified by the hash of its package. */
@Entity('challenge_versions')
@Unique('challenge_versions_hash_unique', ['challengeId', 'contentHash'])
@Unique('challenge_versions_number_unique', ['challengeId', 'version'])
export class ChallengeVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  challengeId!: string;

  @ManyToOne(() => ChallengeEntity, (challenge) => challenge.versions, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'challengeId' })
  challenge?: Relation<ChallengeEntity>;

  /** 1, 2, 3… in order of arrival. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'char', length: 64 })
  contentHash!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'enum', enum: DIFFICULTIES, enumName: 'difficulty' })
  difficulty!: Difficulty;

  @Column({ type: 'text', array: true })
  competencies!: string[];

  @Column({ type: 'integer' })
  estimatedMinutes!: number;

  /** The whole package as loaded (statement, starters, tests, solutions): never sent to candidates as is. */
  @Column({ type: 'jsonb' })
  definition!: Record<string, unknown>;

  /** What candidates and staff may see (statement, starters, sample tests), built by allow-list at import. */
  @Column({ type: 'jsonb', default: {} })
  publicView!: Record<string, unknown>;

  @Column({
    type: 'enum',
    enum: CHALLENGE_VERIFICATIONS,
    enumName: 'challenge_verification',
    default: 'verified',
  })
  verification!: ChallengeVerificationState;

  /** Every problem of a `rejected` version; empty otherwise. */
  @Column({ type: 'jsonb', default: [] })
  verificationProblems!: VerificationProblem[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
