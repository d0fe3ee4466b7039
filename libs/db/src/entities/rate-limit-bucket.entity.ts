import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A fixed-window counter per client and action (`login:203.0.113.7`). Kept in PostgreSQL so that
 * every API node enforces the same limit; rows of past windows are overwritten, and swept.
 */
@Entity('rate_limit_buckets')
export class RateLimitBucketEntity {
  @PrimaryColumn({ type: 'varchar', length: 300 })
  key!: string;

  @Column({ type: 'timestamptz' })
  windowStartedAt!: Date;

  @Column({ type: 'integer' })
  hits!: number;
}
