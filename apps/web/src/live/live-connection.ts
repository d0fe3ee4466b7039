import { io, type Socket } from 'socket.io-client';
import { type LiveEvent, type LiveTarget, parseLiveEvent, streamOf } from './live-events.js';
import { StreamCursor } from './stream-cursor.js';

/** The socket.io namespace and path of the API's gateway (issue 6). */
export const LIVE_NAMESPACE = '/live';
export const LIVE_PATH = '/socket.io';

export type LiveStatus = 'idle' | 'connecting' | 'live' | 'reconnecting';

interface Subscription {
  target: LiveTarget;
  stream: string;
  cursor: StreamCursor;
  listener: (event: LiveEvent) => void;
}

type SocketFactory = (token: () => Promise<string>) => Socket;

const defaultFactory: SocketFactory = (token) =>
  io(LIVE_NAMESPACE, {
    path: LIVE_PATH,
    // A function, so that every reconnection presents a current token.
    auth: (send) => {
      token().then(
        (value) => send({ token: value }),
        () => send({}),
      );
    },
    reconnectionDelay: 500,
    reconnectionDelayMax: 10_000,
    timeout: 10_000,
  });

/**
 * One socket per page, many streams over it. Each stream keeps its cursor, so a reconnection
 * resubscribes with `afterSeq` and the page sees every event once, in order.
 */
export class LiveConnection {
  private socket: Socket | null = null;
  private readonly subscriptions = new Set<Subscription>();
  private readonly statusListeners = new Set<(status: LiveStatus) => void>();
  private currentStatus: LiveStatus = 'idle';

  constructor(
    private readonly token: () => Promise<string>,
    private readonly factory: SocketFactory = defaultFactory,
  ) {}

  get status(): LiveStatus {
    return this.currentStatus;
  }

  subscribe(target: LiveTarget, listener: (event: LiveEvent) => void): () => void {
    const subscription: Subscription = { target, stream: streamOf(target), cursor: new StreamCursor(), listener };
    this.subscriptions.add(subscription);
    const socket = this.ensureSocket();
    if (socket.connected) this.sendSubscribe(socket, subscription);
    return () => {
      this.subscriptions.delete(subscription);
      if (this.socket?.connected) this.socket.emit('unsubscribe', { ...subscription.target });
    };
  }

  onStatus(listener: (status: LiveStatus) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.currentStatus);
    return () => this.statusListeners.delete(listener);
  }

  close(): void {
    this.subscriptions.clear();
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.setStatus('idle');
  }

  private ensureSocket(): Socket {
    if (this.socket) return this.socket;
    const socket = this.factory(this.token);
    this.socket = socket;
    this.setStatus('connecting');
    socket.on('connect', () => {
      this.setStatus('live');
      for (const subscription of this.subscriptions) this.sendSubscribe(socket, subscription);
    });
    socket.on('disconnect', () => this.setStatus('reconnecting'));
    socket.on('connect_error', () => this.setStatus('reconnecting'));
    socket.on('event', (raw: unknown) => this.receive(socket, raw));
    // Events that reached the server together come in one message, in order.
    socket.on('events', (raw: unknown) => {
      if (Array.isArray(raw)) for (const item of raw as unknown[]) this.receive(socket, item);
    });
    return socket;
  }

  private receive(socket: Socket, raw: unknown): void {
    const event = parseLiveEvent(raw);
    if (!event) return;
    for (const subscription of this.subscriptions) {
      if (subscription.stream !== event.stream) continue;
      const decision = subscription.cursor.decide(event.seq);
      if (decision === 'duplicate') continue;
      if (decision === 'gap') {
        this.sendSubscribe(socket, subscription);
        continue;
      }
      subscription.cursor.advance(event.seq);
      subscription.listener(event);
    }
  }

  private sendSubscribe(socket: Socket, subscription: Subscription): void {
    const afterSeq = subscription.cursor.last;
    socket.emit('subscribe', afterSeq === null ? { ...subscription.target } : { ...subscription.target, afterSeq });
  }

  private setStatus(status: LiveStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    for (const listener of this.statusListeners) listener(status);
  }
}
