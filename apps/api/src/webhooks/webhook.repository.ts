import { Injectable } from '@nestjs/common';
import {
  WebhookAttemptEntity,
  WebhookDeliveryEntity,
  WebhookEndpointEntity,
  type WebhookDeliveryStatus,
} from '@app/db';
import { DataSource, type EntityManager } from 'typeorm';

/** Webhook endpoints, deliveries and attempts; every read by staff is confined to one organisation. */
@Injectable()
export class WebhookRepository {
  constructor(private readonly dataSource: DataSource) {}

  private endpoints(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(WebhookEndpointEntity);
  }

  findEndpoint(organizationId: string, id: string): Promise<WebhookEndpointEntity | null> {
    return this.endpoints().findOneBy({ organizationId, id });
  }

  findEndpointByUrl(
    manager: EntityManager,
    organizationId: string,
    url: string,
  ): Promise<WebhookEndpointEntity | null> {
    return this.endpoints(manager).findOne({ where: { organizationId, url }, lock: { mode: 'pessimistic_write' } });
  }

  listEndpoints(organizationId: string): Promise<WebhookEndpointEntity[]> {
    return this.endpoints().find({ where: { organizationId }, order: { createdAt: 'ASC' } });
  }

  saveEndpoint(manager: EntityManager, endpoint: Partial<WebhookEndpointEntity>): Promise<WebhookEndpointEntity> {
    return this.endpoints(manager).save(endpoint);
  }

  deleteEndpoint(organizationId: string, id: string): Promise<boolean> {
    return this.endpoints()
      .delete({ organizationId, id })
      .then((result) => (result.affected ?? 0) > 0);
  }

  /** Enabled endpoints of the organisation that subscribed to the event. */
  subscribers(manager: EntityManager, organizationId: string, event: string): Promise<WebhookEndpointEntity[]> {
    return this.endpoints(manager)
      .createQueryBuilder('endpoint')
      .where('endpoint.organizationId = :organizationId AND endpoint.enabled AND :event = ANY(endpoint.events)', {
        organizationId,
        event,
      })
      .getMany();
  }

  insertDelivery(
    manager: EntityManager,
    delivery: Pick<WebhookDeliveryEntity, 'id' | 'organizationId' | 'endpointId' | 'event' | 'body'>,
  ): Promise<void> {
    return manager
      .getRepository(WebhookDeliveryEntity)
      .insert({ ...delivery, status: 'pending', attemptCount: 0 })
      .then(() => undefined);
  }

  /** The delivery with its endpoint, locked for the attempt: one attempt at a time, across nodes. */
  async lockDelivery(
    manager: EntityManager,
    id: string,
  ): Promise<{ delivery: WebhookDeliveryEntity; endpoint: WebhookEndpointEntity | null } | undefined> {
    const delivery = await manager
      .getRepository(WebhookDeliveryEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!delivery) return undefined;
    return { delivery, endpoint: await this.endpoints(manager).findOneBy({ id: delivery.endpointId }) };
  }

  async recordAttempt(
    manager: EntityManager,
    attempt: Omit<WebhookAttemptEntity, 'id' | 'delivery'>,
    status: WebhookDeliveryStatus,
  ): Promise<void> {
    await manager.getRepository(WebhookAttemptEntity).insert(attempt);
    await manager
      .getRepository(WebhookDeliveryEntity)
      .update(
        { id: attempt.deliveryId },
        { attemptCount: attempt.attempt, status, ...(status === 'delivered' ? { deliveredAt: attempt.at } : {}) },
      );
  }

  async setStatus(manager: EntityManager, id: string, status: WebhookDeliveryStatus): Promise<void> {
    await manager.getRepository(WebhookDeliveryEntity).update({ id }, { status });
  }

  /** Pending deliveries of an endpoint that was disabled will not be sent. */
  async cancelPending(manager: EntityManager, endpointId: string): Promise<void> {
    await manager
      .getRepository(WebhookDeliveryEntity)
      .update({ endpointId, status: 'pending' }, { status: 'cancelled' });
  }

  deliveries(endpointId: string, limit: number): Promise<WebhookDeliveryEntity[]> {
    return this.dataSource
      .getRepository(WebhookDeliveryEntity)
      .createQueryBuilder('delivery')
      .leftJoinAndSelect('delivery.attempts', 'attempt')
      .where(
        'delivery.id IN (SELECT id FROM webhook_deliveries WHERE "endpointId" = :endpointId ORDER BY "createdAt" DESC, id LIMIT :limit)',
        {
          endpointId,
          limit,
        },
      )
      .orderBy('delivery.createdAt', 'DESC')
      .addOrderBy('attempt.attempt', 'ASC')
      .getMany();
  }
}
