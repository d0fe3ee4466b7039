import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { BackgroundJobs } from '../jobs/background-jobs.js';
import { WEBHOOK_DELIVERY_QUEUE } from '../jobs/jobs.module.js';
import type { WebhookBody, WebhookEvent, WebhookEventData } from './webhook-events.js';
import { WebhookRepository } from './webhook.repository.js';

export interface WebhookDeliveryJob {
  deliveryId: string;
}

/**
 * Records an event for every endpoint subscribed to it, with the job that delivers it, inside the
 * caller's transaction: a rolled-back event is never delivered, and a committed one always is.
 */
@Injectable()
export class WebhookOutbox {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly jobs: BackgroundJobs,
  ) {}

  async emit<E extends WebhookEvent>(
    manager: EntityManager,
    organizationId: string,
    type: E,
    data: WebhookEventData[E],
  ): Promise<number> {
    const endpoints = await this.webhooks.subscribers(manager, organizationId, type);
    const createdAt = new Date().toISOString();
    for (const endpoint of endpoints) {
      const id = randomUUID();
      const body: WebhookBody<E> = { id, type, createdAt, organizationId, data };
      await this.webhooks.insertDelivery(manager, {
        id,
        organizationId,
        endpointId: endpoint.id,
        event: type,
        body: JSON.stringify(body),
      });
      await this.jobs.send(manager, WEBHOOK_DELIVERY_QUEUE, { deliveryId: id } satisfies WebhookDeliveryJob);
    }
    return endpoints.length;
  }
}
