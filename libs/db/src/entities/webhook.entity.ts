import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { OrganizationEntity } from './organization.entity.js';

/** An organisation's receiver of events, signed with its secret. */
@Entity('webhook_endpoints')
@Index('webhook_endpoints_org_url_unique', ['organizationId', 'url'], { unique: true })
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Relation<OrganizationEntity>;

  @Column({ type: 'varchar', length: 2048 })
  url!: string;

  @Column({ type: 'text', array: true })
  events!: string[];

  @Column({ type: 'varchar', length: 200, nullable: true })
  description!: string | null;

  /** Kept as is: signing needs it. Shown to the admin once, when generated or rotated. */
  @Column({ type: 'varchar', length: 200 })
  secret!: string;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One event to deliver to one endpoint: written with its job, in the transaction of the event. */
@Entity('webhook_deliveries')
@Index('webhook_deliveries_endpoint_created', ['endpointId', 'createdAt'])
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  endpointId!: string;

  @ManyToOne(() => WebhookEndpointEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpointId' })
  endpoint?: Relation<WebhookEndpointEntity>;

  @Column({ type: 'varchar', length: 60 })
  event!: string;

  /** The exact body sent, so that every attempt signs and sends the same bytes. */
  @Column({ type: 'text' })
  body!: string;

  @Column({
    type: 'enum',
    enum: WEBHOOK_DELIVERY_STATUSES,
    enumName: 'webhook_delivery_status',
    default: 'pending',
  })
  status!: WebhookDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attemptCount!: number;

  @OneToMany(() => WebhookAttemptEntity, (attempt) => attempt.delivery)
  attempts?: Relation<WebhookAttemptEntity[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}

/** One try of a delivery: what the receiver answered, or why it could not. */
@Entity('webhook_attempts')
@Index('webhook_attempts_delivery_attempt_unique', ['deliveryId', 'attempt'], { unique: true })
export class WebhookAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  deliveryId!: string;

  @ManyToOne(() => WebhookDeliveryEntity, (delivery) => delivery.attempts, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'deliveryId' })
  delivery?: Relation<WebhookDeliveryEntity>;

  @Column({ type: 'integer' })
  attempt!: number;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'integer', nullable: true })
  statusCode!: number | null;

  @Column({ type: 'integer' })
  durationMs!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
