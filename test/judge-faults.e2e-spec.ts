import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDataSource } from '@app/db';
import {
  HttpClient,
  createTestDatabase,
  newMember,
  newOrganization,
  seedChallenge,
  startTestApi,
  type RunningTestApi,
  type TestDatabase,
} from '@app/testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { createApiApplication } from '../apps/api/src/api.application.js';
import { twoSumDefinition } from './support/two-sum.challenge.js';

/** The compiled judge that production runs (`pretest` builds it). */
const JUDGE = resolve('dist/apps/judge/src/main.js');

function startJudgeProcess(databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ['--no-node-snapshot', JUDGE], {
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', JUDGE_CONCURRENCY: '1' },
    stdio: 'ignore',
  });
}

/** Busy for about `ms` of CPU per call (Date is frozen in the sandbox, so it counts iterations). */
const slowSolution = (iterations: number) => `export function twoSum(nums, target) {
  let x = 0;
  for (let i = 0; i < ${iterations}; i++) x = (x + i) % 7;
  const seen = new Map();
  for (let i = 0; i < nums.length; i++) {
    const j = seen.get(target - nums[i]);
    if (j !== undefined) return [j, i + x * 0];
    seen.set(nums[i], i);
  }
  return [];
}`;

describe('judge faults', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let running: RunningTestApi;
  let api: HttpClient;
  let sessionToken: string;
  let itemId: string;
  const judges: ChildProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, 2).initialize();
    const definition = twoSumDefinition(4);
    (definition.manifest as { limits: Record<string, number> }).limits = { timeLimitMs: 10_000, totalTimeMs: 60_000 };
    await seedChallenge(dataSource, { slug: 'slow-two-sum', definition });
    running = await startTestApi(createApiApplication, database.url, { AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    api = new HttpClient(running.url);
    const admin = await newOrganization(api);
    const recruiter = await newMember(api, admin, 'recruiter');
    const assessment = await api.post(
      '/api/v1/assessments',
      { title: 'Faults', durationMinutes: 60, items: [{ challengeSlug: 'slow-two-sum' }] },
      { token: recruiter.accessToken },
    );
    const invite = await api.post(
      `/api/v1/assessments/${assessment.body.id}/invites`,
      { candidateName: 'C', candidateEmail: 'c@example.test' },
      { token: recruiter.accessToken },
    );
    const started = await api.post('/api/v1/candidate/sessions', { inviteToken: invite.body.token });
    sessionToken = started.body.sessionToken;
    itemId = started.body.session.items[0].id;
  });
  afterAll(async () => {
    for (const judge of judges) judge.kill('SIGKILL');
    await running?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  const submissionRow = async (id: string) =>
    (
      await dataSource.query<{ status: string; verdict: string | null; attempts: number }[]>(
        'SELECT status, verdict, attempts FROM submissions WHERE id = $1',
        [id],
      )
    )[0];

  async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  it('re-judges a submission whose judge was killed mid-run, within 30 s, with exactly one final verdict', async () => {
    const first = startJudgeProcess(database.url);
    judges.push(first);
    const accepted = await api.post(
      `/api/v1/candidate/session/items/${itemId}/submissions`,
      { language: 'javascript', code: slowSolution(80_000_000) },
      { token: sessionToken },
    );
    expect(accepted.status).toBe(202);
    const { submissionId } = accepted.body;
    await waitFor(
      'the submission to run',
      async () => ((await submissionRow(submissionId)).status === 'running' ? true : undefined),
      60_000,
    );

    first.kill('SIGKILL');
    const killedAt = Date.now();
    const second = startJudgeProcess(database.url);
    judges.push(second);

    await waitFor(
      'a second attempt',
      async () => ((await submissionRow(submissionId)).attempts >= 2 ? true : undefined),
      30_000,
    );
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    const finished = await waitFor(
      'the final verdict',
      async () => {
        const row = await submissionRow(submissionId);
        return row.status === 'finished' ? row : undefined;
      },
      90_000,
    );
    expect(finished.verdict).toBe('ACCEPTED');
    const events = await dataSource.query<{ count: string }[]>(
      `SELECT count(*) FROM live_events WHERE stream = $1 AND type = 'submission.finished'`,
      [`submission:${submissionId}`],
    );
    expect(Number(events[0].count)).toBe(1);
    second.kill('SIGTERM');
  });
});
