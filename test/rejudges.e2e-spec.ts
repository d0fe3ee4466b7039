import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
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
import { LiveTestClient } from './support/live-client.js';
import { TWO_SUM_SOLUTION, TWO_SUM_WRONG, twoSumDefinition } from './support/two-sum.challenge.js';
import { startTestJudge } from './support/test-judge.js';

/** Version 2 of two-sum: its hidden tests are small, so the "first ten" solution passes them now. */
function smallerHiddenTests(): Record<string, unknown> {
  const definition = twoSumDefinition(0) as { tests: { raw: Record<string, unknown> }[] };
  definition.tests.push(
    { raw: { name: 'hidden small', sample: false, weight: 1, args: [[1, 3, 5, 7], 12], expected: [2, 3] } },
    { raw: { name: 'hidden three', sample: false, weight: 1, args: [[10, 20, 30], 50], expected: [1, 2] } },
  );
  return definition;
}

describe('re-judging past final submissions against another challenge version', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let running: RunningTestApi;
  let judge: INestApplicationContext;
  let api: HttpClient;
  let admin: SignedInStaff;
  let recruiter: SignedInStaff;
  let assessmentId: string;
  let itemId: string;
  let version2: string;
  const candidates: { token: string; submissionId: string }[] = [];

  const waitFinished = async (submissionId: string, token: string) => {
    for (let i = 0; i < 400; i++) {
      const result = await api.get(`/api/v1/candidate/submissions/${submissionId}`, { token });
      if (result.body.status === 'finished') return result.body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('not finished');
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, 2).initialize();
    const { challengeId } = await seedChallenge(dataSource, {
      slug: 'two-sum',
      type: 'coding',
      definition: twoSumDefinition(),
    });
    running = await startTestApi(createApiApplication, database.url, { AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    judge = await startTestJudge(database.url, 2);
    api = new HttpClient(running.url);
    admin = await newOrganization(api);
    recruiter = await newMember(api, admin, 'recruiter');
    const assessment = await api.post(
      '/api/v1/assessments',
      { title: 'Rejudge', durationMinutes: 30, items: [{ challengeSlug: 'two-sum' }] },
      { token: recruiter.accessToken },
    );
    assessmentId = assessment.body.id;
    itemId = assessment.body.items[0].id;
    for (const [name, code] of [
      ['Right', TWO_SUM_SOLUTION],
      ['Wrong', TWO_SUM_WRONG],
    ]) {
      const invite = await api.post(
        `/api/v1/assessments/${assessmentId}/invites`,
        { candidateName: name, candidateEmail: `${name.toLowerCase()}@example.test` },
        { token: recruiter.accessToken },
      );
      const started = await api.post('/api/v1/candidate/sessions', { inviteToken: invite.body.token });
      const token = started.body.sessionToken as string;
      const submitted = await api.post(
        `/api/v1/candidate/session/items/${started.body.session.items[0].id}/submissions`,
        { language: 'javascript', code },
        { token },
      );
      await waitFinished(submitted.body.submissionId, token);
      candidates.push({ token, submissionId: submitted.body.submissionId });
    }
    // The bank changed the challenge: a new version becomes current; the assessment stays pinned to 1.
    const [row] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO challenge_versions ("challengeId", version, "contentHash", type, title, difficulty, competencies, "estimatedMinutes", definition)
       VALUES ($1, 2, $2, 'coding', 'Two sum', 'medium', '{programming}', 20, $3) RETURNING id`,
      [challengeId, randomBytes(32).toString('hex'), JSON.stringify(smallerHiddenTests())],
    );
    version2 = row.id;
    await dataSource.query(`UPDATE challenges SET "currentVersionId" = $1 WHERE id = $2`, [version2, challengeId]);
  });

  afterAll(async () => {
    await judge?.close();
    await running?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  it("lists the item's versions, pinned and current", async () => {
    const versions = await api.get(`/api/v1/assessments/${assessmentId}/items/${itemId}/versions`, {
      token: recruiter.accessToken,
    });
    expect(versions.status).toBe(200);
    expect(versions.body).toMatchObject([
      { version: 1, pinned: true, current: false },
      { id: version2, version: 2, pinned: false, current: true },
    ]);
  });

  it('is for admins, and refuses versions of other challenges and unknown items', async () => {
    const body = { itemId, versionId: version2 };
    const byRecruiter = await api.post(`/api/v1/assessments/${assessmentId}/rejudges`, body, {
      token: recruiter.accessToken,
    });
    expect(byRecruiter.status).toBe(403);
    const otherVersion = await api.post(
      `/api/v1/assessments/${assessmentId}/rejudges`,
      { itemId, versionId: '6f0c2b8e-3f7e-4a55-9a0e-2f1d7c9b8a10' },
      { token: admin.accessToken },
    );
    expect(otherVersion.status).toBe(422);
    expect(otherVersion.body.code).toBe('version_not_of_challenge');
    const unknownItem = await api.post(
      `/api/v1/assessments/${assessmentId}/rejudges`,
      { itemId: '6f0c2b8e-3f7e-4a55-9a0e-2f1d7c9b8a10', versionId: version2 },
      { token: admin.accessToken },
    );
    expect(unknownItem.status).toBe(404);
    const malformed = await api.post(
      `/api/v1/assessments/${assessmentId}/rejudges`,
      { itemId: 'x' },
      { token: admin.accessToken },
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/itemId/);
    expect(malformed.body.message).toMatch(/versionId/);
    const stranger = await newOrganization(api);
    const elsewhere = await api.post(`/api/v1/assessments/${assessmentId}/rejudges`, body, {
      token: stranger.accessToken,
    });
    expect(elsewhere.status).toBe(404);
  });

  it('judges every final submission again and reports which scores changed, keeping the originals', async () => {
    const candidateLive = await LiveTestClient.connect(running.url, candidates[1].token);
    const created = await api.post(
      `/api/v1/assessments/${assessmentId}/rejudges`,
      { itemId, versionId: version2 },
      { token: admin.accessToken },
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ total: 2, from: { version: 1 }, to: { version: 2 } });
    let report = created.body;
    for (let i = 0; i < 400 && report.status !== 'finished'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      report = (await api.get(`/api/v1/rejudges/${created.body.id}`, { token: recruiter.accessToken })).body;
    }
    expect(report).toMatchObject({ status: 'finished', judged: 2, changed: 1 });
    const byName = new Map(
      (report.submissions as { candidateName: string; rejudged: { submissionId: string } }[]).map((submission) => [
        submission.candidateName,
        submission,
      ]),
    );
    expect(byName.get('Right')).toMatchObject({
      changed: false,
      original: { score: 1 },
      rejudged: { verdict: 'ACCEPTED', score: 1 },
    });
    expect(byName.get('Wrong')).toMatchObject({
      changed: true,
      original: { verdict: 'WRONG_ANSWER', score: 0 },
      rejudged: { verdict: 'ACCEPTED', score: 1 },
      scoreDelta: 1,
    });

    // The originals keep their scores: the results still count what was judged against version 1.
    const results = await api.get(`/api/v1/assessments/${assessmentId}/results`, { token: recruiter.accessToken });
    expect((results.body as { candidateName: string; total: number }[]).map((r) => [r.candidateName, r.total])).toEqual(
      [
        ['Right', 100],
        ['Wrong', 0],
      ],
    );
    // The candidate never sees a rejudge: not through the API, not on the live streams.
    const rejudgedId = byName.get('Wrong')!.rejudged.submissionId;
    const asCandidate = await api.get(`/api/v1/candidate/submissions/${rejudgedId}`, { token: candidates[1].token });
    expect(asCandidate.status).toBe(404);
    await expect(candidateLive.subscribe({ submissionId: rejudgedId })).rejects.toThrow(/not_found/);
    expect(candidateLive.events.some((event) => JSON.stringify(event.payload).includes(rejudgedId))).toBe(false);
    candidateLive.close();

    const listed = await api.get(`/api/v1/assessments/${assessmentId}/rejudges`, { token: recruiter.accessToken });
    expect(listed.body).toHaveLength(1);
  });
});
