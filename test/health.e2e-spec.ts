import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, startTestApi, type RunningTestApi, type TestDatabase } from '@app/testing';
import { createApiApplication } from '../apps/api/src/api.application.js';

describe('health and readiness over HTTP', () => {
  let database: TestDatabase;
  let api: RunningTestApi;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApi(createApiApplication, database.url);
  });
  afterAll(async () => {
    await api.close();
    await database.drop();
  });

  it('GET /api/health answers 200 while the process lives', async () => {
    const response = await fetch(`${api.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('GET /api/ready answers 200 with the database up and migrations applied', async () => {
    const response = await fetch(`${api.url}/api/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, migrations: { status: 'up' } },
    });
  });
});

describe('readiness of a database that is behind', () => {
  it('GET /api/ready answers 503 and names pending migrations', async () => {
    const empty = await createTestDatabase({ fromTemplate: false });
    const api = await startTestApi(createApiApplication, empty.url);
    try {
      const response = await fetch(`${api.url}/api/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        status: 'error',
        error: { migrations: { status: 'down' } },
      });
    } finally {
      await api.close();
      await empty.drop();
    }
  });
});

describe('the web client', () => {
  it('is served at / with its routes falling back to the index, while /api stays JSON', async () => {
    const database = await createTestDatabase();
    const api = await startTestApi(createApiApplication, database.url);
    try {
      const home = await fetch(`${api.url}/`, { headers: { accept: 'text/html' } });
      expect(home.status).toBe(200);
      const html = await home.text();
      expect(html).toMatch(/<script[^>]+src="\/assets\//);
      const deepLink = await fetch(`${api.url}/take/some-invite-token`, { headers: { accept: 'text/html' } });
      expect(await deepLink.text()).toBe(html);
      const missing = await fetch(`${api.url}/api/v1/no-such-route`, { headers: { accept: 'text/html' } });
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ statusCode: 404 });
    } finally {
      await api.close();
      await database.drop();
    }
  });
});
