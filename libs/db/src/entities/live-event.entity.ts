import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The last sequence number handed out per stream: one row lock orders concurrent writers. */
@Entity('live_streams')
export class LiveStreamEntity {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  stream!: string;

  @Column({ type: 'integer' })
  lastSeq!: number;
}

/** Every live event, kept so that late and reconnecting clients replay what they missed; keyed by its place. */
@Entity('live_events')
export class LiveEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 80, primaryKeyConstraintName: 'PK_live_events_stream_seq' })
  stream!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_live_events_stream_seq' })
  seq!: number;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  @Column({ type: 'jsonb' })
  payload!: object;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
