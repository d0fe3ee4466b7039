import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { contentHashOf, indexFiles } from '@app/challenge-kit';
import {
  HttpClient,
  createTestDatabase,
  newMember,
  newOrganization,
  startTestApi,
  type RunningTestApi,
  type SignedInStaff,
  type TestDatabase,
} from '@app/testing';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createApiApplication } from '../apps/api/src/api.application.js';
import { ChallengeBankImporter } from '../apps/api/src/challenges/challenge-bank.importer.js';
import {
  VALID_STATEMENT,
  manifestWith,
  newGraderPackageFiles,
  newPackageFiles,
} from '../libs/challenge-kit/src/package/challenge-package.factory.js';
import { startTestJudge } from './support/test-judge.js';

const uploadOf = (files: Map<string, string>) => ({
  files: [...files].map(([path, content]) => ({ path, content })),
  contentHash: contentHashOf(indexFiles(files)),
});

function writeBank(root: string, files: Map<string, string>, slug = 'sum-two'): void {
  for (const [path, content] of files) {
    const target = join(root, slug, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

describe('the challenge bank in the catalogue', () => {
  const bank = mkdtempSync(join(tmpdir(), 'assay-bank-'));
  chmodSync(bank, 0o755);
  let database: TestDatabase;
  let running: RunningTestApi;
  let judge: INestApplicationContext;
  let api: HttpClient;
  let admin: SignedInStaff;
  let recruiter: SignedInStaff;

  beforeAll(async () => {
    writeBank(bank, newPackageFiles());
    database = await createTestDatabase();
    running = await startTestApi(createApiApplication, database.url, {
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      LOAD_CHALLENGE_BANK: 'true',
      CHALLENGE_BANK_DIR: bank,
    });
    judge = await startTestJudge(database.url, 1);
    api = new HttpClient(running.url);
    admin = await newOrganization(api);
    recruiter = await newMember(api, admin, 'recruiter');
  });
  afterAll(async () => {
    await judge?.close();
    await running?.close();
    await database?.drop();
    rmSync(bank, { recursive: true, force: true });
  });

  it('loads the bank at start and serves only public content', async () => {
    const list = await api.get('/api/v1/challenges', { token: recruiter.accessToken });
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      expect.objectContaining({ slug: 'sum-two', type: 'coding', difficulty: 'easy', version: 1, private: false }),
    ]);
    expect((await api.get('/api/v1/challenges?difficulty=hard', { token: recruiter.accessToken })).body).toEqual([]);
    expect(
      (await api.get('/api/v1/challenges?competency=programming', { token: recruiter.accessToken })).body,
    ).toHaveLength(1);
    expect((await api.get('/api/v1/challenges?difficulty=extreme', { token: recruiter.accessToken })).status).toBe(400);

    const detail = await api.get('/api/v1/challenges/sum-two', { token: recruiter.accessToken });
    expect(detail.body.content.statement).toContain('Sum of two numbers');
    const text = JSON.stringify(detail.body);
    expect(text).toContain('small numbers'); // the sample test
    expect(text).not.toContain('negative numbers'); // the hidden test
    expect(text).not.toContain('return a + b'); // the reference solution
    expect(text).not.toContain('Math.abs'); // the wrong solution
    expect((await api.get('/api/v1/challenges/nope', { token: recruiter.accessToken })).status).toBe(404);
  });

  it('imports unchanged challenges once, and a changed one as its next version', async () => {
    const importer = running.app.get(ChallengeBankImporter);
    expect(await importer.importFolder(bank)).toEqual({ total: 1, created: 0, failed: 0 });
    const assessment = await api.post(
      '/api/v1/assessments',
      { title: 'Pinned', durationMinutes: 30, items: [{ challengeSlug: 'sum-two' }] },
      { token: recruiter.accessToken },
    );
    writeBank(bank, newPackageFiles({ 'statement.md': `${VALID_STATEMENT}\nNow with a second paragraph.\n` }));
    expect(await importer.importFolder(bank)).toEqual({ total: 1, created: 1, failed: 0 });
    const detail = await api.get('/api/v1/challenges/sum-two', { token: recruiter.accessToken });
    expect(detail.body.version).toBe(2);
    const pinned = await api.get(`/api/v1/assessments/${assessment.body.id}`, { token: recruiter.accessToken });
    expect(pinned.body.items[0].challengeVersion).toBe(1);
  });

  it('judges a candidate against the stored package: reference accepted, wrong solution not', async () => {
    const assessment = await api.post(
      '/api/v1/assessments',
      { title: 'Judge it', durationMinutes: 30, items: [{ challengeSlug: 'sum-two' }] },
      { token: recruiter.accessToken },
    );
    const invite = await api.post(
      `/api/v1/assessments/${assessment.body.id}/invites`,
      { candidateName: 'C', candidateEmail: 'c@example.test' },
      { token: recruiter.accessToken },
    );
    const { sessionToken, session } = (await api.post('/api/v1/candidate/sessions', { inviteToken: invite.body.token }))
      .body;
    const item = session.items[0];
    expect(item.content.starters.map((s: { path: string }) => s.path).sort()).toEqual([
      'starter/solution.js',
      'starter/solution.ts',
    ]);
    expect(JSON.stringify(session)).not.toContain('negative numbers');

    const outcome = async (code: string) => {
      const accepted = await api.post(
        `/api/v1/candidate/session/items/${item.id}/submissions`,
        { language: 'typescript', code },
        { token: sessionToken },
      );
      for (let i = 0; i < 300; i++) {
        const result = await api.get(`/api/v1/candidate/submissions/${accepted.body.submissionId}`, {
          token: sessionToken,
        });
        if (result.body.status === 'finished') return result.body;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('not judged');
    };
    expect(await outcome('export function sum(a: number, b: number): number { return a + b; }')).toMatchObject({
      verdict: 'ACCEPTED',
      score: 1,
    });
    const wrong = await outcome(
      'export function sum(a: number, b: number): number { return Math.abs(a) + Math.abs(b); }',
    );
    expect(wrong.verdict).toBe('WRONG_ANSWER');
    expect(wrong.score).toBeLessThan(1);
    const hidden = wrong.tests.find((t: { sample: boolean }) => !t.sample);
    expect(JSON.stringify(hidden)).not.toMatch(/-5|-2|-3/);
  });

  it('lets an admin upload a private challenge, and lists every problem of a bad one', async () => {
    const files = newPackageFiles({ 'challenge.yaml': undefined });
    const manifest = newPackageFiles().get('challenge.yaml')!.replace('slug: sum-two', 'slug: our-sum');
    files.set('challenge.yaml', manifest);
    const upload = {
      files: [...files].map(([path, content]) => ({ path, content })),
      contentHash: contentHashOf(indexFiles(files)),
    };
    const created = await api.post('/api/v1/challenges', upload, { token: admin.accessToken });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ slug: 'our-sum', version: 1, created: true, verification: 'pending', problems: [] });
    expect((await api.post('/api/v1/challenges', upload, { token: recruiter.accessToken })).status).toBe(403);
    const list = await api.get('/api/v1/challenges', { token: recruiter.accessToken });
    expect(list.body.find((c: { slug: string }) => c.slug === 'our-sum')).toMatchObject({ private: true });
    const other = await newOrganization(api);
    const elsewhere = await api.get('/api/v1/challenges', { token: other.accessToken });
    expect(elsewhere.body.map((c: { slug: string }) => c.slug)).toEqual(['sum-two']);

    const broken = await api.post(
      '/api/v1/challenges',
      { files: [{ path: 'challenge.yaml', content: 'slug: Bad Slug\ntype: nonsense\n' }], contentHash: '0'.repeat(64) },
      { token: admin.accessToken },
    );
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('invalid_package');
    expect(broken.body.details.length).toBeGreaterThan(1);
    expect((await api.post('/api/v1/challenges', 'not an object', { token: admin.accessToken })).status).toBe(400);
  });

  it('checks an upload like the CLI: the harness section, the graders and the answer files', async () => {
    const badTest = newPackageFiles({
      'challenge.yaml': manifestWith('    args: [-2, -3]', '    argz: [-2, -3]').replace(
        'slug: sum-two',
        'slug: bad-test',
      ),
    });
    const harness = await api.post('/api/v1/challenges', uploadOf(badTest), { token: admin.accessToken });
    expect(harness.status).toBe(400);
    expect(harness.body.details).toEqual([
      expect.objectContaining({ file: 'challenge.yaml', pointer: expect.stringMatching(/^\/tests\/1/) }),
    ]);

    const quiz = newGraderPackageFiles('quiz');
    quiz.set('wrong/post.yaml', '# Not wrong at all.\nidempotent: [get, put]\nstatus: [s429]\n');
    const answers = await api.post('/api/v1/challenges', uploadOf(quiz), { token: admin.accessToken });
    expect(answers.status).toBe(400);
    expect(answers.body.details).toEqual([
      expect.objectContaining({
        file: 'wrong/post.yaml',
        message: 'scores 2/2; a wrong answer sheet must lose points',
      }),
    ]);

    const good = await api.post('/api/v1/challenges', uploadOf(newGraderPackageFiles('quiz')), {
      token: admin.accessToken,
    });
    expect(good.status).toBe(201);
  });
});
