import { Module } from '@nestjs/common';
import { WebhookDeliveryWorker } from './webhook-delivery.worker.js';
import { WebhookOutbox } from './webhook-outbox.js';
import { WebhookRepository } from './webhook.repository.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

/** Endpoints registered by admins, the outbox that records events, and the worker that delivers them. */
@Module({
  controllers: [WebhooksController],
  providers: [WebhooksService, WebhookRepository, WebhookOutbox, WebhookDeliveryWorker],
  exports: [WebhookOutbox],
})
export class WebhooksModule {}
