import type { LiveEnvelope } from '@app/contracts';
import { io, type Socket } from 'socket.io-client';

/** A socket.io client of `/live` that records what it receives, for assertions. */
export class LiveTestClient {
  readonly events: LiveEnvelope[] = [];
  /** The events as they came: one per `event` message, several per `events` message. */
  readonly messages: LiveEnvelope[][] = [];
  readonly errors: { code: string; message: string }[] = [];
  private constructor(readonly socket: Socket) {
    socket.on('event', (envelope: LiveEnvelope) => {
      this.events.push(envelope);
      this.messages.push([envelope]);
    });
    socket.on('events', (envelopes: LiveEnvelope[]) => {
      this.events.push(...envelopes);
      this.messages.push(envelopes);
    });
    socket.on('error', (error: { code: string; message: string }) => this.errors.push(error));
  }

  static connect(baseUrl: string, token: string | undefined): Promise<LiveTestClient> {
    const socket = io(`${baseUrl}/live`, {
      auth: token === undefined ? {} : { token },
      transports: ['websocket'],
      reconnection: false,
    });
    const client = new LiveTestClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(client));
      socket.once('connect_error', reject);
    });
  }

  subscribe(message: Record<string, unknown>): Promise<{ stream: string; replayed: number; lastSeq: number }> {
    return new Promise((resolve, reject) => {
      const onError = (error: { code: string; message: string }) =>
        reject(new Error(`${error.code}: ${error.message}`));
      this.socket.once('error', onError);
      this.socket.once('subscribed', (ack: { stream: string; replayed: number; lastSeq: number }) => {
        this.socket.off('error', onError);
        resolve(ack);
      });
      this.socket.emit('subscribe', message);
    });
  }

  async waitFor(predicate: (envelope: LiveEnvelope) => boolean, timeoutMs = 20_000): Promise<LiveEnvelope> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(predicate);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(
          `no matching event after ${timeoutMs} ms; got ${JSON.stringify(this.events.map((e) => e.type))}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  stream(stream: string): LiveEnvelope[] {
    return this.events.filter((envelope) => envelope.stream === stream);
  }

  close(): void {
    this.socket.disconnect();
  }
}
