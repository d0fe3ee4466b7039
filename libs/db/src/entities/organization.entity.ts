import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from './user.entity.js';

/** A company using Assay. Everything a customer owns hangs off one organisation. */
@Entity('organizations')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** URL-safe handle, unique across Assay. */
  @Column({ type: 'varchar', length: 80, unique: true })
  slug!: string;

  /**
   * Compare this organisation's submissions with those of other organisations that allow it too
   * (anonymised both ways: neither side sees the other's candidate, code or organisation).
   */
  @Column({ type: 'boolean', default: false })
  crossOrganizationScreening!: boolean;

  @OneToMany(() => UserEntity, (user) => user.organization)
  users?: Relation<UserEntity[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
