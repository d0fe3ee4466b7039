import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { contentHashOf, indexFiles } from '@app/challenge-kit';
import {
  HttpClient,
  awaitChallengeVerification,
  createTestDatabase,
  newOrganization,
  startTestApi,
  type RunningTestApi,
  type SignedInStaff,
  type TestDatabase,
} from '@app/testing';
import { createApiApplication } from '../apps/api/src/api.application.js';
import { newGraderPackageFiles, newPackageFiles } from '../libs/challenge-kit/src/package/challenge-package.factory.js';
import { startTestJudge } from './support/test-judge.js';

const uploadOf = (files: Map<string, string>) => ({
  files: [...files].map(([path, content]) => ({ path, content })),
  contentHash: contentHashOf(indexFiles(files)),
});

/** The factory's code package under another slug, with some files replaced. */
function codePackage(slug: string, overrides: Record<string, string> = {}): Map<string, string> {
  const files = newPackageFiles(overrides);
  files.set('challenge.yaml', files.get('challenge.yaml')!.replace('slug: sum-two', `slug: ${slug}`));
  return files;
}

describe('uploaded code and SQL challenges are verified by the judge', () => {
  let database: TestDatabase;
  let running: RunningTestApi;
  let judge: INestApplicationContext | undefined;
  let api: HttpClient;
  let admin: SignedInStaff;

  const startJudge = async () => {
    judge = await startTestJudge(database.url, 1);
  };
  const upload = (files: Map<string, string>) =>
    api.post('/api/v1/challenges', uploadOf(files), { token: admin.accessToken });
  const assessmentOf = (...slugs: string[]) =>
    api.post(
      '/api/v1/assessments',
      { title: 'Uploaded', durationMinutes: 30, items: slugs.map((challengeSlug) => ({ challengeSlug })) },
      { token: admin.accessToken },
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    running = await startTestApi(createApiApplication, database.url, { AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    api = new HttpClient(running.url);
    admin = await newOrganization(api);
  });
  afterAll(async () => {
    await judge?.close();
    await running?.close();
    await database?.drop();
  });

  it('keeps a code upload pending, out of assessments, until the judge has run it', async () => {
    // No judge yet: the verification job waits in the queue.
    const created = await upload(codePackage('our-sum'));
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ slug: 'our-sum', version: 1, created: true, verification: 'pending', problems: [] });
    expect((await api.get('/api/v1/challenges/our-sum', { token: admin.accessToken })).body).toMatchObject({
      verification: 'pending',
      problems: [],
    });
    const early = await assessmentOf('our-sum');
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('unverified_challenges');
    expect(early.body.message).toContain('our-sum (version 1) is still being verified by the judge');

    // A sandbox-free type is verified before it is stored.
    const quiz = await upload(newGraderPackageFiles('quiz'));
    expect(quiz.status).toBe(201);
    expect(quiz.body).toMatchObject({ verification: 'verified', problems: [] });

    await startJudge();
    const verified = await awaitChallengeVerification(api, admin, 'our-sum');
    expect(verified).toMatchObject({ verification: 'verified', problems: [] });
    expect((await assessmentOf('our-sum', quiz.body.slug as string)).status).toBe(201);
    // The same content again is the same, already verified version: no new job.
    expect((await upload(codePackage('our-sum'))).body).toMatchObject({ created: false, verification: 'verified' });
  });

  it('rejects a code upload whose wrong solution passes every hidden test, naming the file', async () => {
    const created = await upload(
      codePackage('lenient-sum', {
        'wrong/ignores-sign.ts':
          '// Meant to ignore the sign, but is right after all.\nexport function sum(a: number, b: number): number {\n  return b + a;\n}\n',
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body.verification).toBe('pending');
    const rejected = await awaitChallengeVerification(api, admin, 'lenient-sum');
    expect(rejected.verification).toBe('rejected');
    expect(rejected.problems).toEqual([
      {
        file: 'wrong/ignores-sign.ts',
        message: 'wrong solution must fail a hidden test but passes them all (3/3 tests)',
      },
    ]);
    const refused = await assessmentOf('lenient-sum');
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('lenient-sum (version 1) was rejected by its verification');
    expect(refused.body.details.unverified).toEqual([
      { challengeSlug: 'lenient-sum', version: 1, verification: 'rejected', problems: rejected.problems },
    ]);
  });

  it('rejects a code upload whose reference fails a test, and a fixed upload becomes verified', async () => {
    await upload(
      codePackage('broken-sum', {
        'solutions/reference.ts': 'export function sum(a: number, b: number): number {\n  return a - b;\n}\n',
      }),
    );
    const rejected = await awaitChallengeVerification(api, admin, 'broken-sum');
    expect(rejected.verification).toBe('rejected');
    expect(rejected.problems).toEqual([
      {
        file: 'solutions/reference.ts',
        message: expect.stringMatching(/^reference solution must pass every test but fails sample "small numbers"/),
      },
    ]);

    const fixed = await upload(codePackage('broken-sum'));
    expect(fixed.body).toMatchObject({ version: 2, created: true, verification: 'pending' });
    expect((await awaitChallengeVerification(api, admin, 'broken-sum')).verification).toBe('verified');
    expect((await assessmentOf('broken-sum')).status).toBe(201);
  });

  it('runs SQL uploads in the SQL sandbox: a good one is verified, a lenient one rejected', async () => {
    const good = await upload(newGraderPackageFiles('sql'));
    expect(good.body).toMatchObject({ slug: 'a-query', verification: 'pending' });
    expect(await awaitChallengeVerification(api, admin, 'a-query')).toMatchObject({
      verification: 'verified',
      problems: [],
    });

    const lenient = newGraderPackageFiles('sql');
    lenient.set('challenge.yaml', lenient.get('challenge.yaml')!.replace('slug: a-query', 'slug: lenient-query'));
    lenient.set(
      'wrong/limit-one.sql',
      '-- Meant to keep one row, but is right after all.\nSELECT id FROM t WHERE v = (SELECT max(v) FROM t) ORDER BY id;\n',
    );
    expect((await upload(lenient)).status).toBe(201);
    const rejected = await awaitChallengeVerification(api, admin, 'lenient-query');
    expect(rejected).toMatchObject({
      verification: 'rejected',
      problems: [
        {
          file: 'wrong/limit-one.sql',
          message: 'wrong solution must fail a hidden test but passes them all (2/2 tests)',
        },
      ],
    });
    expect((await assessmentOf('a-query', 'lenient-query')).status).toBe(422);
  });
});
