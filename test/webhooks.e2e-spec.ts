import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDataSource } from '@app/db';
import {
  HttpClient,
  createTestDatabase,
  newMember,
  newOrganization,
  seedChallenge,
  startTestApi,
  type RunningTestApi,
  type SignedInStaff,
  type TestDatabase,
} from '@app/testing';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { createApiApplication } from '../apps/api/src/api.application.js';
import { verifyWebhookSignature } from '../apps/api/src/webhooks/webhook-signature.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  verified: boolean;
}

/** A real HTTP receiver on an ephemeral port: answers with `statuses` in turn (then the last one). */
class Receiver {
  readonly received: Received[] = [];
  secret = '';
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(statuses: number[] = [204]): Promise<Receiver> {
    const box: { receiver?: Receiver } = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const receiver = box.receiver!;
        const verified = verifyWebhookSignature(receiver.secret, body, request.headers['assay-signature'] as string);
        receiver.received.push({ headers: request.headers, body, verified });
        response.statusCode = statuses[Math.min(receiver.received.length - 1, statuses.length - 1)];
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    box.receiver = new Receiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`);
    return box.receiver;
  }

  events(type?: string) {
    return this.received
      .map((entry) => JSON.parse(entry.body) as { id: string; type: string; data: Record<string, unknown> })
      .filter((event) => type === undefined || event.type === type);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function eventually<T>(probe: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('webhooks', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let running: RunningTestApi;
  let api: HttpClient;
  let admin: SignedInStaff;
  let recruiter: SignedInStaff;
  let interviewer: SignedInStaff;
  let assessmentId: string;
  let good: Receiver;
  let flaky: Receiver;

  const as = (staff: SignedInStaff) => ({ token: staff.accessToken });
  const startSession = async () => {
    const invite = await api.post(
      `/api/v1/assessments/${assessmentId}/invites`,
      { candidateName: 'Grace', candidateEmail: 'grace@example.test' },
      as(recruiter),
    );
    const started = await api.post('/api/v1/candidate/sessions', { inviteToken: invite.body.token });
    return { token: started.body.sessionToken as string, id: started.body.session.id as string };
  };
  const register = async (url: string, events: string[]) => {
    const response = await api.put('/api/v1/webhooks', { url, events }, as(admin));
    expect(response.status).toBe(201);
    return response.body as { id: string; secret: string };
  };
  const deliveries = (id: string) => api.get(`/api/v1/webhooks/${id}/deliveries`, as(admin));

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, 2).initialize();
    await seedChallenge(dataSource, { slug: 'lru-cache', type: 'class' });
    running = await startTestApi(createApiApplication, database.url, {
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      WEBHOOK_RETRY_DELAY_SECONDS: '1',
      WEBHOOK_MAX_ATTEMPTS: '3',
      WEBHOOK_TIMEOUT_MS: '2000',
      WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true', // the receivers listen on 127.0.0.1
    });
    api = new HttpClient(running.url);
    admin = await newOrganization(api);
    recruiter = await newMember(api, admin, 'recruiter');
    interviewer = await newMember(api, admin, 'interviewer');
    assessmentId = (
      await api.post(
        '/api/v1/assessments',
        { title: 'Hooked', durationMinutes: 30, items: [{ challengeSlug: 'lru-cache' }] },
        as(recruiter),
      )
    ).body.id;
    good = await Receiver.start([204]);
    flaky = await Receiver.start([500, 503, 200]);
  });
  afterAll(async () => {
    await running?.close();
    await good?.close();
    await flaky?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('registers endpoints, shows a generated secret once, and validates what it is given', async () => {
    const created = await register(good.url, ['session.completed', 'review.submitted']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    good.secret = created.secret;
    const again = await api.put(
      '/api/v1/webhooks',
      { url: good.url, events: ['session.completed', 'review.submitted'], description: 'ATS' },
      as(admin),
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: created.id, description: 'ATS', enabled: true });
    expect(again.body.secret).toBeUndefined();
    const listed = await api.get('/api/v1/webhooks', as(admin));
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0].secret).toBeUndefined();

    for (const body of [
      { url: 'ftp://example.com/x', events: ['session.completed'] },
      { url: 'javascript:alert(1)', events: ['session.completed'] },
      { url: 'http://user:pw@example.com/x', events: ['session.completed'] },
      { url: '/relative', events: ['session.completed'] },
      { url: 'https://example.com/x', events: ['session.started'] },
      { url: 'https://example.com/x', events: [] },
      { url: 'https://example.com/x', events: ['session.completed'], secret: 'short' },
    ]) {
      const refused = await api.put('/api/v1/webhooks', body, as(admin));
      expect(refused.status).toBe(400);
    }
    expect(
      (await api.put('/api/v1/webhooks', { url: good.url, events: ['review.submitted'] }, as(recruiter))).status,
    ).toBe(403);
    const other = await newOrganization(api);
    expect(
      (await deliveries(created.id).then(() => api.get(`/api/v1/webhooks/${created.id}/deliveries`, as(other)))).status,
    ).toBe(404);
  });

  it('delivers signed events, retries a failing receiver with backoff, and logs every attempt', async () => {
    const flakyEndpoint = await register(flaky.url, ['session.completed']);
    flaky.secret = flakyEndpoint.secret;
    const session = await startSession();
    expect((await api.post('/api/v1/candidate/session/finish', undefined, { token: session.token })).status).toBe(200);

    const [completed] = await eventually(
      () => good.events('session.completed'),
      (events) => events.length >= 1,
    );
    expect(completed.data).toMatchObject({
      sessionId: session.id,
      assessmentId,
      candidateName: 'Grace',
      reason: 'submitted',
    });
    const received = good.received[0];
    expect(received.verified).toBe(true);
    expect(received.headers['assay-event']).toBe('session.completed');
    expect(received.headers['assay-delivery']).toBe(completed.id);
    expect(
      verifyWebhookSignature(
        'another-secret-entirely-xx',
        received.body,
        received.headers['assay-signature'] as string,
      ),
    ).toBe(false);
    expect(
      verifyWebhookSignature(good.secret, `${received.body} `, received.headers['assay-signature'] as string),
    ).toBe(false);

    const log = await eventually(
      async () => (await deliveries(flakyEndpoint.id)).body as { status: string; attempts: { statusCode: number }[] }[],
      (entries) => entries[0]?.status === 'delivered',
    );
    expect(log).toHaveLength(1);
    expect(log[0].attempts.map((attempt) => attempt.statusCode)).toEqual([500, 503, 200]);
    expect(log[0].attempts[0]).toMatchObject({
      error: 'the receiver answered HTTP 500',
      durationMs: expect.any(Number),
    });
    expect(flaky.received.every((entry) => entry.verified)).toBe(true);
    expect(new Set(flaky.received.map((entry) => entry.body)).size).toBe(1); // every attempt sends the same event
  });

  it('marks a delivery failed after its last attempt, with the reason', async () => {
    const closed = await Receiver.start();
    const deadUrl = closed.url;
    await closed.close();
    const dead = await register(deadUrl, ['review.submitted']);
    const session = await startSession();
    await api.post('/api/v1/candidate/session/finish', undefined, { token: session.token });
    const review = await api.put(
      `/api/v1/sessions/${session.id}/review`,
      { decision: 'yes', summary: 'ok' },
      as(interviewer),
    );
    expect(review.status).toBe(200);

    const event = await eventually(
      () => good.events('review.submitted'),
      (events) => events.length >= 1,
    );
    expect(event[0].data).toMatchObject({
      sessionId: session.id,
      reviewId: review.body.id,
      decision: 'yes',
      reviewer: { id: interviewer.user.id },
    });
    const log = await eventually(
      async () =>
        (await deliveries(dead.id)).body as { status: string; attempts: { statusCode: null; error: string }[] }[],
      (entries) => entries[0]?.status === 'failed',
    );
    expect(log[0].attempts).toHaveLength(3);
    expect(log[0].attempts[2]).toMatchObject({ statusCode: null, error: expect.stringMatching(/ECONNREFUSED/) });
    await api.request('DELETE', `/api/v1/webhooks/${dead.id}`, undefined, as(admin));
  });

  it('finishes an abandoned session at its deadline and says so; a disabled endpoint gets nothing', async () => {
    const session = await startSession();
    await dataSource.query(`UPDATE candidate_sessions SET deadline = now() - interval '1 second' WHERE id = $1`, [
      session.id,
    ]);
    // The deadline job was scheduled at the original deadline; bring it forward instead of waiting 30 minutes.
    const moved = await dataSource.query(
      `UPDATE pgboss.job SET start_after = now() WHERE name = 'session-deadline' AND data->>'sessionId' = $1 RETURNING id`,
      [session.id],
    );
    expect(moved[0]).toHaveLength(1);
    const events = await eventually(
      () => good.events('session.completed').filter((event) => event.data.sessionId === session.id),
      (found) => found.length === 1,
    );
    expect(events[0].data.reason).toBe('time_up');
    const [row] = await dataSource.query(`SELECT status FROM candidate_sessions WHERE id = $1`, [session.id]);
    expect(row.status).toBe('finished');

    const endpoints = (await api.get('/api/v1/webhooks', as(admin))).body as { id: string; url: string }[];
    const goodId = endpoints.find((endpoint) => endpoint.url === good.url)!.id;
    const disabled = await api.request('PATCH', `/api/v1/webhooks/${goodId}`, { enabled: false }, as(admin));
    expect(disabled.body.enabled).toBe(false);
    const before = (await deliveries(goodId)).body.length;
    const another = await startSession();
    await api.post('/api/v1/candidate/session/finish', undefined, { token: another.token });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await deliveries(goodId)).body.length).toBe(before);
    expect(good.events().some((event) => event.data.sessionId === another.id)).toBe(false);

    const rotated = await api.post(`/api/v1/webhooks/${goodId}/secret`, undefined, as(admin));
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(good.secret);
    expect((await api.request('DELETE', `/api/v1/webhooks/${goodId}`, undefined, as(admin))).status).toBe(204);
    expect((await deliveries(goodId)).status).toBe(404);
  });
});
