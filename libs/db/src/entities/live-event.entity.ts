import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The last sequence number handed out per stream: one row lock orders concurrent writers. */
@Entity('live_streams')
export class LiveStreamEntity {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  stream!: string;

  @Column({ type: 'integer' })
  lastSeq!: number;
}

/** Every live event, kept so that late and reconnecting clients replay what they missed. */
@Entity('live_events')
@Index('live_events_stream_seq_unique', ['stream', 'seq'], { unique: true })
export class LiveEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 80 })
  stream!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  @Column({ type: 'jsonb' })
  payload!: object;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
