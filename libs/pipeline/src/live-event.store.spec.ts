import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LIVE_NAMESPACE, liveStream } from '@app/contracts';
import { createDataSource } from '@app/db';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import pg from 'pg';
import { MessageType } from 'socket.io-adapter';
import type { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import {
  liveEvent,
  recordAndAnnounceLiveEvents,
  recordLiveEvents,
  replayLiveEvents,
  type NewLiveEvent,
} from './live-event.store.js';
import { LIVE_CHANNEL } from './live-publisher.js';

describe('the live event store', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let listener: pg.Client;
  const notifications: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, 4).initialize();
    listener = new pg.Client({ connectionString: database.url });
    await listener.connect();
    listener.on('notification', (message) => notifications.push(message.payload ?? ''));
    await listener.query(`LISTEN "${LIVE_CHANNEL}"`);
  });

  afterAll(async () => {
    await listener.end();
    await dataSource.destroy();
    await database.drop();
  });

  const draft = (sessionId: string, code: string): NewLiveEvent =>
    liveEvent(liveStream.session(sessionId), 'draft.updated', {
      sessionId,
      itemId: randomUUID(),
      language: 'javascript',
      code,
      answer: null,
      at: new Date().toISOString(),
    });

  async function nextNotification(): Promise<string> {
    for (let waited = 0; waited < 5000; waited += 10) {
      const next = notifications.shift();
      if (next !== undefined) return next;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('no notification within 5 s');
  }

  it('numbers the events of several streams in one call, each stream from where it stood, in the order given', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await recordLiveEvents(dataSource.manager, [draft(a, 'a1')]);
    const envelopes = await recordLiveEvents(dataSource.manager, [draft(b, 'b1'), draft(a, 'a2'), draft(b, 'b2')]);

    expect(envelopes.map((e) => [e.stream, e.seq])).toEqual([
      [liveStream.session(b), 1],
      [liveStream.session(a), 2],
      [liveStream.session(b), 2],
    ]);
    const replayed = await replayLiveEvents(dataSource.manager, liveStream.session(a), 0);
    expect(replayed.map((e) => (e.payload as { code: string }).code)).toEqual(['a1', 'a2']);
    expect(replayed[1]).toEqual(envelopes[1]);
  });

  it('gives concurrent writers of the same streams distinct, gapless numbers', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        dataSource.transaction((manager) =>
          // Half of them name the streams in the other order: counters are still taken in one order.
          recordLiveEvents(
            manager,
            i % 2 ? [draft(a, `${i}`), draft(b, `${i}`)] : [draft(b, `${i}`), draft(a, `${i}`)],
          ),
        ),
      ),
    );
    for (const stream of [liveStream.session(a), liveStream.session(b)]) {
      const seqs = (await replayLiveEvents(dataSource.manager, stream, 0)).map((e) => e.seq);
      expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    }
  });

  it('records nothing when the guard of its write yields no row, and everything when it does', async () => {
    const session = randomUUID();
    const guarded = (allowed: boolean) => ({
      ctes: `guard AS (SELECT 1 WHERE $4::boolean)`,
      params: [allowed],
    });
    expect(await recordLiveEvents(dataSource.manager, [draft(session, 'no')], guarded(false))).toEqual([]);
    const [recorded] = await recordLiveEvents(dataSource.manager, [draft(session, 'yes')], guarded(true));
    expect(recorded.seq).toBe(1);
    expect(await replayLiveEvents(dataSource.manager, liveStream.session(session), 0)).toHaveLength(1);
  });

  it('announces what it recorded in the socket.io adapter format when the transaction commits, not before', async () => {
    const session = randomUUID();
    notifications.length = 0;
    let recorded: Awaited<ReturnType<typeof recordAndAnnounceLiveEvents>> | undefined;
    await dataSource.transaction(async (manager) => {
      recorded = await recordAndAnnounceLiveEvents(manager, [draft(session, 'x'), draft(session, 'y')]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(notifications).toEqual([]); // still uncommitted
    });
    expect(recorded!.announced).toBe(true);
    const message = JSON.parse(await nextNotification()) as {
      uid: string;
      nsp: string;
      type: number;
      data: { packet: [string, unknown[]] };
    };
    expect(message).toMatchObject({ uid: 'emitter', nsp: LIVE_NAMESPACE, type: MessageType.SERVER_SIDE_EMIT });
    expect(message.data.packet[0]).toBe('live:events');
    // What the nodes receive is exactly what the writer got back (and what a replay returns).
    expect(message.data.packet[1]).toEqual(JSON.parse(JSON.stringify(recorded!.envelopes)));
    expect(await replayLiveEvents(dataSource.manager, liveStream.session(session), 0)).toEqual(recorded!.envelopes);
  });

  it('announces nothing for a rolled back transaction', async () => {
    notifications.length = 0;
    await expect(
      dataSource.transaction(async (manager) => {
        await recordAndAnnounceLiveEvents(manager, [draft(randomUUID(), 'gone')]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(notifications).toEqual([]);
  });

  it('leaves events too large for one NOTIFY to the publisher', async () => {
    const session = randomUUID();
    notifications.length = 0;
    const recorded = await recordAndAnnounceLiveEvents(dataSource.manager, [draft(session, 'x'.repeat(9000))]);
    expect(recorded.announced).toBe(false);
    expect(recorded.envelopes).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(notifications).toEqual([]);
  });
});
