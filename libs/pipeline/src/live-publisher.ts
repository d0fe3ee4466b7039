import { LIVE_NAMESPACE, type LiveEnvelope } from '@app/contracts';
import { encode } from '@msgpack/msgpack';
import pg from 'pg';
import { MessageType, type ClusterMessage } from 'socket.io-adapter';

/** What @socket.io/postgres-adapter listens to, and how it treats senders that are not servers. */
export const LIVE_CHANNEL = `socket.io#${LIVE_NAMESPACE}`;
export const EMITTER_UID = 'emitter';
/** NOTIFY carries at most 8000 bytes; larger messages go through the adapter's attachment table. */
export const NOTIFY_PAYLOAD_LIMIT = 8000;
const ATTACHMENTS_TABLE = 'socket_io_attachments';

/**
 * Sends recorded events from a process without a socket.io server (the judge) to every API node,
 * as a `serverSideEmit('live:events', [...])` on `/live` in the PostgreSQL adapter's own wire format; each
 * node then delivers them to its subscribers in sequence order.
 *
 * Why not @socket.io/postgres-emitter: its 0.1 line publishes messages without the top-level
 * `nsp` that @socket.io/postgres-adapter 0.5 (socket.io-adapter's ClusterAdapter) routes on, so
 * every message it sends is ignored (see docs/decisions/0003-live-pipeline.md).
 */
export class LivePublisher {
  /** Publications leave one after another, in the order they were asked for. */
  private queue: Promise<void> = Promise.resolve();

  private constructor(private readonly pool: pg.Pool) {}

  static create(databaseUrl: string): LivePublisher {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, application_name: 'assay-live-publisher' });
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    return new LivePublisher(pool);
  }

  /** Events recorded together travel together: one NOTIFY for as many as fit in its 8000 bytes. */
  publish(envelopes: readonly LiveEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return this.queue;
    const batch = [...envelopes];
    this.queue = this.queue.then(() => this.sendAll(batch)).catch(() => undefined);
    return this.queue;
  }

  private async sendAll(envelopes: LiveEnvelope[]): Promise<void> {
    let start = 0;
    while (start < envelopes.length) {
      // The longest run of events, from `start`, whose message fits in a NOTIFY (at least one).
      let end = start + 1;
      let payload = this.message(envelopes.slice(start, end));
      while (end < envelopes.length) {
        const longer = this.message(envelopes.slice(start, end + 1));
        if (Buffer.byteLength(longer) > NOTIFY_PAYLOAD_LIMIT) break;
        payload = longer;
        end++;
      }
      await this.send(payload);
      start = end;
    }
  }

  private message(envelopes: LiveEnvelope[]): string {
    const message: ClusterMessage = {
      uid: EMITTER_UID,
      nsp: LIVE_NAMESPACE,
      type: MessageType.SERVER_SIDE_EMIT,
      data: { packet: ['live:events', envelopes] },
    };
    return JSON.stringify(message);
  }

  private async send(payload: string): Promise<void> {
    if (Buffer.byteLength(payload) <= NOTIFY_PAYLOAD_LIMIT) {
      await this.pool.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, payload]);
      return;
    }
    const message = JSON.parse(payload) as ClusterMessage;
    const { rows } = await this.pool.query<{ id: string }>(
      `INSERT INTO ${ATTACHMENTS_TABLE} (payload) VALUES ($1) RETURNING id`,
      [Buffer.from(encode(message))],
    );
    const header = JSON.stringify({ uid: EMITTER_UID, type: message.type, attachmentId: rows[0].id });
    await this.pool.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, header]);
  }

  async close(): Promise<void> {
    await this.queue;
    await this.pool.end();
  }
}
