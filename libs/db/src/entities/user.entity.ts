import {
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
import { OrganizationEntity } from './organization.entity.js';

export const STAFF_ROLES = ['admin', 'recruiter', 'interviewer'] as const;
/** What a member of an organisation's staff may do; candidates have no account. */
export type StaffRole = (typeof STAFF_ROLES)[number];

@Entity('users')
@Index('users_email_unique', { synchronize: false })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  @Index()
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, (organization) => organization.users, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Relation<OrganizationEntity>;

  /** Stored as given; uniqueness is case-insensitive (a functional index in the migration). */
  @Column({ type: 'varchar', length: 320 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'enum', enum: STAFF_ROLES, enumName: 'staff_role' })
  role!: StaffRole;

  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
