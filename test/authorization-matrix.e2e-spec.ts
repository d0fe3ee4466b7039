import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
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
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createApiApplication } from '../apps/api/src/api.application.js';

const CALLERS = ['admin', 'recruiter', 'interviewer', 'candidate', 'otherCandidate', 'none', 'otherOrg'] as const;
type Caller = (typeof CALLERS)[number];
type Expected = Record<Caller, number>;

interface Fixture {
  assessmentId: string;
  finishedSession: string;
  itemId: string;
  submissionId: string;
  candidateSubmission: string;
  inviteToken: string;
  rejudgeId: string;
}

interface Request {
  path: string;
  body?: unknown;
  token?: string;
}

interface Row {
  /** Path and body for this caller; may create what the call consumes (a comment to delete, a session to finish). */
  request: (caller: Caller) => Request | Promise<Request>;
  expected: Expected;
}

const unique = () => randomBytes(4).toString('hex');

/** Staff route: `ok` for the roles allowed (admin always), 403 for other roles and candidates, 401 without a token. */
const staff = (ok: number, roles: ('recruiter' | 'interviewer')[], otherOrg: number): Expected => ({
  admin: ok,
  recruiter: roles.includes('recruiter') ? ok : 403,
  interviewer: roles.includes('interviewer') ? ok : 403,
  candidate: 403,
  otherCandidate: 403,
  none: 401,
  otherOrg,
});
/** Candidate route: only a session token; `otherCandidate` holds a session of another organisation. */
const candidate = (ok: number, otherCandidate: number): Expected => ({
  admin: 403,
  recruiter: 403,
  interviewer: 403,
  candidate: ok,
  otherCandidate,
  none: 401,
  otherOrg: 403,
});
const open = (status: number): Expected => Object.fromEntries(CALLERS.map((caller) => [caller, status])) as Expected;

/**
 * Every HTTP route × every kind of caller, with the status each must get. The routes are read from
 * the running application, so a route added without a row here fails this test.
 */
