import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDataSource } from '@app/db';
import {
  HttpClient,
  createTestDatabase,
  seedChallenge,
  startTestApi,
  type RunningTestApi,
  type TestDatabase,
} from '@app/testing';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiApplication } from '../apps/api/src/api.application.js';
import {
  DEMO_ASSESSMENT,
  DemoSeedError,
  describeDemo,
  seedDemoOrganisation,
} from '../apps/platform/src/demo-organisation.js';

describe('the demo organisation of npm start', () => {
  let database: TestDatabase;
  let running: RunningTestApi;
  let api: HttpClient;
  const folder = mkdtempSync(join(tmpdir(), 'assay-demo-'));
  const stateFile = join(folder, 'demo.json');

  beforeAll(async () => {
    database = await createTestDatabase();
    const dataSource = await createDataSource(database.url, 1).initialize();
    await seedChallenge(dataSource, { slug: 'lru-cache-with-ttl', type: 'class' });
    await seedChallenge(dataSource, { slug: 'quiz-transactions-isolation', type: 'quiz' });
    await seedChallenge(dataSource, { slug: 'something-else', type: 'coding' });
    await dataSource.destroy();
    running = await startTestApi(createApiApplication, database.url, { AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    api = new HttpClient(running.url);
  });
  afterAll(async () => {
    await running?.close();
    await database?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('creates the logins, one assessment and an invite, and finds them again on the next start', async () => {
    const first = await seedDemoOrganisation(running.url, stateFile);
    expect(first.created).toBe(true);
    expect(first.logins.map((login) => login.role)).toEqual(['admin', 'recruiter', 'interviewer']);
    expect(first.inviteUrl).toMatch(/\/take\/[\w-]+$/);
    expect(statSync(stateFile).mode & 0o077).toBe(0);

    // Every printed login signs in with its role.
    let adminToken = '';
    for (const login of first.logins) {
      const signedIn = await api.post('/api/v1/auth/login', { email: login.email, password: login.password });
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.user.role).toBe(login.role);
      if (login.role === 'admin') adminToken = signedIn.body.accessToken;
    }
    const assessments = await api.get('/api/v1/assessments', { token: adminToken });
    expect(assessments.body).toHaveLength(1);
    expect(assessments.body[0]).toMatchObject({ title: DEMO_ASSESSMENT });
    expect(assessments.body[0].items.map((item: { challengeSlug: string }) => item.challengeSlug)).toEqual([
      'lru-cache-with-ttl',
      'quiz-transactions-isolation',
    ]);

    const second = await seedDemoOrganisation(running.url, stateFile);
    expect(second).toEqual({ ...first, created: false });
    expect((await api.get('/api/v1/assessments', { token: adminToken })).body).toHaveLength(1);
    expect((await api.get('/api/v1/members', { token: adminToken })).body).toHaveLength(3);

    const lines = describeDemo(second, 'http://localhost:3000');
    expect(lines.join('\n')).toContain(first.logins[1].password);
    expect(lines.join('\n')).toContain(`candidate invite link (Dana Demo): ${first.inviteUrl}`);
  });

  it('makes a new invite once the printed one was used', async () => {
    const before = JSON.parse(readFileSync(stateFile, 'utf8'));
    const token = before.invite.url.split('/take/')[1];
    expect((await api.post('/api/v1/candidate/sessions', { inviteToken: token })).status).toBe(201);
    const after = await seedDemoOrganisation(running.url, stateFile);
    expect(after.inviteUrl).not.toBe(before.invite.url);
    const fresh = after.inviteUrl!.split('/take/')[1];
    expect((await api.post('/api/v1/candidate/sessions', { inviteToken: fresh })).status).toBe(201);
  });

  it('refuses to guess when the demo exists but its kept logins are gone', async () => {
    rmSync(stateFile);
    await expect(seedDemoOrganisation(running.url, stateFile)).rejects.toThrow(DemoSeedError);
    await expect(seedDemoOrganisation(running.url, stateFile)).rejects.toThrow(/ASSAY_DEMO=false/);
  });
});
