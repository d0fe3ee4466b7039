import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JudgeConfig, loadConfig } from '@app/config';
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
import { JudgeModule } from '../apps/judge/src/judge.module.js';
import { designDefinition } from './support/design.challenge.js';
import { TWO_SUM_SOLUTION, TWO_SUM_WRONG, twoSumDefinition } from './support/two-sum.challenge.js';

interface Candidate {
  name: string;
  token: string;
  id: string;
  codeItem: string;
  designItem: string;
  submissionId?: string;
}

/** Interviewers at work: line comments, rubric reviews with decisions, score overrides, comparison. */
describe('review workflow', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let running: RunningTestApi;
  let judge: INestApplicationContext;
  let api: HttpClient;
  let admin: SignedInStaff;
  let recruiter: SignedInStaff;
  let interviewer: SignedInStaff;
  let secondInterviewer: SignedInStaff;
  let assessmentId: string;
  const candidates: Candidate[] = [];

  const as = (staff: SignedInStaff) => ({ token: staff.accessToken });
  const waitJudged = async (token: string, submissionId: string) => {
    for (let i = 0; i < 400; i++) {
      const result = await api.get(`/api/v1/candidate/submissions/${submissionId}`, { token });
      if (result.body.status === 'finished') return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('not judged');
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, 2).initialize();
    await seedChallenge(dataSource, {
      slug: 'two-sum',
      competencies: ['programming'],
      definition: twoSumDefinition(),
    });
    await seedChallenge(dataSource, {
      slug: 'design-small',
      type: 'system-design',
      competencies: ['architecture', 'leadership'],
      definition: designDefinition(),
    });
    running = await startTestApi(createApiApplication, database.url, { AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    judge = await NestFactory.createApplicationContext(
      JudgeModule.register(
        loadConfig('judge', JudgeConfig, { DATABASE_URL: database.url, LOG_LEVEL: 'silent', JUDGE_CONCURRENCY: '2' }),
      ),
      { logger: false },
    );
    await judge.init();
    api = new HttpClient(running.url);
    admin = await newOrganization(api);
    recruiter = await newMember(api, admin, 'recruiter');
    interviewer = await newMember(api, admin, 'interviewer');
    secondInterviewer = await newMember(api, admin, 'interviewer');
    const assessment = await api.post(
      '/api/v1/assessments',
      {
        title: 'Reviewed',
        durationMinutes: 30,
        items: [{ challengeSlug: 'two-sum', weight: 3 }, { challengeSlug: 'design-small' }],
      },
      as(recruiter),
    );
    assessmentId = assessment.body.id;
    for (const name of ['Ada', 'Bob', 'Cy']) {
      const invite = await api.post(
        `/api/v1/assessments/${assessmentId}/invites`,
        { candidateName: name, candidateEmail: `${name}@example.test` },
        as(recruiter),
      );
      const started = await api.post('/api/v1/candidate/sessions', { inviteToken: invite.body.token });
      candidates.push({
        name,
        token: started.body.sessionToken,
        id: started.body.session.id,
        codeItem: started.body.session.items[0].id,
        designItem: started.body.session.items[1].id,
      });
    }
    const [ada, bob] = candidates;
    for (const [candidate, code] of [
      [ada, TWO_SUM_SOLUTION],
      [bob, TWO_SUM_WRONG],
    ] as const) {
      const accepted = await api.post(
        `/api/v1/candidate/session/items/${candidate.codeItem}/submissions`,
        { language: 'javascript', code },
        { token: candidate.token },
      );
      candidate.submissionId = accepted.body.submissionId;
      await waitJudged(candidate.token, accepted.body.submissionId);
    }
    const design = await api.post(
      `/api/v1/candidate/session/items/${ada.designItem}/submissions`,
      { answer: { sections: { requirements: 'Short links, fast redirects.' }, estimates: { qps: '1150' } } },
      { token: ada.token },
    );
    expect(design.status).toBe(202);
    for (const candidate of [ada, bob]) {
      expect((await api.post('/api/v1/candidate/session/finish', undefined, { token: candidate.token })).status).toBe(
        200,
      );
    }
  }, 120_000);
  afterAll(async () => {
    await judge?.close();
    await running?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('takes line comments on submitted code, edited and deleted by their author', async () => {
    const [ada] = candidates;
    const path = `/api/v1/submissions/${ada.submissionId}/comments`;
    const created = await api.post(path, { line: 3, body: '  A Map keeps this linear.  ' }, as(interviewer));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      line: 3,
      file: 'main',
      body: 'A Map keeps this linear.',
      sessionId: ada.id,
      itemId: ada.codeItem,
      author: { id: interviewer.user.id, name: interviewer.user.name },
      edited: false,
    });
    const beyond = await api.post(path, { line: 99, body: 'x' }, as(interviewer));
    expect(beyond).toMatchObject({ status: 422, body: { code: 'line_out_of_range' } });
    expect((await api.post(path, { line: 1, body: 'x', file: 'other.js' }, as(interviewer))).body.code).toBe(
      'unknown_file',
    );
    expect((await api.post(path, { line: 0, body: '' }, as(interviewer))).status).toBe(400);
    expect((await api.post(path, { line: 1, body: 'x', extra: 1 }, as(interviewer))).status).toBe(400);
    expect((await api.post(path, { line: 1, body: 'x' }, as(recruiter))).status).toBe(403);
    const second = await api.post(path, { line: 1, body: 'Good name.' }, as(secondInterviewer));

    const listed = await api.get(path, as(recruiter));
    expect(listed.body.map((comment: { line: number }) => comment.line)).toEqual([1, 3]);

    const edit = `/api/v1/comments/${created.body.id}`;
    expect((await api.request('PATCH', edit, { body: 'Mine' }, as(secondInterviewer))).status).toBe(403);
    const edited = await api.request('PATCH', edit, { body: 'A Map makes it O(n).', line: 4 }, as(interviewer));
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: 'A Map makes it O(n).', line: 4 });
    expect((await api.request('PATCH', edit, {}, as(interviewer))).status).toBe(400);

    const detail = await api.get(`/api/v1/sessions/${ada.id}`, as(recruiter));
    const code = detail.body.submissions.find((s: { itemId: string }) => s.itemId === ada.codeItem);
    expect(code.comments.map((comment: { body: string }) => comment.body)).toEqual([
      'Good name.',
      'A Map makes it O(n).',
    ]);

    expect((await api.request('DELETE', `/api/v1/comments/${second.body.id}`, undefined, as(interviewer))).status).toBe(
      403,
    );
    expect((await api.request('DELETE', `/api/v1/comments/${second.body.id}`, undefined, as(admin))).status).toBe(204);
    expect((await api.get(path, as(interviewer))).body).toHaveLength(1);

    const other = await newOrganization(api);
    expect((await api.get(path, as(other))).status).toBe(404);
    expect((await api.request('PATCH', edit, { body: 'x' }, as(other))).status).toBe(404);
    const designSubmission = detail.body.submissions.find((s: { itemId: string }) => s.itemId === ada.designItem);
    const onDesign = await api.post(
      `/api/v1/submissions/${designSubmission.id}/comments`,
      { line: 1, body: 'x' },
      as(interviewer),
    );
    expect(onDesign).toMatchObject({ status: 422, body: { code: 'no_code' } });
  });

  it('keeps the design item pending until a review rates its whole rubric, then scores it', async () => {
    const [ada] = candidates;
    const before = await api.get(`/api/v1/assessments/${assessmentId}/results`, as(recruiter));
    const adaBefore = before.body.find((r: { sessionId: string }) => r.sessionId === ada.id);
    expect(adaBefore.items[1]).toMatchObject({ type: 'system-design', status: 'pending_review', score: null });
    expect(adaBefore.total).toBe(75); // 3/4 of the weight, all tests passed

    const detail = await api.get(`/api/v1/sessions/${ada.id}`, as(interviewer));
    expect(detail.body.items[0].rubric).toMatchObject({ source: 'standard' });
    expect(detail.body.items[1].rubric.criteria.map((c: { id: string }) => c.id)).toEqual(['scope', 'scaling']);

    const partial = await api.put(
      `/api/v1/sessions/${ada.id}/review`,
      { decision: 'yes', summary: 'Solid.', rubric: { [ada.designItem]: { scope: { score: 3 } } } },
      as(interviewer),
    );
    expect(partial.status).toBe(200);
    expect(partial.body.items).toEqual([
      { itemId: ada.designItem, rubricScore: 0.5, complete: false, missing: ['scaling'] },
    ]);
    const stillPending = await api.get(`/api/v1/sessions/${ada.id}`, as(interviewer));
    expect(stillPending.body.items[1].status).toBe('pending_review');

    const full = await api.put(
      `/api/v1/sessions/${ada.id}/review`,
      {
        decision: 'strong_yes',
        summary: 'Clear trade-offs.',
        rubric: {
          [ada.designItem]: { scope: { score: 3, note: 'complete' }, scaling: { score: 1 } },
          [ada.codeItem]: { correctness: { score: 4 }, 'code-quality': { score: 3 } },
        },
      },
      as(interviewer),
    );
    expect(full.status).toBe(200);
    expect(full.body.id).toBe(partial.body.id); // one review per interviewer, replaced
    expect(full.body).toMatchObject({ decision: 'strong_yes', reviewer: { id: interviewer.user.id } });

    const scored = await api.get(`/api/v1/sessions/${ada.id}`, as(interviewer));
    // rubric (1 + 0.5) / 2 = 0.75; estimate 1150 within 20% of 1200 = 1; 0.8 × 0.75 + 0.2 × 1 = 0.8
    expect(scored.body.items[1]).toMatchObject({ status: 'scored', score: 0.8, autoScore: 0.8 });
    expect(scored.body.items[0].score).toBe(1); // the code rubric is feedback only
    expect(scored.body.total).toBe(95);
    expect(scored.body.competencies).toMatchObject({ programming: 100, architecture: 80, leadership: 80 });

    await api.put(
      `/api/v1/sessions/${ada.id}/review`,
      { decision: 'no', summary: '', rubric: { [ada.designItem]: { scope: { score: 0 }, scaling: { score: 0 } } } },
      as(secondInterviewer),
    );
    const averaged = await api.get(`/api/v1/sessions/${ada.id}`, as(interviewer));
    // the second review's rubric is 0: (0.75 + 0) / 2 for the rubric part, the estimate stays 1
    expect(averaged.body.items[1].score).toBeCloseTo(0.8 * 0.375 + 0.2, 5);
    expect(averaged.body.reviews.map((review: { decision: string }) => review.decision)).toEqual(['strong_yes', 'no']);
    const results = await api.get(`/api/v1/assessments/${assessmentId}/results`, as(recruiter));
    expect(results.body[0].decisions).toEqual([
      { reviewer: { id: interviewer.user.id, name: interviewer.user.name }, decision: 'strong_yes' },
      { reviewer: { id: secondInterviewer.user.id, name: secondInterviewer.user.name }, decision: 'no' },
    ]);
    const csv = await api.get(`/api/v1/assessments/${assessmentId}/results.csv`, as(recruiter));
    expect((csv.body as string).split('\r\n')[1]).toMatch(/,strong_yes; no$/);
  });

  it('refuses reviews that do not follow the rubric, of sessions in progress, and by the wrong people', async () => {
    const [ada, , cy] = candidates;
    const bad = await api.put(
      `/api/v1/sessions/${ada.id}/review`,
      {
        decision: 'yes',
        summary: '',
        rubric: {
          [ada.designItem]: { scope: { score: 2 }, depth: { score: 1 } },
          '6f0c2b8e-3f7e-4a55-9a0e-2f1d7c9b8a10': {},
        },
      },
      as(interviewer),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('invalid_rubric');
    expect(bad.body.details.map((problem: { path: string }) => problem.path).sort()).toEqual(
      [
        `rubric.${ada.designItem}.depth`,
        `rubric.${ada.designItem}.scope.score`,
        'rubric.6f0c2b8e-3f7e-4a55-9a0e-2f1d7c9b8a10',
      ].sort(),
    );
    const badDecision = await api.put(
      `/api/v1/sessions/${ada.id}/review`,
      { decision: 'maybe', summary: '' },
      as(interviewer),
    );
    expect(badDecision.status).toBe(400);
    const inProgress = await api.put(
      `/api/v1/sessions/${cy.id}/review`,
      { decision: 'no', summary: '' },
      as(interviewer),
    );
    expect(inProgress).toMatchObject({ status: 409, body: { code: 'session_in_progress' } });
    expect(
      (await api.put(`/api/v1/sessions/${ada.id}/review`, { decision: 'no', summary: '' }, as(recruiter))).status,
    ).toBe(403);
    const other = await newOrganization(api);
    expect(
      (await api.put(`/api/v1/sessions/${ada.id}/review`, { decision: 'no', summary: '' }, as(other))).status,
    ).toBe(404);
  });

  it('overrides an item score with a reason, keeps the original, and audits every change', async () => {
    const [ada, bob] = candidates;
    const path = `/api/v1/sessions/${bob.id}/items/${bob.codeItem}/score-override`;
    const before = await api.get(`/api/v1/assessments/${assessmentId}/results`, as(recruiter));
    const bobBefore = before.body.find((r: { sessionId: string }) => r.sessionId === bob.id);
    expect(bobBefore.items[0]).toMatchObject({ score: 0, autoScore: 0, overridden: false, versionPercentile: 0 });

    const first = await api.post(
      path,
      { score: 0.5, reason: 'Hidden test 3 asks more than the statement.' },
      as(interviewer),
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ from: 0, to: 0.5, originalScore: 0, by: { id: interviewer.user.id } });
    const second = await api.post(path, { score: 0.75, reason: 'Discussed in the debrief.' }, as(secondInterviewer));
    expect(second.body).toMatchObject({ from: 0.5, to: 0.75 });

    const results = await api.get(`/api/v1/assessments/${assessmentId}/results`, as(recruiter));
    const bobAfter = results.body.find((r: { sessionId: string }) => r.sessionId === bob.id);
    expect(bobAfter.items[0]).toMatchObject({
      score: 0.75,
      autoScore: 0,
      overridden: true,
      status: 'scored',
      override: { score: 0.75, reason: 'Discussed in the debrief.', by: { id: secondInterviewer.user.id } },
    });
    expect(bobAfter.total).toBe(56.3); // 3 × 0.75 / 4, rounded to 0.1
    expect(bobAfter.percentile).toBe(50);
    const adaAfter = results.body.find((r: { sessionId: string }) => r.sessionId === ada.id);
    expect(bobAfter.items[0].versionPercentile).toBe(0);
    expect(adaAfter.items[0].versionPercentile).toBe(100);
    const csv = await api.get(`/api/v1/assessments/${assessmentId}/results.csv`, as(recruiter));
    expect(csv.body).toContain(',75.0*,');
    const stored = await dataSource.query(`SELECT score FROM submissions WHERE id = $1`, [bob.submissionId]);
    expect(Number(stored[0].score)).toBe(0);

    const removed = await api.post(path, { score: null, reason: 'Back to the tests.' }, as(interviewer));
    expect(removed.body).toMatchObject({ from: 0.75, to: null });
    expect((await api.post(path, { score: null, reason: 'Again.' }, as(interviewer))).body.code).toBe('no_override');
    const restored = await api.get(`/api/v1/sessions/${bob.id}`, as(recruiter));
    expect(restored.body.items[0]).toMatchObject({ score: 0, overridden: false, override: null });

    const audit = await api.get(`/api/v1/sessions/${bob.id}/score-audit`, as(recruiter));
    expect(audit.body.map((row: { from: number | null; to: number | null }) => [row.from, row.to])).toEqual([
      [0, 0.5],
      [0.5, 0.75],
      [0.75, null],
    ]);
    expect(audit.body[1]).toMatchObject({
      reason: 'Discussed in the debrief.',
      by: { name: secondInterviewer.user.name },
    });
    expect(restored.body.scoreAudit).toHaveLength(3);

    for (const body of [
      { score: 1.5, reason: 'too high' },
      { score: 0.5 },
      { score: '0.5', reason: 'text' },
      { reason: 'no score' },
    ]) {
      expect((await api.post(path, body, as(interviewer))).status).toBe(400);
    }
    expect((await api.post(path, { score: 1, reason: 'recruiter' }, as(recruiter))).status).toBe(403);
    const foreignItem = `/api/v1/sessions/${bob.id}/items/6f0c2b8e-3f7e-4a55-9a0e-2f1d7c9b8a10/score-override`;
    expect((await api.post(foreignItem, { score: 1, reason: 'nope' }, as(interviewer))).status).toBe(404);
  });

  it('compares 2 to 4 sessions side by side and refuses anything else', async () => {
    const [ada, bob, cy] = candidates;
    const compare = (query: string, who = recruiter) =>
      api.get(`/api/v1/assessments/${assessmentId}/compare?${query}`, as(who));
    const pair = await compare(`sessions=${bob.id},${ada.id}`);
    expect(pair.status).toBe(200);
    expect(pair.body.candidates.map((c: { candidateName: string }) => c.candidateName)).toEqual(['Bob', 'Ada']);
    expect(pair.body.items.map((item: { challengeSlug: string }) => item.challengeSlug)).toEqual([
      'two-sum',
      'design-small',
    ]);
    expect(pair.body.competencies).toEqual(['architecture', 'leadership', 'programming']);
    expect(pair.body.candidates[1]).toMatchObject({
      total: expect.any(Number),
      percentile: 100,
      decisions: expect.any(Array),
    });
    expect(pair.body.candidates[1].items[0]).toMatchObject({ verdict: 'ACCEPTED', score: 1 });
    expect((await compare(`sessionIds=${ada.id},${bob.id},${cy.id}`, interviewer)).status).toBe(200);

    for (const query of [
      `sessions=${ada.id}`,
      `sessions=${ada.id},${ada.id}`,
      `sessions=${ada.id},not-an-id`,
      `sessions=${[ada.id, bob.id, cy.id, ada.id.replace(/.$/, '0'), bob.id.replace(/.$/, '0')].join(',')}`,
      '',
    ]) {
      const refused = await compare(query);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('invalid_compare');
    }
    const stranger = await compare(`sessions=${ada.id},6f0c2b8e-3f7e-4a55-9a0e-2f1d7c9b8a10`);
    expect(stranger).toMatchObject({
      status: 404,
      body: { details: { sessionIds: ['6f0c2b8e-3f7e-4a55-9a0e-2f1d7c9b8a10'] } },
    });
    const other = await newOrganization(api);
    expect((await compare(`sessions=${ada.id},${bob.id}`, other)).status).toBe(404);
  });
});