describe('authorization matrix', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let running: RunningTestApi;
  let api: HttpClient;
  const people = {} as Record<'admin' | 'recruiter' | 'interviewer' | 'otherOrg', SignedInStaff>;
  const tokens = {} as Record<Caller, string | undefined>;
  let fixture: Fixture;

  const startSession = async (admin: SignedInStaff, assessmentId: string) => {
    const invite = await api.post(
      `/api/v1/assessments/${assessmentId}/invites`,
      { candidateName: 'Casey', candidateEmail: 'casey@example.test' },
      { token: admin.accessToken },
    );
    const started = await api.post('/api/v1/candidate/sessions', { inviteToken: invite.body.token });
    return {
      inviteToken: invite.body.token as string,
      token: started.body.sessionToken as string,
      id: started.body.session.id as string,
      itemId: started.body.session.items[0].id as string,
    };
  };
  const submit = async (token: string, itemId: string) =>
    (
      await api.post(
        `/api/v1/candidate/session/items/${itemId}/submissions`,
        { language: 'javascript', code: 'export class LruCache {}\n// two\n// three' },
        { token },
      )
    ).body.submissionId as string;
  const newAssessment = async (owner: SignedInStaff) =>
    (
      await api.post(
        '/api/v1/assessments',
        { title: 'Matrix', durationMinutes: 30, items: [{ challengeSlug: 'lru-cache' }] },
        { token: owner.accessToken },
      )
    ).body.id as string;
  const allowedStaff = (caller: Caller) =>
    caller === 'admin' || caller === 'interviewer' ? people[caller] : people.interviewer;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, 2).initialize();
    await seedChallenge(dataSource, { slug: 'lru-cache', type: 'class' });
    running = await startTestApi(createApiApplication, database.url, { AUTH_RATE_LIMIT_PER_MINUTE: '10000' });
    api = new HttpClient(running.url);
    people.admin = await newOrganization(api);
    people.recruiter = await newMember(api, people.admin, 'recruiter');
    people.interviewer = await newMember(api, people.admin, 'interviewer');
    people.otherOrg = await newOrganization(api);
    const assessmentId = await newAssessment(people.admin);
    const finished = await startSession(people.admin, assessmentId);
    const submissionId = await submit(finished.token, finished.itemId);
    await api.post('/api/v1/candidate/session/finish', undefined, { token: finished.token });
    const current = await startSession(people.admin, assessmentId);
    const foreign = await startSession(people.otherOrg, await newAssessment(people.otherOrg));
    fixture = {
      assessmentId,
      finishedSession: finished.id,
      itemId: finished.itemId,
      submissionId,
      candidateSubmission: await submit(current.token, current.itemId),
      inviteToken: current.inviteToken,
      rejudgeId: '',
    };
    const [{ challengeVersionId }] = await dataSource.query<{ challengeVersionId: string }[]>(
      `SELECT "challengeVersionId" FROM assessment_items WHERE id = $1`,
      [finished.itemId],
    );
    const rejudge = await api.post(
      `/api/v1/assessments/${assessmentId}/rejudges`,
      { itemId: finished.itemId, versionId: challengeVersionId },
      { token: people.admin.accessToken },
    );
    expect(rejudge.status).toBe(201);
    fixture.rejudgeId = rejudge.body.id as string;
    Object.assign(tokens, {
      admin: people.admin.accessToken,
      recruiter: people.recruiter.accessToken,
      interviewer: people.interviewer.accessToken,
      otherOrg: people.otherOrg.accessToken,
      candidate: current.token,
      otherCandidate: foreign.token,
      none: undefined,
    });
    rows['PUT /api/v1/candidate/session/items/:itemId/draft'].request = () => ({
      path: `/api/v1/candidate/session/items/${current.itemId}/draft`,
      body: { language: 'javascript', code: 'x' },
    });
    rows['POST /api/v1/candidate/session/items/:itemId/activity'].request = () => ({
      path: `/api/v1/candidate/session/items/${current.itemId}/activity`,
      body: { events: [{ kind: 'focus_lost', at: new Date().toISOString() }] },
    });
    rows['POST /api/v1/candidate/session/items/:itemId/runs'].request = () => ({
      path: `/api/v1/candidate/session/items/${current.itemId}/runs`,
      body: { language: 'javascript', code: 'x' },
    });
    rows['POST /api/v1/candidate/session/items/:itemId/submissions'].request = () => ({
      path: `/api/v1/candidate/session/items/${current.itemId}/submissions`,
      body: { language: 'javascript', code: 'x' },
    });
  }, 60_000);
  afterAll(async () => {
    await running?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  const at = (path: string, body?: unknown) => () => ({ path, body });
  const login = async (person: SignedInStaff) =>
    (await api.post('/api/v1/auth/login', { email: person.user.email, password: person.password })).body
      .refreshToken as string;
  const newComment = async (caller: Caller) =>
    (
      await api.post(
        `/api/v1/submissions/${fixture.submissionId}/comments`,
        { line: 1, body: 'to change' },
        { token: allowedStaff(caller).accessToken },
      )
    ).body.id as string;
  const newWebhook = async () =>
    (
      await api.put(
        '/api/v1/webhooks',
        { url: `https://hooks.example.com/${unique()}`, events: ['review.submitted'] },
        { token: people.admin.accessToken },
      )
    ).body.id as string;

  const rows: Record<string, Row> = {
    'GET /api/health': { request: at('/api/health'), expected: open(200) },
    'GET /api/ready': { request: at('/api/ready'), expected: open(200) },
    'GET /api/metrics': { request: at('/api/metrics'), expected: open(200) },
    'POST /api/v1/auth/signup': {
      request: () => ({
        path: '/api/v1/auth/signup',
        body: {
          organizationName: `Org ${unique()}`,
          name: 'New Admin',
          email: `new-${unique()}@example.test`,
          password: `pw-${unique()}-${unique()}`,
        },
      }),
      expected: open(201),
    },
    'POST /api/v1/auth/login': {
      request: () => ({
        path: '/api/v1/auth/login',
        body: { email: people.recruiter.user.email, password: people.recruiter.password },
      }),
      expected: open(200),
    },
    'POST /api/v1/auth/refresh': {
      request: async () => ({ path: '/api/v1/auth/refresh', body: { refreshToken: await login(people.recruiter) } }),
      expected: open(200),
    },
    'POST /api/v1/auth/logout': {
      request: async () => ({ path: '/api/v1/auth/logout', body: { refreshToken: await login(people.recruiter) } }),
      expected: open(204),
    },
    'POST /api/v1/members': {
      request: () => ({
        path: '/api/v1/members',
        body: { email: `m-${unique()}@example.test`, name: 'Member', password: `pw-${unique()}-x`, role: 'recruiter' },
      }),
      expected: staff(201, [], 201),
    },
    'GET /api/v1/members': { request: at('/api/v1/members'), expected: staff(200, ['recruiter', 'interviewer'], 200) },
    'GET /api/v1/challenges': {
      request: at('/api/v1/challenges'),
      expected: staff(200, ['recruiter', 'interviewer'], 200),
    },
    'GET /api/v1/challenges/:slug': {
      request: at('/api/v1/challenges/lru-cache'),
      expected: staff(200, ['recruiter', 'interviewer'], 200),
    },
    'POST /api/v1/challenges': { request: at('/api/v1/challenges', {}), expected: staff(400, [], 400) },
    'POST /api/v1/assessments': {
      request: at('/api/v1/assessments', {
        title: 'Made',
        durationMinutes: 30,
        items: [{ challengeSlug: 'lru-cache' }],
      }),
      expected: staff(201, ['recruiter'], 201),
    },
    'GET /api/v1/assessments': {
      request: at('/api/v1/assessments'),
      expected: staff(200, ['recruiter', 'interviewer'], 200),
    },
    'GET /api/v1/assessments/:id': {
      request: () => ({ path: `/api/v1/assessments/${fixture.assessmentId}` }),
      expected: staff(200, ['recruiter', 'interviewer'], 404),
    },
    'POST /api/v1/assessments/:id/invites': {
      request: () => ({
        path: `/api/v1/assessments/${fixture.assessmentId}/invites`,
        body: { candidateName: 'Dee', candidateEmail: 'dee@example.test' },
      }),
      expected: staff(201, ['recruiter'], 404),
    },
    'GET /api/v1/assessments/:id/sessions': {
      request: () => ({ path: `/api/v1/assessments/${fixture.assessmentId}/sessions` }),
      expected: staff(200, ['recruiter', 'interviewer'], 404),
    },
    'GET /api/v1/assessments/:id/results': {
      request: () => ({ path: `/api/v1/assessments/${fixture.assessmentId}/results` }),
      expected: staff(200, ['recruiter', 'interviewer'], 404),
    },
    'GET /api/v1/assessments/:id/results.csv': {
      request: () => ({ path: `/api/v1/assessments/${fixture.assessmentId}/results.csv` }),
      expected: staff(200, ['recruiter', 'interviewer'], 404),
    },
    'GET /api/v1/assessments/:id/compare': {
      request: async () => {
        const sessions = await dataSource.query<{ id: string }[]>(
          `SELECT id FROM candidate_sessions WHERE "assessmentId" = $1`,
          [fixture.assessmentId],
        );
        return {
          path: `/api/v1/assessments/${fixture.assessmentId}/compare?sessions=${sessions
            .slice(0, 2)
            .map((s) => s.id)
            .join(',')}`,
        };
      },
      expected: staff(200, ['recruiter', 'interviewer'], 404),
    },
    'GET /api/v1/sessions/:id': {
      request: () => ({ path: `/api/v1/sessions/${fixture.finishedSession}` }),
      expected: staff(200, ['recruiter', 'interviewer'], 404),
    },
    'GET /api/v1/sessions/:id/items/:itemId/playback': {
      request: () => ({ path: `/api/v1/sessions/${fixture.finishedSession}/items/${fixture.itemId}/playback` }),
      expected: staff(200, ['recruiter', 'interviewer'], 404),
    },
    'PUT /api/v1/sessions/:id/review': {
      request: () => ({
        path: `/api/v1/sessions/${fixture.finishedSession}/review`,
        body: { decision: 'yes', summary: 'Fine.' },
      }),
      expected: staff(200, ['interviewer'], 404),
    },
    'GET /api/v1/sessions/:id/reviews': {
      request: () => ({ path: `/api/v1/sessions/${fixture.finishedSession}/reviews` }),
      expected: staff(200, ['recruiter', 'interviewer'], 404),
    },
    'POST /api/v1/sessions/:id/items/:itemId/score-override': {
      request: () => ({
        path: `/api/v1/sessions/${fixture.finishedSession}/items/${fixture.itemId}/score-override`,
        body: { score: 0.5, reason: 'Matrix.' },
      }),
      expected: staff(201, ['interviewer'], 404),
    },
    'GET /api/v1/sessions/:id/score-audit': {
      request: () => ({ path: `/api/v1/sessions/${fixture.finishedSession}/score-audit` }),
      expected: staff(200, ['recruiter', 'interviewer'], 404),
    },
    'POST /api/v1/submissions/:id/comments': {
      request: () => ({
        path: `/api/v1/submissions/${fixture.submissionId}/comments`,
        body: { line: 2, body: 'Hmm.' },
      }),
      expected: staff(201, ['interviewer'], 404),
    },
    'GET /api/v1/submissions/:id/comments': {
      request: () => ({ path: `/api/v1/submissions/${fixture.submissionId}/comments` }),
      expected: staff(200, ['recruiter', 'interviewer'], 404),
    },
    'PATCH /api/v1/comments/:id': {
      request: async (caller) => ({ path: `/api/v1/comments/${await newComment(caller)}`, body: { body: 'Changed.' } }),
      expected: staff(200, ['interviewer'], 404),
    },
    'DELETE /api/v1/comments/:id': {
      request: async (caller) => ({ path: `/api/v1/comments/${await newComment(caller)}` }),
      expected: staff(204, ['interviewer'], 404),
    },
    'PUT /api/v1/webhooks': {
      request: () => ({
        path: '/api/v1/webhooks',
        body: { url: `https://hooks.example.com/${unique()}`, events: ['session.completed'] },
      }),
      expected: staff(201, [], 201),
    },
    'GET /api/v1/webhooks': { request: at('/api/v1/webhooks'), expected: staff(200, [], 200) },
    'PATCH /api/v1/webhooks/:id': {
      request: async () => ({ path: `/api/v1/webhooks/${await newWebhook()}`, body: { enabled: false } }),
      expected: staff(200, [], 404),
    },
    'DELETE /api/v1/webhooks/:id': {
      request: async () => ({ path: `/api/v1/webhooks/${await newWebhook()}` }),
      expected: staff(204, [], 404),
    },
    'POST /api/v1/webhooks/:id/secret': {
      request: async () => ({ path: `/api/v1/webhooks/${await newWebhook()}/secret` }),
      expected: staff(200, [], 404),
    },
    'GET /api/v1/webhooks/:id/deliveries': {
      request: async () => ({ path: `/api/v1/webhooks/${await newWebhook()}/deliveries` }),
      expected: staff(200, [], 404),
    },
    'GET /api/v1/assessments/:id/integrity': {
      request: () => ({ path: `/api/v1/assessments/${fixture.assessmentId}/integrity` }),
      expected: staff(200, ['recruiter', 'interviewer'], 404),
    },
    'GET /api/v1/sessions/:id/timeline': {
      request: () => ({ path: `/api/v1/sessions/${fixture.finishedSession}/timeline` }),
      expected: staff(200, ['recruiter', 'interviewer'], 404),
    },
    'GET /api/v1/organization/integrity-settings': {
      request: at('/api/v1/organization/integrity-settings'),
      expected: staff(200, [], 200),
    },
    'PUT /api/v1/organization/integrity-settings': {
      request: at('/api/v1/organization/integrity-settings', { crossOrganizationScreening: false }),
      expected: staff(200, [], 200),
    },
    'POST /api/v1/candidate/session/items/:itemId/activity': { request: at(''), expected: candidate(200, 404) },
    'GET /api/v1/assessments/:id/items/:itemId/versions': {
      request: () => ({ path: `/api/v1/assessments/${fixture.assessmentId}/items/${fixture.itemId}/versions` }),
      expected: staff(200, ['recruiter', 'interviewer'], 404),
    },
    'POST /api/v1/assessments/:id/rejudges': {
      // a version of another challenge: refused (422) once past the access rules
      request: () => ({
        path: `/api/v1/assessments/${fixture.assessmentId}/rejudges`,
        body: { itemId: fixture.itemId, versionId: '6f0c2b8e-3f7e-4a55-9a0e-2f1d7c9b8a10' },
      }),
      expected: staff(422, [], 404),
    },
    'GET /api/v1/assessments/:id/rejudges': {
      request: () => ({ path: `/api/v1/assessments/${fixture.assessmentId}/rejudges` }),
      expected: staff(200, ['recruiter', 'interviewer'], 404),
    },
    'GET /api/v1/rejudges/:id': {
      request: () => ({ path: `/api/v1/rejudges/${fixture.rejudgeId}` }),
      expected: staff(200, ['recruiter', 'interviewer'], 404),
    },
    'POST /api/v1/candidate/sessions': {
      request: () => ({ path: '/api/v1/candidate/sessions', body: { inviteToken: fixture.inviteToken } }),
      expected: open(200),
    },
    'GET /api/v1/candidate/session': { request: at('/api/v1/candidate/session'), expected: candidate(200, 200) },
    // set in beforeAll, once the candidate's item is known
    'PUT /api/v1/candidate/session/items/:itemId/draft': { request: at(''), expected: candidate(204, 404) },
    'POST /api/v1/candidate/session/items/:itemId/runs': { request: at(''), expected: candidate(202, 404) },
    'POST /api/v1/candidate/session/items/:itemId/submissions': { request: at(''), expected: candidate(202, 404) },
    'GET /api/v1/candidate/submissions/:id': {
      request: () => ({ path: `/api/v1/candidate/submissions/${fixture.candidateSubmission}` }),
      expected: candidate(200, 404),
    },
    'POST /api/v1/candidate/session/finish': {
      // a session of its own to finish, for each candidate caller
      request: async (caller) => {
        if (caller !== 'candidate') return { path: '/api/v1/candidate/session/finish' };
        const session = await startSession(people.admin, fixture.assessmentId);
        return { path: '/api/v1/candidate/session/finish', token: session.token };
      },
      expected: candidate(200, 200),
    },
  };

  it('has a row for every route of the application, and a route for every row', () => {
    const routes: string[] = [];
    for (const module of running.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const type = wrapper.metatype as (new (...args: never[]) => object) | undefined;
        if (!type) continue;
        const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
        for (const name of Object.getOwnPropertyNames(type.prototype)) {
          const handler = (type.prototype as Record<string, unknown>)[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
          if (path === undefined) continue;
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
          const full = ['api', base, path]
            .map((part) => part.replace(/^\/|\/$/g, ''))
            .filter((part) => part !== '')
            .join('/');
          routes.push(`${method} /${full}`);
        }
      }
    }
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((route) => !(route in rows))).toEqual([]);
    expect(Object.keys(rows).filter((row) => !routes.includes(row))).toEqual([]);
  });

  it('gives every caller of every route the expected status', async () => {
    const mismatches: string[] = [];
    for (const [route, row] of Object.entries(rows)) {
      const method = route.split(' ')[0];
      for (const caller of CALLERS) {
        const { path, body, token } = await row.request(caller);
        const response = await api.request(method, path, body, { token: token ?? tokens[caller] });
        if (response.status !== row.expected[caller]) {
          mismatches.push(
            `${route} as ${caller}: ${response.status} (expected ${row.expected[caller]}) ${JSON.stringify(response.body).slice(0, 160)}`,
          );
        }
        if (response.status >= 500) mismatches.push(`${route} as ${caller}: server error`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);
});
