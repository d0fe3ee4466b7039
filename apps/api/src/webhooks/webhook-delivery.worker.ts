import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ApiConfig } from '@app/config';
import type { WebhookDeliveryStatus } from '@app/db';
import { DataSource } from 'typeorm';
import { BackgroundJobs } from '../jobs/background-jobs.js';
import { WEBHOOK_DELIVERY_QUEUE } from '../jobs/jobs.module.js';
import type { WebhookDeliveryJob } from './webhook-outbox.js';
import { privateAddressOf } from './webhook-address.js';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature.js';
import { WebhookRepository } from './webhook.repository.js';

/** Why an attempt failed, in words an admin can act on. */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message}` : ''}`.slice(0, 500);
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

class DeliveryFailed extends Error {}

/** Deliveries in flight per API node: a slow receiver holds one slot (and one connection) until its timeout. */
const DELIVERY_CONCURRENCY = 4;

/**
 * Sends webhook deliveries, one attempt per job run. The attempt is recorded whatever happens; a
 * failure throws so that pg-boss retries the job with exponential backoff, until the last attempt
 * marks the delivery failed. The delivery row is locked during the attempt, so two nodes never
 * send the same attempt.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly webhooks: WebhookRepository,
    private readonly jobs: BackgroundJobs,
    private readonly config: ApiConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work<WebhookDeliveryJob>(WEBHOOK_DELIVERY_QUEUE, DELIVERY_CONCURRENCY, (job) =>
      this.attempt(job.deliveryId),
    );
  }

  async attempt(deliveryId: string): Promise<void> {
    const failure = await this.dataSource.transaction(async (manager) => {
      const locked = await this.webhooks.lockDelivery(manager, deliveryId);
      if (!locked || locked.delivery.status !== 'pending') return undefined;
      const { delivery, endpoint } = locked;
      if (!endpoint?.enabled) {
        await this.webhooks.setStatus(manager, delivery.id, 'cancelled');
        return undefined;
      }
      const attempt = delivery.attemptCount + 1;
      const at = new Date();
      const started = performance.now();
      let statusCode: number | null = null;
      let error: string | null = null;
      let final = false;
      try {
        const refused = this.config.WEBHOOK_ALLOW_PRIVATE_ADDRESSES ? undefined : await privateAddressOf(endpoint.url);
        if (refused !== undefined) {
          error = `refused: the endpoint resolves to the private address ${refused}`;
          final = true; // retrying would not change where it points
        } else {
          const response = await fetch(endpoint.url, {
            method: 'POST',
            redirect: 'manual',
            signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS),
            headers: {
              'content-type': 'application/json',
              'user-agent': 'Assay-Webhooks/1',
              'assay-event': delivery.event,
              'assay-delivery': delivery.id,
              [SIGNATURE_HEADER.toLowerCase()]: signWebhook(
                endpoint.secret,
                delivery.body,
                Math.floor(Date.now() / 1000),
              ),
            },
            body: delivery.body,
          });
          statusCode = response.status;
          await response.body?.cancel().catch(() => undefined);
          if (statusCode < 200 || statusCode > 299) error = `the receiver answered HTTP ${statusCode}`;
        }
      } catch (caught) {
        error = describeFailure(caught, this.config.WEBHOOK_TIMEOUT_MS);
      }
      const durationMs = Math.round(performance.now() - started);
      const status: WebhookDeliveryStatus =
        error === null ? 'delivered' : final || attempt >= this.config.WEBHOOK_MAX_ATTEMPTS ? 'failed' : 'pending';
      await this.webhooks.recordAttempt(
        manager,
        { deliveryId: delivery.id, attempt, at, statusCode, durationMs, error },
        status,
      );
      return status === 'pending' ? error : undefined;
    });
    if (failure !== undefined && failure !== null) {
      this.logger.warn(`Webhook delivery ${deliveryId} failed (${failure}); it will be retried`);
      throw new DeliveryFailed(failure);
    }
  }
}
