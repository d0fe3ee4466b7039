import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
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
import { csvCell, percentileOf } from '../apps/api/src/reviews/reviews.service.js';
import { TWO_SUM_SOLUTION, TWO_SUM_WRONG, twoSumDefinition } from './support/two-sum.challenge.js';
import { startTestJudge } from './support/test-judge.js';

describe('staff review and results', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let running: RunningTestApi;
  let judge: INestApplicationContext;
  let api: HttpClient;
  let recruiter: SignedInStaff;
  let interviewer: SignedInStaff;
  let assessmentId: string;
  const sessions: { name: string; token: string; id: string; itemId: string }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, 2).initialize();
    await seedChallenge(dataSource, {
      slug: 'two-sum',
      competencies: ['programming', 'data-modeling'],
      definition: twoSumDefinition(),
    });
    running = await startTestApi(createApiApplication, database.url, { AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    judge = await startTestJudge(database.url, 2);
    api = new HttpClient(running.url);
    const admin = await newOrganization(api);
    recruiter = await newMember(api, admin, 'recruiter');
    interviewer = await newMember(api, admin, 'interviewer');
    const assessment = await api.post(
      '/api/v1/assessments',
      { title: 'Ranked', durationMinutes: 30, items: [{ challengeSlug: 'two-sum' }] },
      { token: recruiter.accessToken },
    );
    assessmentId = assessment.body.id;
    for (const name of ['Ada', 'Bob', '=Eve']) {
      const invite = await api.post(
        `/api/v1/assessments/${assessmentId}/invites`,
        { candidateName: name, candidateEmail: `${name.replace('=', '')}@example.test` },
        { token: recruiter.accessToken },
      );
      const started = await api.post('/api/v1/candidate/sessions', { inviteToken: invite.body.token });
      sessions.push({
        name,
        token: started.body.sessionToken,
        id: started.body.session.id,
        itemId: started.body.session.items[0].id,
      });
    }
    const submit = async (index: number, code: string) => {
      const { token, itemId } = sessions[index];
      await api.put(`/api/v1/candidate/session/items/${itemId}/draft`, { language: 'javascript', code }, { token });
      const accepted = await api.post(
        `/api/v1/candidate/session/items/${itemId}/submissions`,
        { language: 'javascript', code },
        { token },
      );
      for (let i = 0; i < 300; i++) {
        const result = await api.get(`/api/v1/candidate/submissions/${accepted.body.submissionId}`, { token });
        if (result.body.status === 'finished') return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('not judged');
    };
    await submit(0, TWO_SUM_SOLUTION);
    await submit(1, TWO_SUM_WRONG);
  });
  afterAll(async () => {
    await judge?.close();
    await running?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('ranks sessions with totals, percentiles and competency scores', async () => {
    const results = await api.get(`/api/v1/assessments/${assessmentId}/results`, { token: interviewer.accessToken });
    expect(results.status).toBe(200);
    expect(results.body.map((r: { candidateName: string }) => r.candidateName)).toEqual(['Ada', 'Bob', '=Eve']);
    const [ada, bob, eve] = results.body;
    expect(ada).toMatchObject({
      total: 100,
      percentile: 100,
      competencies: { programming: 100, 'data-modeling': 100 },
    });
    // Bob's shortcut fails every hidden test: he ties with Eve, who submitted nothing (mid-rank percentile).
    expect(bob).toMatchObject({ total: 0, percentile: 25, items: [{ status: 'scored', score: 0 }] });
    expect(eve).toMatchObject({ total: 0, percentile: 25, items: [{ status: 'not_submitted', score: null }] });
  });

  it('exports the results as CSV, safe to open in a spreadsheet', async () => {
    const csv = await api.get(`/api/v1/assessments/${assessmentId}/results.csv`, { token: recruiter.accessToken });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toBe(
      'rank,candidate,email,status,total,percentile,competency:data-modeling,competency:programming,item:two-sum,decisions',
    );
    expect(lines[1]).toMatch(/^1,Ada,Ada@example.test,in_progress,100.0,100,100.0,100.0,100.0,$/);
    expect(lines[3]).toContain(",'=Eve,");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(percentileOf(5, [5])).toBeNull();
  });

  it('shows a session with its final code, per-test results and the playback', async () => {
    const ada = sessions[0];
    const detail = await api.get(`/api/v1/sessions/${ada.id}`, { token: interviewer.accessToken });
    expect(detail.status).toBe(200);
    expect(detail.body.submissions).toHaveLength(1);
    expect(detail.body.submissions[0]).toMatchObject({
      verdict: 'ACCEPTED',
      code: TWO_SUM_SOLUTION,
      language: 'javascript',
    });
    expect(detail.body.submissions[0].tests.length).toBe(5);
    const playback = await api.get(`/api/v1/sessions/${ada.id}/items/${ada.itemId}/playback`, {
      token: interviewer.accessToken,
    });
    expect(playback.body).toEqual([expect.objectContaining({ code: TWO_SUM_SOLUTION, language: 'javascript' })]);
  });

  it('keeps review to the organisation’s staff', async () => {
    const other = await newOrganization(api);
    expect((await api.get(`/api/v1/sessions/${sessions[0].id}`, { token: other.accessToken })).status).toBe(404);
    expect((await api.get(`/api/v1/assessments/${assessmentId}/results`, { token: other.accessToken })).status).toBe(
      404,
    );
    expect((await api.get(`/api/v1/assessments/${assessmentId}/results`, { token: sessions[0].token })).status).toBe(
      403,
    );
    expect((await api.get(`/api/v1/sessions/${sessions[0].id}`)).status).toBe(401);
  });
});
