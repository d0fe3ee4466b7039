import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { parse as parseYaml } from 'yaml';
import {
  dropOrphanedSandboxRoles,
  graderSectionOf,
  loadChallenge,
  quizKey,
  shuffledOptions,
  type ChallengePackage,
  type QuizDefinition,
} from '@app/challenge-kit';
import { withDatabase } from '@app/db';
import {
  HttpClient,
  createTestDatabase,
  dropDatabase,
  newMember,
  newOrganization,
  serverUrlOf,
  startTestApi,
  type RunningTestApi,
  type TestDatabase,
} from '@app/testing';
import { createApiApplication } from '../apps/api/src/api.application.js';
import { ChallengeBankImporter } from '../apps/api/src/challenges/challenge-bank.importer.js';
import { DataSource } from 'typeorm';
import { LiveTestClient } from './support/live-client.js';
import { startTestJudge } from './support/test-judge.js';

/** A query that returns exactly the sample test's expected rows: it must fail the hidden datasets. */
const HARD_CODED = `SELECT * FROM (VALUES
  ('amer', 'Hooli', 30000, 1, 75.0), ('amer', 'Stark', 10000, 2, 25.0),
  ('emea', 'Acme', 75000, 1, 51.7), ('emea', 'Globex', 40000, 2, 27.6), ('emea', 'Initech', 20000, 3, 13.8)
) AS t(region, customer, revenue_cents, rank, share_pct)`;

const SLUGS = ['top-customers-by-region', 'quiz-api-security', 'review-order-search-pr', 'design-url-shortener'];

