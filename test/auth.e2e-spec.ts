import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  HttpClient,
  createTestDatabase,
  newMember,
  newOrganization,
  startTestApi,
  type RunningTestApi,
  type TestDatabase,
} from '@app/testing';
import { createApiApplication } from '../apps/api/src/api.application.js';

describe('staff authentication and members', () => {
  let database: TestDatabase;
  let running: RunningTestApi;
  let api: HttpClient;

  beforeAll(async () => {
    database = await createTestDatabase();
    running = await startTestApi(createApiApplication, database.url, { AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    api = new HttpClient(running.url);
  });
  afterAll(async () => {
    await running.close();
    await database.drop();
  });

  it('signs up an organisation with its admin, and signs in', async () => {
    const signup = await api.post('/api/v1/auth/signup', {
      organizationName: 'Acme Ltd',
      name: 'Ada Lovelace',
      email: 'Ada@Acme.test',
      password: 'correct horse battery',
    });
    expect(signup.status).toBe(201);
    expect(signup.body).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.stringMatching(/^rt_/),
      user: { email: 'Ada@Acme.test', name: 'Ada Lovelace', role: 'admin', organizationId: expect.any(String) },
    });
    expect(JSON.stringify(signup.body)).not.toMatch(/passwordHash|argon2/);

    const login = await api.post('/api/v1/auth/login', { email: 'ada@acme.TEST', password: 'correct horse battery' });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(signup.body.user.id);

    const again = await api.post('/api/v1/auth/signup', {
      organizationName: 'Other',
      name: 'Someone',
      email: 'ADA@acme.test',
      password: 'another long password',
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'email_taken' });
  });

  it('answers a wrong password and an unknown address alike', async () => {
    const admin = await newOrganization(api);
    const wrong = await api.post('/api/v1/auth/login', { email: admin.user.email, password: 'not the password' });
    const unknown = await api.post('/api/v1/auth/login', { email: 'nobody@example.test', password: 'whatever it is' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('rotates refresh tokens and revokes the family when a used one comes back', async () => {
    const admin = await newOrganization(api);
    const first = await api.post('/api/v1/auth/refresh', { refreshToken: admin.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(admin.refreshToken);

    const replay = await api.post('/api/v1/auth/refresh', { refreshToken: admin.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('invalid_refresh_token');
    // The thief's replay also signed out the token the owner got from the rotation.
    const afterTheft = await api.post('/api/v1/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(afterTheft.status).toBe(401);
  });

  it('lets exactly one of two concurrent refreshes with the same token succeed', async () => {
    const admin = await newOrganization(api);
    const results = await Promise.all(
      [1, 2].map(() => api.post('/api/v1/auth/refresh', { refreshToken: admin.refreshToken })),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 401]);
  });

  it('logs out by revoking the refresh token', async () => {
    const admin = await newOrganization(api);
    expect((await api.post('/api/v1/auth/logout', { refreshToken: admin.refreshToken })).status).toBe(204);
    expect((await api.post('/api/v1/auth/refresh', { refreshToken: admin.refreshToken })).status).toBe(401);
  });

  it('lets an admin add members, who then sign in with their role', async () => {
    const admin = await newOrganization(api);
    const recruiter = await newMember(api, admin, 'recruiter');
    expect(recruiter.user).toMatchObject({ role: 'recruiter', organizationId: admin.user.organizationId });
    const list = await api.get('/api/v1/members', { token: recruiter.accessToken });
    expect(list.status).toBe(200);
    expect(list.body.map((member: { role: string }) => member.role).sort()).toEqual(['admin', 'recruiter']);
  });

  it('keeps members to their own organisation and roles', async () => {
    const acme = await newOrganization(api);
    const globex = await newOrganization(api);
    const interviewer = await newMember(api, acme, 'interviewer');
    const member = { email: 'new@example.test', name: 'New', password: 'a long enough password', role: 'admin' };

    expect((await api.post('/api/v1/members', member)).status).toBe(401);
    expect((await api.post('/api/v1/members', member, { token: 'not-a-jwt' })).status).toBe(401);
    const asInterviewer = await api.post('/api/v1/members', member, { token: interviewer.accessToken });
    expect(asInterviewer.status).toBe(403);
    expect(asInterviewer.body.code).toBe('role_not_allowed');

    const globexMembers = await api.get('/api/v1/members', { token: globex.accessToken });
    expect(globexMembers.body.map((m: { id: string }) => m.id)).toEqual([globex.user.id]);
  });

  it('rejects bad bodies with a 400 that names each field, and unknown fields too', async () => {
    const response = await api.post('/api/v1/auth/signup', {
      organizationName: '',
      name: 7,
      email: 'not-an-email',
      password: 'short',
      isAdmin: true,
    });
    expect(response.status).toBe(400);
    const fields = (response.body.details as { field: string }[]).map((detail) => detail.field).sort();
    expect(fields).toEqual(['email', 'isAdmin', 'name', 'organizationName', 'password']);
    expect(response.body.message).toMatch(/password must be at least 12 characters long/);
  });

  it('answers malformed JSON with 400 and an oversized body with 413, never 500', async () => {
    const malformed = await api.post('/api/v1/auth/login', undefined, { rawBody: '{"email": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, message: 'The request body is not valid JSON.' });

    const huge = await api.post('/api/v1/auth/login', { email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });

    const notAnObject = await api.post('/api/v1/auth/login', undefined, { rawBody: '[1,2]' });
    expect(notAnObject.status).toBe(400);
  });

  it('serves the OpenAPI document with every route', async () => {
    const document = await api.get('/api/docs-json');
    expect(document.status).toBe(200);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/signup', '/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/members']),
    );
    expect((await api.get('/api/docs')).status).toBe(200);
  });
});

describe('rate limiting of sign-in', () => {
  it('answers 429 with Retry-After once the limit is reached', async () => {
    const database = await createTestDatabase();
    const running = await startTestApi(createApiApplication, database.url, { AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    const api = new HttpClient(running.url);
    try {
      const responses = [];
      for (let i = 0; i < 4; i++) {
        responses.push(await api.post('/api/v1/auth/login', { email: 'x@example.test', password: 'wrong password' }));
      }
      expect(responses.map((response) => response.status)).toEqual([401, 401, 401, 429]);
      const last = responses[3];
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(last.body).toMatchObject({ statusCode: 429 });
    } finally {
      await running.close();
      await database.drop();
    }
  });
});
