import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JudgeConfig, loadConfig } from '@app/config';
import { contentHashOf, indexFiles } from '@app/challenge-kit';
import { createDataSource } from '@app/db';
import {
  HttpClient,
  awaitChallengeVerification,
  createTestDatabase,
  newMember,
  newOrganization,
  startTestApi,
  type RunningTestApi,
  type SignedInStaff,
  type TestDatabase,
} from '@app/testing';
import type { DataSource } from 'typeorm';
import { createApiApplication } from '../apps/api/src/api.application.js';
import { JudgeModule } from '../apps/judge/src/judge.module.js';
import {
  VALID_MANIFEST,
  newGraderPackageFiles,
  newPackageFiles,
} from '../libs/challenge-kit/src/package/challenge-package.factory.js';
import { LiveTestClient } from './support/live-client.js';

/**
 * What the authors keep secret, each with a marker found nowhere else: hidden test inputs and
 * expected values, reference and wrong solutions, rubric anchors, estimate answers, quiz keys,
 * planted review defects, hidden SQL data.
 */
const MARKERS = [
  '424242', // hidden test input
  '171717', // hidden test input
  '595959', // hidden test expected value
  '919191', // hidden test expected value (tests/more.yaml)
  'REFSOL-7f3a', // reference solution
  'WRONGSOL-9c1d', // wrong solution
  'SECRET-EXPLANATION', // quiz explanation
  'SECRET-DEFECT', // planted review defect
  'SECRET-ANCHOR-LOW', // rubric anchor
  'SECRET-ANCHOR-HIGH', // rubric anchor
  'SECRET-REASONING', // estimate reasoning
  'SECRET-DATASET', // hidden SQL dataset
];
/** Answer keys without a marker of their own: `correct: true` of quiz options, defects' lines. */
const KEY_SHAPES = [/"correct"\s*:/, /"defects"\s*:/, /"lineStart"\s*:/, /"rubric"\s*:/, /"reasoning"\s*:/];

function leaks(text: string): string[] {
  return [
    ...MARKERS.filter((marker) => text.includes(marker)),
    ...KEY_SHAPES.filter((shape) => shape.test(text)).map(String),
  ];
}

function codingPackage(): Map<string, string> {
  const manifest = VALID_MANIFEST.replace('slug: sum-two', 'slug: secret-sum')
    .replace('args: [-2, -3]', 'args: [424242, 171717]')
    .replace('expected: -5', 'expected: 595959');
  return newPackageFiles({
    'challenge.yaml': manifest,
    'solutions/reference.ts':
      '// REFSOL-7f3a\nexport function sum(a: number, b: number): number {\n  return a + b;\n}\n',
    'wrong/ignores-sign.ts':
      '// WRONGSOL-9c1d: adds absolute values.\nexport function sum(a: number, b: number): number {\n  return Math.abs(a) + Math.abs(b);\n}\n',
    // A negative case, so that the wrong solution fails a hidden test and the upload is verified.
    'tests/more.yaml':
      '- name: larger\n  args: [404040, 515151]\n  expected: 919191\n- name: below zero\n  args: [-31, 11]\n  expected: -20\n',
  });
}

