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
import type { DataSource } from 'typeorm';
import { createApiApplication } from '../apps/api/src/api.application.js';

describe('assessments, invites and candidate sessions', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let running: RunningTestApi;
  let api: HttpClient;
  let admin: SignedInStaff;
  let recruiter: SignedInStaff;
  let interviewer: SignedInStaff;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, 2).initialize();
    await seedChallenge(dataSource, {
      slug: 'lru-cache',
      type: 'class',
      competencies: ['programming'],
      estimatedMinutes: 25,
    });
    await seedChallenge(dataSource, {
      slug: 'top-customers',
      type: 'sql',
      competencies: ['data-modeling'],
      estimatedMinutes: 15,
    });
    running = await startTestApi(createApiApplication, database.url, { AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    api = new HttpClient(running.url);
    admin = await newOrganization(api);
    recruiter = await newMember(api, admin, 'recruiter');
    interviewer = await newMember(api, admin, 'interviewer');
  });
  afterAll(async () => {
    await running.close();
    await dataSource.destroy();
    await database.drop();
  });

  const newAssessment = async (durationMinutes = 60) => {
    const created = await api.post(
      '/api/v1/assessments',
      {
        title: 'Backend screening',
        durationMinutes,
        items: [{ challengeSlug: 'lru-cache', weight: 2 }, { challengeSlug: 'top-customers' }],
      },
      { token: recruiter.accessToken },
    );
    expect(created.status).toBe(201);
    return created.body;
  };
  const invite = async (assessmentId: string, extra: Record<string, unknown> = {}) => {
    const response = await api.post(
      `/api/v1/assessments/${assessmentId}/invites`,
      { candidateName: 'Grace Hopper', candidateEmail: 'grace@example.test', ...extra },
      { token: recruiter.accessToken },
    );
    expect(response.status).toBe(201);
    return response.body;
  };

  it('builds an assessment from the bank, pinned to the current versions', async () => {
    const assessment = await newAssessment();
    expect(assessment).toMatchObject({
      title: 'Backend screening',
      durationMinutes: 60,
      estimatedMinutes: 40,
      items: [
        { position: 0, challengeSlug: 'lru-cache', type: 'class', weight: 2, challengeVersion: 1 },
        { position: 1, challengeSlug: 'top-customers', type: 'sql', weight: 1 },
      ],
    });
    const fetched = await api.get(`/api/v1/assessments/${assessment.id}`, { token: interviewer.accessToken });
    expect(fetched.body).toEqual(JSON.parse(JSON.stringify(assessment)));
    const list = await api.get('/api/v1/assessments', { token: recruiter.accessToken });
    expect(list.body.map((a: { id: string }) => a.id)).toContain(assessment.id);
  });

  it('refuses unknown or repeated challenges, bad bodies, and the wrong roles', async () => {
    const unknown = await api.post(
      '/api/v1/assessments',
      { title: 'X test', durationMinutes: 30, items: [{ challengeSlug: 'no-such-thing' }] },
      { token: recruiter.accessToken },
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'unknown_challenges', details: { unknown: ['no-such-thing'] } });
    const repeated = await api.post(
      '/api/v1/assessments',
      { title: 'X test', durationMinutes: 30, items: [{ challengeSlug: 'lru-cache' }, { challengeSlug: 'lru-cache' }] },
      { token: recruiter.accessToken },
    );
    expect(repeated.status).toBe(422);
    const bad = await api.post(
      '/api/v1/assessments',
      { title: 'X', durationMinutes: 2, items: [{ challengeSlug: 'LRU', weight: -1 }] },
      { token: recruiter.accessToken },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'durationMinutes',
      'items.0.challengeSlug',
      'items.0.weight',
      'title',
    ]);
    const asInterviewer = await api.post(
      '/api/v1/assessments',
      { title: 'X test', durationMinutes: 30, items: [{ challengeSlug: 'lru-cache' }] },
      { token: interviewer.accessToken },
    );
    expect(asInterviewer.status).toBe(403);
  });

  it('keeps assessments inside their organisation', async () => {
    const assessment = await newAssessment();
    const other = await newOrganization(api);
    expect((await api.get(`/api/v1/assessments/${assessment.id}`, { token: other.accessToken })).status).toBe(404);
    const inviteElsewhere = await api.post(
      `/api/v1/assessments/${assessment.id}/invites`,
      { candidateName: 'Mallory', candidateEmail: 'm@example.test' },
      { token: other.accessToken },
    );
    expect(inviteElsewhere.status).toBe(404);
    expect((await api.get('/api/v1/assessments/not-a-uuid', { token: other.accessToken })).status).toBe(404);
  });

  it('starts a session from an invite once, and resumes it with a new token', async () => {
    const assessment = await newAssessment(45);
    const created = await invite(assessment.id);
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.url).toContain(created.token);

    const started = await api.post('/api/v1/candidate/sessions', { inviteToken: created.token });
    expect(started.status).toBe(201);
    const { session } = started.body;
    expect(session.items.map((item: { challengeSlug: string }) => item.challengeSlug)).toEqual([
      'lru-cache',
      'top-customers',
    ]);
    expect(new Date(session.deadline).getTime() - new Date(session.startedAt).getTime()).toBe(45 * 60_000);
    expect(session.remainingSeconds).toBeGreaterThan(45 * 60 - 5);

    const resumed = await api.post('/api/v1/candidate/sessions', { inviteToken: created.token });
    expect(resumed.status).toBe(200);
    expect(resumed.body.session.id).toBe(session.id);
    expect(resumed.body.sessionToken).not.toBe(started.body.sessionToken);

    const concurrent = await invite(assessment.id);
    const both = await Promise.all(
      [1, 2].map(() => api.post('/api/v1/candidate/sessions', { inviteToken: concurrent.token })),
    );
    expect(new Set(both.map((r) => r.body.session.id)).size).toBe(1);
    expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
  });

  it('autosaves drafts and records playback at most every two seconds', async () => {
    const assessment = await newAssessment();
    const { token } = await invite(assessment.id);
    const { sessionToken, session } = (await api.post('/api/v1/candidate/sessions', { inviteToken: token })).body;
    const item = session.items[0].id;
    for (const code of ['let a', 'let a = 1', 'let a = 12']) {
      const saved = await api.put(
        `/api/v1/candidate/session/items/${item}/draft`,
        { language: 'typescript', code },
        { token: sessionToken },
      );
      expect(saved.status).toBe(204);
    }
    const snapshots = await dataSource.query(`SELECT code FROM snapshots WHERE "sessionId" = $1`, [session.id]);
    expect(snapshots).toEqual([{ code: 'let a = 12' }]);
    // Once the latest snapshot is older than the interval, the next save takes a new one.
    await dataSource.query(`UPDATE snapshots SET "takenAt" = "takenAt" - interval '3 seconds' WHERE "sessionId" = $1`, [
      session.id,
    ]);
    await api.put(
      `/api/v1/candidate/session/items/${item}/draft`,
      { language: 'typescript', code: 'let a = 123' },
      { token: sessionToken },
    );
    const playback = await dataSource.query(`SELECT code FROM snapshots WHERE "sessionId" = $1 ORDER BY "takenAt"`, [
      session.id,
    ]);
    expect(playback).toEqual([{ code: 'let a = 12' }, { code: 'let a = 123' }]);

    const current = await api.get('/api/v1/candidate/session', { token: sessionToken });
    expect(current.body.items.map((i: { status: string }) => i.status)).toEqual(['draft_saved', 'not_started']);

    const answer = await api.put(
      `/api/v1/candidate/session/items/${session.items[1].id}/draft`,
      { answer: { sql: 'SELECT 1' } },
      { token: sessionToken },
    );
    expect(answer.status).toBe(204);
    const invalid = await api.put(
      `/api/v1/candidate/session/items/${item}/draft`,
      { language: 'cobol', code: 'x' },
      { token: sessionToken },
    );
    expect(invalid.status).toBe(400);
    const foreignItem = await api.put(
      '/api/v1/candidate/session/items/6f0c2b8e-3f7e-4a55-9a0e-2f1d7c9b8a10/draft',
      { language: 'javascript', code: 'x' },
      { token: sessionToken },
    );
    expect(foreignItem.status).toBe(404);
  });

  it('keeps candidates and staff apart', async () => {
    const assessment = await newAssessment();
    const { token } = await invite(assessment.id);
    const { sessionToken } = (await api.post('/api/v1/candidate/sessions', { inviteToken: token })).body;
    expect((await api.get('/api/v1/assessments', { token: sessionToken })).status).toBe(403);
    expect((await api.get('/api/v1/members', { token: sessionToken })).status).toBe(403);
    expect((await api.get('/api/v1/candidate/session', { token: recruiter.accessToken })).status).toBe(403);
    expect((await api.get('/api/v1/candidate/session')).status).toBe(401);
  });

  it('enforces the deadline on the server and finishes the session', async () => {
    const assessment = await newAssessment();
    const { token } = await invite(assessment.id);
    const { sessionToken, session } = (await api.post('/api/v1/candidate/sessions', { inviteToken: token })).body;
    await dataSource.query(`UPDATE candidate_sessions SET deadline = now() - interval '1 second' WHERE id = $1`, [
      session.id,
    ]);

    const late = await api.put(
      `/api/v1/candidate/session/items/${session.items[0].id}/draft`,
      { language: 'javascript', code: 'x' },
      { token: sessionToken },
    );
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'session_finished', message: expect.stringMatching(/time is up/) });
    const current = await api.get('/api/v1/candidate/session', { token: sessionToken });
    expect(current.body).toMatchObject({ status: 'finished', remainingSeconds: 0 });
    expect((await api.post('/api/v1/candidate/sessions', { inviteToken: token })).status).toBe(409);
  });

  it('lets the candidate finish early, after which nothing is accepted', async () => {
    const assessment = await newAssessment();
    const { token } = await invite(assessment.id);
    const { sessionToken, session } = (await api.post('/api/v1/candidate/sessions', { inviteToken: token })).body;
    const finished = await api.post('/api/v1/candidate/session/finish', undefined, { token: sessionToken });
    expect(finished.status).toBe(200);
    expect(finished.body.status).toBe('finished');
    const after = await api.put(
      `/api/v1/candidate/session/items/${session.items[0].id}/draft`,
      { language: 'javascript', code: 'x' },
      { token: sessionToken },
    );
    expect(after.status).toBe(409);
  });

  it('refuses expired and unknown invites', async () => {
    const assessment = await newAssessment();
    const expired = await invite(assessment.id, { expiresInHours: 1 });
    await dataSource.query(`UPDATE invites SET "expiresAt" = now() - interval '1 minute' WHERE id = $1`, [expired.id]);
    const gone = await api.post('/api/v1/candidate/sessions', { inviteToken: expired.token });
    expect(gone.status).toBe(410);
    const unknown = await api.post('/api/v1/candidate/sessions', { inviteToken: 'A'.repeat(43) });
    expect(unknown.status).toBe(404);
    const malformed = await api.post('/api/v1/candidate/sessions', { inviteToken: 'short' });
    expect(malformed.status).toBe(400);
  });
});
