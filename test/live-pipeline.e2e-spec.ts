import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { JUDGE_QUEUE } from '@app/contracts';
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
import type { DataSource } from 'typeorm';
import { createApiApplication } from '../apps/api/src/api.application.js';
import { CandidateSessionsService } from '../apps/api/src/candidate-sessions/candidate-sessions.service.js';
import { LiveTestClient } from './support/live-client.js';
import { TWO_SUM_SOLUTION, TWO_SUM_WRONG, twoSumDefinition } from './support/two-sum.challenge.js';
import { startTestJudge } from './support/test-judge.js';

describe('live judging: queue, judge, socket streaming with replay', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let running: RunningTestApi;
  let judge: INestApplicationContext;
  let api: HttpClient;
  let sessionToken: string;
  let sessionId: string;
  let itemId: string;
  let recruiterToken: string;
  let assessmentId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, 2).initialize();
    await seedChallenge(dataSource, { slug: 'two-sum', type: 'coding', definition: twoSumDefinition() });
    running = await startTestApi(createApiApplication, database.url, { AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    judge = await startTestJudge(database.url);
    api = new HttpClient(running.url);
    const admin = await newOrganization(api);
    const recruiter = await newMember(api, admin, 'recruiter');
    recruiterToken = recruiter.accessToken;
    const assessment = await api.post(
      '/api/v1/assessments',
      { title: 'Live test', durationMinutes: 30, items: [{ challengeSlug: 'two-sum' }] },
      { token: recruiterToken },
    );
    assessmentId = assessment.body.id;
    const invite = await api.post(
      `/api/v1/assessments/${assessment.body.id}/invites`,
      { candidateName: 'Cand', candidateEmail: 'c@example.test' },
      { token: recruiterToken },
    );
    const started = await api.post('/api/v1/candidate/sessions', { inviteToken: invite.body.token });
    sessionToken = started.body.sessionToken;
    sessionId = started.body.session.id;
    itemId = started.body.session.items[0].id;
  });
  afterAll(async () => {
    await judge?.close();
    await running?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  /** Submits (or runs) code as the candidate, subscribes to it at once and waits for its verdict; its id. */
  const submitAndWatch = async (client: LiveTestClient, kind: 'submissions' | 'runs', code: string) => {
    const accepted = await api.post(
      `/api/v1/candidate/session/items/${itemId}/${kind}`,
      { language: 'javascript', code },
      { token: sessionToken },
    );
    expect(accepted.status).toBe(202);
    const submissionId = accepted.body.submissionId as string;
    await client.subscribe({ submissionId, afterSeq: 0 });
    await client.waitFor((e) => e.type === 'submission.finished' && e.stream === `submission:${submissionId}`);
    return submissionId;
  };

  it('streams every test of a submission to the candidate, in order, ending with one final verdict', async () => {
    const client = await LiveTestClient.connect(running.url, sessionToken);
    try {
      await client.subscribe({ sessionId });
      const submissionId = await submitAndWatch(client, 'submissions', TWO_SUM_SOLUTION);

      const events = client.stream(`submission:${submissionId}`);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events.map((e) => e.type)).toEqual([
        'submission.queued',
        'submission.running',
        'test.finished',
        'test.finished',
        'test.finished',
        'test.finished',
        'test.finished',
        'submission.finished',
      ]);
      expect(events.at(-1)!.payload).toMatchObject({ verdict: 'ACCEPTED', score: 1, kind: 'final' });
      // Events that reached the API together left it together: the verdict with the results written with it.
      const verdictMessage = client.messages.find((message) =>
        message.some((e) => e.type === 'submission.finished' && e.stream === `submission:${submissionId}`),
      )!;
      expect(verdictMessage.length).toBeGreaterThan(1);
      const hidden = events.filter((e) => e.type === 'test.finished' && !(e.payload as { sample: boolean }).sample);
      expect(hidden).toHaveLength(3);
      for (const e of hidden) expect(e.payload).not.toHaveProperty('details');

      const result = await api.get(`/api/v1/candidate/submissions/${submissionId}`, { token: sessionToken });
      expect(result.body).toMatchObject({ status: 'finished', verdict: 'ACCEPTED', score: 1 });
      expect(result.body.tests).toHaveLength(5);
      expect(result.body.tests[0]).toMatchObject({
        sample: true,
        input: expect.any(String),
        expected: expect.any(String),
      });
      expect(result.body.tests[4]).not.toHaveProperty('expected');

      // The verdict's statement completed the submission's job: one transaction, one now().
      const [job] = await dataSource.query<{ state: string; same: boolean }[]>(
        `SELECT job.state, job.completed_on = submission."finishedAt" AS same
         FROM pgboss.job job JOIN submissions submission ON submission.id = (job.data->>'submissionId')::uuid
         WHERE job.name = $1 AND submission.id = $2`,
        [JUDGE_QUEUE, submissionId],
      );
      expect(job).toEqual({ state: 'completed', same: true });

      const sessionEvents = client.stream(`session:${sessionId}`).map((e) => e.type);
      expect(sessionEvents).toEqual(expect.arrayContaining(['submission.queued', 'submission.finished']));
    } finally {
      client.close();
    }
  });

  it('streams the results of a slow submission as they come, before its verdict', async () => {
    const client = await LiveTestClient.connect(running.url, sessionToken);
    try {
      // Each test spins for tens of milliseconds: results are written while later tests still run.
      const slow = TWO_SUM_SOLUTION.replace('{', '{ let spin = 0; for (let k = 0; k < 5e7; k++) spin += k;');
      const stream = `submission:${await submitAndWatch(client, 'runs', slow)}`;
      const messages = client.messages.map((message) => message.filter((e) => e.stream === stream));
      const firstResult = messages.find((message) => message.some((e) => e.type === 'test.finished'))!;
      expect(firstResult.some((e) => e.type === 'submission.finished')).toBe(false);
      expect(client.stream(stream).filter((e) => e.type === 'submission.finished')).toHaveLength(1);
      // Nothing to write by the end of the first interval: `submission.running` was recorded then, on its own.
      const runningMessage = messages.find((message) => message.some((e) => e.type === 'submission.running'))!;
      expect(runningMessage.map((e) => e.type)).toEqual(['submission.running']);
    } finally {
      client.close();
    }
  });

  it("records a quick submission's `submission.running` in its verdict's statement", async () => {
    // One transaction, one `at`. A judge as loaded as a CI machine can take longer than the batching interval
    // now and then: the first of a few quick submissions must show it.
    const client = await LiveTestClient.connect(running.url, sessionToken);
    try {
      const together: boolean[] = [];
      for (let attempt = 0; attempt < 4 && !together.includes(true); attempt++) {
        const submissionId = await submitAndWatch(client, 'runs', TWO_SUM_SOLUTION);
        const [row] = await dataSource.query<{ together: boolean }[]>(
          `SELECT running.at = finished.at AS together
           FROM live_events running JOIN live_events finished ON finished.stream = running.stream
           WHERE running.stream = $1 AND running.type = 'submission.running' AND finished.type = 'submission.finished'`,
          [`submission:${submissionId}`],
        );
        together.push(row.together);
      }
      expect(together).toContain(true);
    } finally {
      client.close();
    }
  });

  it('scores partial credit and runs only the samples on a run', async () => {
    const wrong = await api.post(
      `/api/v1/candidate/session/items/${itemId}/submissions`,
      { language: 'javascript', code: TWO_SUM_WRONG },
      { token: sessionToken },
    );
    const run = await api.post(
      `/api/v1/candidate/session/items/${itemId}/runs`,
      { language: 'javascript', code: TWO_SUM_SOLUTION },
      { token: sessionToken },
    );
    const finished = async (id: string) => {
      for (let i = 0; i < 200; i++) {
        const result = await api.get(`/api/v1/candidate/submissions/${id}`, { token: sessionToken });
        if (result.body.status === 'finished') return result.body;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('not finished');
    };
    const wrongResult = await finished(wrong.body.submissionId);
    expect(wrongResult.verdict).toBe('WRONG_ANSWER');
    expect(wrongResult.score).toBeLessThan(1);
    const runResult = await finished(run.body.submissionId);
    expect(runResult).toMatchObject({ kind: 'run', verdict: 'ACCEPTED', score: null });
    expect(runResult.tests.every((t: { sample: boolean }) => t.sample)).toBe(true);
  });

  it('replays everything to a late subscriber, then nothing twice', async () => {
    const accepted = await api.post(
      `/api/v1/candidate/session/items/${itemId}/runs`,
      { language: 'javascript', code: TWO_SUM_SOLUTION },
      { token: sessionToken },
    );
    const { submissionId } = accepted.body;
    const early = await LiveTestClient.connect(running.url, sessionToken);
    await early.subscribe({ submissionId });
    await early.waitFor((e) => e.type === 'submission.finished');
    early.close();

    const late = await LiveTestClient.connect(running.url, sessionToken);
    try {
      const ack = await late.subscribe({ submissionId, afterSeq: 2 });
      expect(ack.replayed).toBe(ack.lastSeq - 2);
      const replayed = late.stream(`submission:${submissionId}`);
      expect(replayed[0].seq).toBe(3);
      expect(replayed.map((e) => e.seq)).toEqual(replayed.map((_, i) => i + 3));
      expect(replayed.at(-1)!.type).toBe('submission.finished');
    } finally {
      late.close();
    }
  });

  const newSession = async () => {
    const invite = await api.post(
      `/api/v1/assessments/${assessmentId}/invites`,
      { candidateName: 'Watched', candidateEmail: 'w@example.test' },
      { token: recruiterToken },
    );
    const started = await api.post('/api/v1/candidate/sessions', { inviteToken: invite.body.token });
    expect(started.status).toBe(201);
    return {
      token: started.body.sessionToken as string,
      id: started.body.session.id as string,
      itemId: started.body.session.items[0].id as string,
    };
  };

  it('streams the session to staff (drafts, statuses, the end) and never a staff-only event to the candidate', async () => {
    const staff = await LiveTestClient.connect(running.url, recruiterToken);
    const watcher = await LiveTestClient.connect(running.url, recruiterToken);
    const session = await newSession();
    const candidate = await LiveTestClient.connect(running.url, session.token);
    try {
      await staff.subscribe({ assessmentId });
      await watcher.subscribe({ sessionId: session.id });
      // The start was recorded before anyone subscribed: the candidate replays it.
      await candidate.subscribe({ sessionId: session.id });
      const sessionStream = `session:${session.id}`;
      const started = await candidate.waitFor((e) => e.type === 'session.updated');
      expect(started.payload).toMatchObject({
        sessionId: session.id,
        status: 'in_progress',
        items: [{ id: session.itemId, status: 'not_started' }],
      });
      expect((started.payload as { remainingSeconds: number }).remainingSeconds).toBeGreaterThan(29 * 60);

      const save = (code: string) =>
        api.put(
          `/api/v1/candidate/session/items/${session.itemId}/draft`,
          { language: 'javascript', code },
          { token: session.token },
        );
      expect((await save('// first')).status).toBe(204);
      expect((await save('// second')).status).toBe(204);
      await watcher.waitFor((e) => e.type === 'draft.updated' && (e.payload as { code: string }).code === '// second');
      const accepted = await api.post(
        `/api/v1/candidate/session/items/${session.itemId}/submissions`,
        { language: 'javascript', code: TWO_SUM_SOLUTION },
        { token: session.token },
      );
      expect(accepted.status).toBe(202);
      await watcher.waitFor((e) => e.type === 'submission.finished');
      expect((await api.post('/api/v1/candidate/session/finish', {}, { token: session.token })).status).toBe(200);
      await watcher.waitFor((e) => e.type === 'session.finished');
      await candidate.waitFor((e) => e.type === 'session.finished');

      // Staff on the session stream: every event, in order, without gaps.
      const watched = watcher.stream(sessionStream);
      expect(watched.map((e) => e.seq)).toEqual(watched.map((_, i) => i + 1));
      expect(watched.map((e) => e.type)).toEqual([
        'session.updated', // started
        'draft.updated',
        'session.updated', // the first autosave: draft_saved
        'draft.updated',
        'submission.queued',
        'session.updated', // a final submission: submitted
        'submission.finished', // judging changes no item's status: no session.updated
        'session.finished',
        'session.updated', // finished
      ]);
      const statuses = watched
        .filter((e) => e.type === 'session.updated')
        .map((e) => (e.payload as { items: { status: string }[] }).items[0].status);
      expect(statuses).toEqual(['not_started', 'draft_saved', 'submitted', 'submitted']);
      expect(watched.at(-1)!.payload).toMatchObject({ status: 'finished', remainingSeconds: 0 });
      expect(watched.find((e) => e.type === 'session.finished')!.payload).toMatchObject({ reason: 'submitted' });

      // Staff on the assessment stream: the session's lifecycle, drafts included.
      const ofSession = staff
        .stream(`assessment:${assessmentId}`)
        .filter((e) => (e.payload as { sessionId: string }).sessionId === session.id);
      expect(ofSession.map((e) => e.type)).toEqual([
        'session.updated', // started: staff subscribed before the candidate opened the invite
        'draft.updated',
        'session.updated',
        'draft.updated',
        'session.updated',
        'session.finished',
        'session.updated',
      ]);

      // The candidate: the same stream without the staff-only events, and never a gap in what it is sent.
      const mine = candidate.stream(sessionStream);
      expect(mine.map((e) => e.type)).not.toContain('draft.updated');
      expect(mine.map((e) => e.seq)).toEqual(watched.filter((e) => e.type !== 'draft.updated').map((e) => e.seq));
      expect(candidate.events.every((e) => e.stream === sessionStream)).toBe(true);

      const view = await api.get('/api/v1/candidate/session', { token: session.token });
      expect(view.status).toBe(200);
      expect(view.body.items[0].status).toBe('submitted');
    } finally {
      staff.close();
      watcher.close();
      candidate.close();
    }
  });

  it('copies every session of a cohort writing at once onto the assessment stream, in order and without gaps', async () => {
    const staff = await LiveTestClient.connect(running.url, recruiterToken);
    try {
      await staff.subscribe({ assessmentId });
      const sessions = await Promise.all(Array.from({ length: 8 }, () => newSession()));
      // Every candidate autosaves three times, all candidates at once: copies are recorded while others wait.
      await Promise.all(
        sessions.map(async (session) => {
          for (const code of ['// 1', '// 2', '// 3']) {
            const saved = await api.put(
              `/api/v1/candidate/session/items/${session.itemId}/draft`,
              { language: 'javascript', code },
              { token: session.token },
            );
            expect(saved.status).toBe(204);
          }
        }),
      );
      const stream = `assessment:${assessmentId}`;
      const drafts = (sessionId: string) =>
        staff
          .stream(stream)
          .filter((e) => e.type === 'draft.updated' && (e.payload as { sessionId: string }).sessionId === sessionId)
          .map((e) => (e.payload as { code: string }).code);
      for (const session of sessions) {
        await staff.waitFor(() => drafts(session.id).length === 3);
        expect(drafts(session.id)).toEqual(['// 1', '// 2', '// 3']);
      }
      // Gapless and numbered once: what the socket got is what the database holds.
      const received = staff.stream(stream);
      expect(received.map((e) => e.seq)).toEqual(received.map((_, i) => i + 1));
      const [{ lastSeq }] = await dataSource.query<{ lastSeq: number }[]>(
        `SELECT "lastSeq" FROM live_streams WHERE stream = $1`,
        [stream],
      );
      expect(received.at(-1)!.seq).toBe(lastSeq);
    } finally {
      staff.close();
    }
  });

  it('finishes sessions whose time ran out, and tells staff, even when the candidate is gone', async () => {
    const staff = await LiveTestClient.connect(running.url, recruiterToken);
    const session = await newSession();
    try {
      await staff.subscribe({ sessionId: session.id });
      // What the session's deadline job does when it comes due (scheduled with the session's start).
      const sessions = running.app.get(CandidateSessionsService);
      await sessions.finishAtDeadline(session.id, new Date(Date.now() + 31 * 60_000));
      const finished = await staff.waitFor((e) => e.type === 'session.finished');
      expect(finished.payload).toMatchObject({ sessionId: session.id, reason: 'time_up' });
      // A second run of the job finds it finished: no second event.
      await sessions.finishAtDeadline(session.id, new Date(Date.now() + 31 * 60_000));
      const ended = await api.put(
        `/api/v1/candidate/session/items/${session.itemId}/draft`,
        { language: 'javascript', code: 'late' },
        { token: session.token },
      );
      expect(ended.status).toBe(409);
      expect(staff.stream(`session:${session.id}`).filter((e) => e.type === 'session.finished')).toHaveLength(1);
    } finally {
      staff.close();
    }
  });

  it('authorises every subscription and survives bad messages', async () => {
    const anonymous = await LiveTestClient.connect(running.url, undefined).catch(() => undefined);
    if (anonymous) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(anonymous.errors[0]?.code).toBe('unauthenticated');
      expect(anonymous.socket.connected).toBe(false);
    }
    const other = await newOrganization(api);
    const stranger = await LiveTestClient.connect(running.url, other.accessToken);
    const candidate = await LiveTestClient.connect(running.url, sessionToken);
    const staff = await LiveTestClient.connect(running.url, recruiterToken);
    try {
      await expect(stranger.subscribe({ sessionId })).rejects.toThrow(/not_found/);
      await expect(candidate.subscribe({ sessionId: '6f0c2b8e-3f7e-4a55-9a0e-2f1d7c9b8a10' })).rejects.toThrow(
        /not_found/,
      );
      await expect(candidate.subscribe({ sessionId, submissionId: sessionId })).rejects.toThrow(/bad_subscription/);
      await expect(candidate.subscribe({ sessionId: 'x' })).rejects.toThrow(/bad_subscription/);
      candidate.socket.emit('subscribe', 'not an object');
      candidate.socket.emit('subscribe', { sessionId, afterSeq: -1 });
      candidate.socket.emit('unknown-event', { x: 1 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(candidate.socket.connected).toBe(true);
      await expect(staff.subscribe({ sessionId })).resolves.toMatchObject({ stream: `session:${sessionId}` });
    } finally {
      anonymous?.close();
      stranger.close();
      candidate.close();
      staff.close();
    }
  });
});

describe('metrics', () => {
  it('are served in Prometheus format with the pipeline figures', async () => {
    const database = await createTestDatabase();
    const running = await startTestApi(createApiApplication, database.url);
    try {
      const response = await fetch(`${running.url}/api/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await response.text();
      for (const name of [
        'assay_judge_queue_depth',
        'assay_judge_queue_oldest_age_seconds',
        'assay_judge_latency_seconds',
        'assay_verdicts_total',
        'assay_socket_connections',
        'assay_live_event_lag_seconds',
      ]) {
        expect(text).toContain(`# TYPE ${name}`);
      }
    } finally {
      await running.close();
      await database.drop();
    }
  });
});
