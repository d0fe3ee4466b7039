import { Injectable } from '@nestjs/common';
import type { WebhookEndpointEntity } from '@app/db';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { StaffPrincipal } from '../access/principal.js';
import { DomainException } from '../errors/domain.exception.js';
import type {
  PatchWebhookDto,
  PutWebhookDto,
  WebhookDeliveryDto,
  WebhookEndpointDto,
  WebhookSecretDto,
} from './dto/webhook.dto.js';
import { WebhookRepository } from './webhook.repository.js';

const notFound = () => new DomainException('not_found', 'webhook_not_found', 'No such webhook endpoint.');
const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

@Injectable()
export class WebhooksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly webhooks: WebhookRepository,
  ) {}

  /** Registers an endpoint, or updates the organisation's endpoint with the same URL. */
  async put(admin: StaffPrincipal, input: PutWebhookDto): Promise<{ created: boolean; endpoint: WebhookEndpointDto }> {
    return this.dataSource.transaction(async (manager) => {
      const existing = await this.webhooks.findEndpointByUrl(manager, admin.organizationId, input.url);
      const generated = input.secret === undefined && !existing ? newSecret() : undefined;
      const saved = await this.webhooks.saveEndpoint(manager, {
        ...(existing ? { id: existing.id } : { organizationId: admin.organizationId, enabled: true }),
        url: input.url,
        events: input.events,
        description: input.description ?? existing?.description ?? null,
        secret: input.secret ?? generated ?? existing!.secret,
      });
      const endpoint = toEndpointDto({ ...existing, ...saved });
      return { created: !existing, endpoint: generated ? { ...endpoint, secret: generated } : endpoint };
    });
  }

  async list(admin: StaffPrincipal): Promise<WebhookEndpointDto[]> {
    return (await this.webhooks.listEndpoints(admin.organizationId)).map(toEndpointDto);
  }

  async patch(admin: StaffPrincipal, id: string, input: PatchWebhookDto): Promise<WebhookEndpointDto> {
    const endpoint = await this.webhooks.findEndpoint(admin.organizationId, id);
    if (!endpoint) throw notFound();
    if (input.url !== undefined && input.url !== endpoint.url) {
      const clash = (await this.webhooks.listEndpoints(admin.organizationId)).some((other) => other.url === input.url);
      if (clash) {
        throw new DomainException('conflict', 'webhook_url_taken', 'Another endpoint of yours has this URL.');
      }
    }
    const updated = await this.dataSource.transaction(async (manager) => {
      const saved = await this.webhooks.saveEndpoint(manager, {
        ...endpoint,
        ...(input.url === undefined ? {} : { url: input.url }),
        ...(input.events === undefined ? {} : { events: input.events }),
        ...(input.enabled === undefined ? {} : { enabled: input.enabled }),
        ...(input.description === undefined ? {} : { description: input.description }),
      });
      if (input.enabled === false) await this.webhooks.cancelPending(manager, endpoint.id);
      return saved;
    });
    return toEndpointDto(updated);
  }

  async remove(admin: StaffPrincipal, id: string): Promise<void> {
    if (!(await this.webhooks.deleteEndpoint(admin.organizationId, id))) throw notFound();
  }

  async rotateSecret(admin: StaffPrincipal, id: string): Promise<WebhookSecretDto> {
    const endpoint = await this.webhooks.findEndpoint(admin.organizationId, id);
    if (!endpoint) throw notFound();
    const secret = newSecret();
    await this.webhooks.saveEndpoint(this.dataSource.manager, { id: endpoint.id, secret });
    return { secret };
  }

  async deliveries(admin: StaffPrincipal, id: string, limit = 50): Promise<WebhookDeliveryDto[]> {
    const endpoint = await this.webhooks.findEndpoint(admin.organizationId, id);
    if (!endpoint) throw notFound();
    return (await this.webhooks.deliveries(endpoint.id, limit)).map((delivery) => ({
      id: delivery.id,
      event: delivery.event,
      status: delivery.status,
      createdAt: delivery.createdAt,
      deliveredAt: delivery.deliveredAt,
      body: JSON.parse(delivery.body) as unknown,
      attempts: (delivery.attempts ?? []).map((attempt) => ({
        attempt: attempt.attempt,
        at: attempt.at,
        statusCode: attempt.statusCode,
        durationMs: attempt.durationMs,
        error: attempt.error,
      })),
    }));
  }
}

function toEndpointDto(endpoint: WebhookEndpointEntity): WebhookEndpointDto {
  return {
    id: endpoint.id,
    url: endpoint.url,
    events: endpoint.events,
    description: endpoint.description,
    enabled: endpoint.enabled,
    createdAt: endpoint.createdAt,
    updatedAt: endpoint.updatedAt,
  };
}