describe('grading every item type through the API, the queue and the judge', () => {
  let database: TestDatabase;
  let sandboxName: string;
  let running: RunningTestApi;
  let judge: INestApplicationContext;
  let api: HttpClient;
  let recruiterToken: string;
  let sessionToken: string;
  let sessionId: string;
  let assessmentId: string;
  const packages = new Map<string, ChallengePackage>();
  const items = new Map<string, string>();

  const submit = (slug: string, body: Record<string, unknown>, kind: 'runs' | 'submissions' = 'submissions') =>
    api.post(`/api/v1/candidate/session/items/${items.get(slug)}/${kind}`, body, { token: sessionToken });

  const finished = async (submissionId: string) => {
    for (let i = 0; i < 600; i++) {
      const result = await api.get(`/api/v1/candidate/submissions/${submissionId}`, { token: sessionToken });
      if (result.body.status === 'finished') return result.body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`submission ${submissionId} did not finish`);
  };

  const staffSubmission = async (submissionId: string) => {
    const detail = await api.get(`/api/v1/sessions/${sessionId}`, { token: recruiterToken });
    return (detail.body.submissions as { id: string }[]).find((submission) => submission.id === submissionId) as
      Record<string, unknown> | undefined;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    sandboxName = `${database.name}_sbx`;
    running = await startTestApi(createApiApplication, database.url, { AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    const importer = running.app.get(ChallengeBankImporter);
    for (const slug of SLUGS) {
      const pkg = await loadChallenge(`challenges/${slug}`);
      packages.set(slug, pkg);
      await running.app.get(DataSource).transaction((manager) => importer.importPackage(manager, null, pkg));
    }
    judge = await startTestJudge(database.url, 2, { SANDBOX_DATABASE_URL: withDatabase(database.url, sandboxName) });

    api = new HttpClient(running.url);
    const admin = await newOrganization(api);
    recruiterToken = (await newMember(api, admin, 'recruiter')).accessToken;
    const assessment = await api.post(
      '/api/v1/assessments',
      { title: 'Every type', durationMinutes: 60, items: SLUGS.map((challengeSlug) => ({ challengeSlug })) },
      { token: recruiterToken },
    );
    expect(assessment.status).toBe(201);
    assessmentId = assessment.body.id;
    const invite = await api.post(
      `/api/v1/assessments/${assessmentId}/invites`,
      { candidateName: 'Grace', candidateEmail: 'grace@example.test' },
      { token: recruiterToken },
    );
    const started = await api.post('/api/v1/candidate/sessions', { inviteToken: invite.body.token });
    sessionToken = started.body.sessionToken;
    sessionId = started.body.session.id;
    for (const item of started.body.session.items as { id: string; challengeSlug: string }[])
      items.set(item.challengeSlug, item.id);
  });

  afterAll(async () => {
    await judge?.close();
    await running?.close();
    await database?.drop();
    if (sandboxName) {
      await dropDatabase(serverUrlOf(database.url), sandboxName);
      await dropOrphanedSandboxRoles(serverUrlOf(database.url));
    }
  });

  describe('sql', () => {
    const reference = () => packages.get('top-customers-by-region')!.solutions[0].content;

    it('runs only the sample tests and streams the sample result tables', async () => {
      const client = await LiveTestClient.connect(running.url, sessionToken);
      try {
        const accepted = await submit('top-customers-by-region', { language: 'sql', code: reference() }, 'runs');
        expect(accepted.status).toBe(202);
        const { submissionId } = accepted.body;
        await client.subscribe({ submissionId, afterSeq: 0 });
        await client.waitFor((e) => e.type === 'submission.finished', 60_000);
        const tests = client.stream(`submission:${submissionId}`).filter((e) => e.type === 'test.finished');
        expect(tests).toHaveLength(1);
        expect(tests[0].payload).toMatchObject({
          name: 'two regions',
          sample: true,
          verdict: 'ACCEPTED',
          details: {
            input: 'dataset sample',
            expected: { columns: expect.any(Array), rows: expect.any(Array), totalRows: 5 },
            actual: { totalRows: 5 },
          },
        });
        const result = await finished(submissionId);
        expect(result).toMatchObject({ kind: 'run', verdict: 'ACCEPTED', score: null });
        expect(result.tests).toHaveLength(1);
        expect(result.tests[0].actual.rows[0]).toEqual(['amer', 'Hooli', '30000', '1', '75.0']);
      } finally {
        client.close();
      }
    });

    it('scores the reference 1 on every hidden dataset', async () => {
      const accepted = await submit('top-customers-by-region', { language: 'sql', code: reference() });
      const result = await finished(accepted.body.submissionId);
      expect(result).toMatchObject({ kind: 'final', verdict: 'ACCEPTED', score: 1 });
      expect(result.tests.filter((test: { sample: boolean }) => !test.sample)).toHaveLength(3);
    });

    it('fails a hard-coded answer on the hidden datasets without showing them', async () => {
      const accepted = await submit('top-customers-by-region', { language: 'sql', code: HARD_CODED });
      const result = await finished(accepted.body.submissionId);
      expect(result.verdict).toBe('WRONG_ANSWER');
      expect(result.score).toBe(0);
      const [sample, ...hidden] = result.tests as Record<string, unknown>[];
      expect(sample).toMatchObject({ sample: true, verdict: 'ACCEPTED' });
      for (const test of hidden) {
        expect(test).toMatchObject({ sample: false, verdict: 'WRONG_ANSWER' });
        expect(test).not.toHaveProperty('expected');
        expect(test).not.toHaveProperty('actual');
        expect(test.message).toBe('The result differs from the expected result.');
      }
      // Names from the hidden datasets appear nowhere in what the candidate receives.
      expect(JSON.stringify(result)).not.toMatch(/Nadir|Fjord|Cobalt/);
    });

    it("cannot read the application's tables, files or the network", async () => {
      for (const code of [
        'SELECT email, "passwordHash" FROM public.users',
        "SELECT pg_read_file('/etc/passwd')",
        "SELECT * FROM dblink('host=127.0.0.1 dbname=postgres', 'SELECT 1') AS t(x int)",
      ]) {
        const accepted = await submit('top-customers-by-region', { language: 'sql', code }, 'runs');
        const result = await finished(accepted.body.submissionId);
        expect(result.verdict).toBe('RUNTIME_ERROR');
        expect(JSON.stringify(result)).not.toMatch(/root:x:0|\$argon2/);
      }
    });

    it('refuses SQL items in another language, and code items in sql', async () => {
      const wrong = await submit('top-customers-by-region', { language: 'javascript', code: 'SELECT 1' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.message).toMatch(/sql item is answered in sql/);
    });
  });

  describe('quiz', () => {
    const quiz = () => {
      const section = graderSectionOf(packages.get('quiz-api-security')!);
      return (section as { definition: QuizDefinition }).definition;
    };

    it("shows each candidate the options in the candidate's own deterministic order", async () => {
      const session = await api.get('/api/v1/candidate/session', { token: sessionToken });
      const item = (session.body.items as { challengeSlug: string; content: Record<string, unknown> }[]).find(
        (candidate) => candidate.challengeSlug === 'quiz-api-security',
      )!;
      const shown = (item.content.material as { questions: { id: string; options: { id: string }[] }[] }).questions;
      for (const question of quiz().questions) {
        const expected = question.shuffleOptions
          ? shuffledOptions(sessionId, question.id, question.options).map((option) => option.id)
          : question.options.map((option) => option.id);
        expect(shown.find((candidate) => candidate.id === question.id)!.options.map((option) => option.id)).toEqual(
          expected,
        );
      }
      expect(JSON.stringify(item.content)).not.toMatch(/"correct"|explanation/);
    });

    it('refuses answers of the wrong shape, naming the field', async () => {
      const [single, , multiple] = quiz().questions;
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ answers: { nope: ['a'] } }, /answer\.answers.*nope/],
        [{ answers: { [single.id]: single.options.slice(0, 2).map((option) => option.id) } }, /single-choice/],
        [{ answers: { [multiple.id]: ['no-such-option'] } }, new RegExp(`answer\\.answers\\.${multiple.id}\\[0\\]`)],
        [{ picks: {} }, /answer\.picks/],
        [{}, /answer\.answers: is required/],
      ];
      for (const [answer, message] of cases) {
        const response = await submit('quiz-api-security', { answer });
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('invalid_answer');
        expect(response.body.message).toMatch(message);
      }
      // A run takes code only: an answer item has nothing to run.
      const run = await submit('quiz-api-security', { answer: { answers: {} } }, 'runs');
      expect(run.status).toBe(400);
    });

    it('grades the answers at once; only staff see the score', async () => {
      const key = quizKey(quiz());
      const perfect = await submit('quiz-api-security', { answer: { answers: key } });
      expect(perfect.status).toBe(202);
      const result = await finished(perfect.body.submissionId);
      expect(result).toMatchObject({ verdict: 'ACCEPTED', score: null, message: 'Your answer was recorded.' });
      expect(result.tests).toEqual([]);
      expect(await staffSubmission(perfect.body.submissionId)).toMatchObject({
        score: 1,
        grading: { type: 'quiz', score: 1 },
      });

      const [first] = quiz().questions;
      const wrongOption = first.options.find((option) => !option.correct)!.id;
      const partial = await submit('quiz-api-security', { answer: { answers: { ...key, [first.id]: [wrongOption] } } });
      await finished(partial.body.submissionId);
      const graded = await staffSubmission(partial.body.submissionId);
      expect(graded!.score).toBeGreaterThan(0);
      expect(graded!.score).toBeLessThan(1);
    });
  });

  describe('code review', () => {
    it('refuses comments of the wrong shape', async () => {
      const response = await submit('review-order-search-pr', {
        answer: { comments: [{ file: 'a.ts', line: 0, category: 'style', body: '' }] },
      });
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/answer\.comments\[0\]\.line/);
      expect(response.body.message).toMatch(/answer\.comments\[0\]\.category/);
    });

    it('matches the comments with the planted defects', async () => {
      const pkg = packages.get('review-order-search-pr')!;
      const comments = parseYaml(pkg.solutions[0].content) as unknown[];
      const good = await submit('review-order-search-pr', { answer: { comments } });
      expect((await finished(good.body.submissionId)).score).toBeNull();
      const graded = await staffSubmission(good.body.submissionId);
      expect(graded!.score).toBeGreaterThanOrEqual(0.9);
      expect(graded!.grading).toMatchObject({ type: 'code-review', missed: expect.any(Array) });

      const noise = await submit('review-order-search-pr', {
        answer: { comments: [{ file: 'src/orders/orders.service.ts', line: 1, category: 'design', body: 'Rename.' }] },
      });
      await finished(noise.body.submissionId);
      expect((await staffSubmission(noise.body.submissionId))!.score).toBe(0);
    });
  });

  describe('system design', () => {
    it('refuses sections the design does not have', async () => {
      const response = await submit('design-url-shortener', { answer: { sections: { dataModel: 'x' } } });
      expect(response.status).toBe(400);
      expect(response.body.message).toMatch(/answer\.sections/);
    });

    it('grades the estimates and leaves the rubric to interviewers', async () => {
      const pkg = packages.get('design-url-shortener')!;
      const answer = parseYaml(pkg.solutions[0].content) as Record<string, unknown>;
      const accepted = await submit('design-url-shortener', { answer });
      expect(accepted.status).toBe(202);
      const result = await finished(accepted.body.submissionId);
      expect(result).toMatchObject({ verdict: 'ACCEPTED', score: null });
      const graded = await staffSubmission(accepted.body.submissionId);
      const share = (graded!.grading as { estimatesShare: number }).estimatesShare;
      expect(share).toBeGreaterThan(0);
      expect(graded).toMatchObject({ score: share, grading: { rubricPending: true, estimates: { score: 1 } } });
    });
  });

  it('counts every graded item in the results and the competency scores', async () => {
    const results = await api.get(`/api/v1/assessments/${assessmentId}/results`, { token: recruiterToken });
    expect(results.status).toBe(200);
    const [mine] = results.body as {
      total: number;
      competencies: Record<string, number>;
      items: { challengeSlug: string; status: string; score: number | null }[];
    }[];
    const bySlug = new Map(mine.items.map((item) => [item.challengeSlug, item]));
    expect(bySlug.get('top-customers-by-region')).toMatchObject({ status: 'scored', score: 0 });
    expect(bySlug.get('quiz-api-security')!.status).toBe('scored');
    expect(bySlug.get('review-order-search-pr')).toMatchObject({ status: 'scored', score: 0 });
    expect(bySlug.get('design-url-shortener')!.status).toBe('pending_review');
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.competencies.security).toBeGreaterThan(0);
  });
});
