import { Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { LIVE_NAMESPACE, type SubscribeMessage as SubscribeBody } from '@app/contracts';
import type { Namespace, Socket } from 'socket.io';
import { AccessTokenService } from '../access/access-token.service.js';
import type { Principal } from '../access/principal.js';
import { LiveAccessService } from './live-access.service.js';
import { LiveHub } from './live-hub.js';

function asSubscribeBody(body: unknown): SubscribeBody | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { submissionId, sessionId, assessmentId, afterSeq, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return undefined;
  if (afterSeq !== undefined && (typeof afterSeq !== 'number' || !Number.isInteger(afterSeq) || afterSeq < 0))
    return undefined;
  for (const id of [submissionId, sessionId, assessmentId])
    if (id !== undefined && typeof id !== 'string') return undefined;
  return body;
}

/**
 * `/live`: the handshake carries `auth: { token }` (a staff access token or a candidate session
 * token); clients `subscribe` to streams and receive `event` messages. Every bad message gets an
 * `error` event; nothing a client sends can crash the gateway.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE, cors: { origin: true }, maxHttpBufferSize: 64 * 1024 })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(LiveGateway.name);

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly access: LiveAccessService,
    private readonly hub: LiveHub,
  ) {}

  afterInit(namespace: Namespace): void {
    this.hub.attach(namespace);
  }

  async handleConnection(socket: Socket): Promise<void> {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    const principal = typeof token === 'string' && token.length < 4096 ? await this.tokens.verify(token) : undefined;
    if (!principal) {
      socket.emit('error', {
        code: 'unauthenticated',
        message: 'Connect with auth: { token } (a valid access or session token).',
      });
      socket.disconnect(true);
      return;
    }
    (socket.data as { principal?: Principal }).principal = principal;
    this.hub.connected(socket, principal);
  }

  handleDisconnect(socket: Socket): void {
    this.hub.disconnected(socket);
  }

  @SubscribeMessage('subscribe')
  async subscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<void> {
    const principal = (socket.data as { principal?: Principal }).principal;
    const message = asSubscribeBody(body);
    if (!principal) return;
    if (!message) {
      socket.emit('error', {
        code: 'bad_subscription',
        message: 'subscribe takes { submissionId | sessionId | assessmentId, afterSeq? }.',
      });
      return;
    }
    try {
      const decision = await this.access.decide(principal, message);
      if (!decision.allowed) {
        socket.emit('error', { code: decision.code, message: decision.message });
        return;
      }
      const { replayed, lastSeq } = await this.hub.subscribe(socket, decision.stream, message.afterSeq ?? 0);
      socket.emit('subscribed', { stream: decision.stream, replayed, lastSeq });
    } catch (error) {
      this.logger.error(`subscribe failed: ${error instanceof Error ? error.message : String(error)}`);
      socket.emit('error', { code: 'unavailable', message: 'Could not subscribe right now; try again.' });
    }
  }

  @SubscribeMessage('unsubscribe')
  async unsubscribe(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown): Promise<void> {
    const principal = (socket.data as { principal?: Principal }).principal;
    const message = asSubscribeBody(body);
    if (!principal || !message) return;
    const decision = await this.access.decide(principal, message).catch(() => undefined);
    if (decision?.allowed) this.hub.unsubscribe(socket, decision.stream);
  }
}