describe('what candidates can see', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let running: RunningTestApi;
  let judge: INestApplicationContext;
  let api: HttpClient;
  let admin: SignedInStaff;
  let interviewer: SignedInStaff;
  /** Every response and live event a candidate received, as text. */
  const seen: { what: string; text: string }[] = [];
  let sessionId: string;

  const record = (what: string, body: unknown) =>
    seen.push({ what, text: typeof body === 'string' ? body : JSON.stringify(body) });

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, 2).initialize();
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
    interviewer = await newMember(api, admin, 'interviewer');
    const packages = [
      codingPackage(),
      newGraderPackageFiles('quiz'),
      newGraderPackageFiles('code-review'),
      newGraderPackageFiles('system-design'),
      newGraderPackageFiles('sql'),
    ];
    const slugs: string[] = [];
    for (const files of packages) {
      const upload = {
        files: [...files].map(([path, content]) => ({ path, content })),
        contentHash: contentHashOf(indexFiles(files)),
      };
      const created = await api.post('/api/v1/challenges', upload, { token: admin.accessToken });
      expect(created.status).toBe(201);
      slugs.push(created.body.slug as string);
    }
    // Code and SQL uploads go into assessments once the judge has run their solutions.
    for (const slug of slugs)
      expect((await awaitChallengeVerification(api, admin, slug)).verification).toBe('verified');
    const assessment = await api.post(
      '/api/v1/assessments',
      { title: 'Everything', durationMinutes: 60, items: slugs.map((challengeSlug) => ({ challengeSlug })) },
      { token: admin.accessToken },
    );
    const invite = await api.post(
      `/api/v1/assessments/${assessment.body.id}/invites`,
      { candidateName: 'Eve', candidateEmail: 'eve@example.test' },
      { token: admin.accessToken },
    );

    // The candidate's whole journey, recording everything they receive.
    const started = await api.post('/api/v1/candidate/sessions', { inviteToken: invite.body.token });
    expect(started.status).toBe(201);
    record('start', started.body);
    const token = started.body.sessionToken as string;
    sessionId = started.body.session.id as string;
    const live = await LiveTestClient.connect(running.url, token);
    await live.subscribe({ sessionId });
    record('resume', (await api.post('/api/v1/candidate/sessions', { inviteToken: invite.body.token })).body);
    const session = await api.get('/api/v1/candidate/session', { token });
    record('session', session.body);
    const items = session.body.items as { id: string; type: string }[];
    const answers: Record<string, Record<string, unknown>> = {
      quiz: { idempotent: ['get'], status: ['s503'] },
      'code-review': { comments: [{ file: 'src/users.ts', line: 2, category: 'design', body: 'Name it.' }] },
      'system-design': { sections: { requirements: 'Fast.' }, estimates: { qps: '10' } },
      sql: { sql: 'SELECT id FROM t' },
    };
    const submissionIds: string[] = [];
    for (const item of items) {
      const isCode = item.type === 'coding';
      const body = isCode
        ? { language: 'javascript', code: 'export function sum(a, b) { return a - b; }' }
        : { answer: answers[item.type] ?? {} };
      const draft = await api.put(`/api/v1/candidate/session/items/${item.id}/draft`, body, { token });
      record(`draft ${item.type}`, draft.body);
      if (isCode) {
        const run = await api.post(`/api/v1/candidate/session/items/${item.id}/runs`, body, { token });
        record('run', run.body);
        submissionIds.push(run.body.submissionId as string);
      }
      const submitted = await api.post(`/api/v1/candidate/session/items/${item.id}/submissions`, body, { token });
      record(`submit ${item.type}`, submitted.body);
      if (submitted.status === 202) submissionIds.push(submitted.body.submissionId as string);
    }
    const deadline = Date.now() + 30_000;
    for (const id of submissionIds) {
      for (;;) {
        const result = await api.get(`/api/v1/candidate/submissions/${id}`, { token });
        if (result.body.status === 'finished' || Date.now() > deadline) {
          record(`result ${id}`, result.body);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    record('session after', (await api.get('/api/v1/candidate/session', { token })).body);
    record('finish', (await api.post('/api/v1/candidate/session/finish', undefined, { token })).body);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const event of live.events) record(`live ${event.type}`, event);
    live.close();
  }, 120_000);
  afterAll(async () => {
    await judge?.close();
    await running?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('has the secrets in the catalogue, where the judge and graders read them', async () => {
    const definitions = await dataSource.query<{ definition: string }[]>(
      'SELECT definition::text AS definition FROM challenge_versions',
    );
    const all = definitions.map((row) => row.definition).join('\n');
    expect(MARKERS.filter((marker) => !all.includes(marker))).toEqual([]);
  });

  it('can see a secret where there is one: staff see rubric anchors', async () => {
    const detail = await api.get(`/api/v1/sessions/${sessionId}`, { token: interviewer.accessToken });
    expect(leaks(JSON.stringify(detail.body))).toEqual(
      expect.arrayContaining(['SECRET-ANCHOR-LOW', 'SECRET-ANCHOR-HIGH']),
    );
  });

  it('sends candidates none of them, in any response or live event', () => {
    expect(seen.length).toBeGreaterThan(15);
    expect(seen.some((entry) => entry.what.startsWith('live '))).toBe(true);
    expect(seen.some((entry) => entry.what.startsWith('result '))).toBe(true);
    const found = seen.flatMap((entry) => leaks(entry.text).map((leak) => `${entry.what}: ${leak}`));
    expect(found).toEqual([]);
  });
});
